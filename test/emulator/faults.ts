import { BriefError } from '../../shared/errors.ts';
import {
  type ApiError,
  backendError,
  concurrent429,
  unavailable,
  usageLimit403,
  userRateLimit429,
} from './google-error.ts';
import { createRandom, type Random } from './random.ts';

/** Probabilities (0..1) per call, and the seed that makes a run reproducible. */
export interface FaultOptions {
  seed?: number;
  /** Spread evenly over every rate-limit shape below. */
  rateLimit?: number;
  rate429?: number;
  concurrent429?: number;
  userRate403?: number;
  rate403?: number;
  daily403?: number;
  quota403?: number;
  error500?: number;
  error503?: number;
  /** Per HTTP request (a whole batch at once): the socket is destroyed without an answer. */
  drop?: number;
  slow?: number;
  /** Extra delay of a slow response, unscaled ms (default 5,000). */
  slowMs?: number;
  /** Access tokens stop working this many seconds after issue, whatever expires_in said. */
  tokenExpirySeconds?: number;
}

const NUMERIC_KEYS = [
  'seed',
  'rateLimit',
  'rate429',
  'concurrent429',
  'userRate403',
  'rate403',
  'daily403',
  'quota403',
  'error500',
  'error503',
  'drop',
  'slow',
  'slowMs',
  'tokenExpirySeconds',
] as const;

/** Parses `rateLimit=0.3,error500=0.05,drop=0.01,seed=7` (the CLI's `--faults`). */
export function parseFaultSpec(spec: string): FaultOptions {
  const options: FaultOptions = {};
  for (const pair of spec.split(',').filter((p) => p.trim() !== '')) {
    const [key, value] = pair.split('=').map((s) => s.trim());
    const known = NUMERIC_KEYS.find((k) => k === key);
    const number = Number(value);
    if (known === undefined || value === undefined || value === '' || !Number.isFinite(number)) {
      throw new BriefError(
        'VALIDATION',
        `Fault "${pair}" is not understood; write key=number with key one of ${NUMERIC_KEYS.join(', ')}.`,
      );
    }
    options[known] = number;
  }
  return options;
}

export type CallFault = { error: ApiError } | { slowMs: number };

type Shape = (retryAt: number) => ApiError;

/**
 * Draws faults from seeded sequences in the order they are asked for: one for dropped
 * connections (per HTTP request) and one for call faults (per call or batch part). Two sequences,
 * because how a client's concurrent requests and batch parts interleave depends on timing: drawn
 * from one, a loaded machine moved the drops onto other requests, and a run could have none.
 */
export class FaultInjector {
  readonly options: FaultOptions;
  readonly #random: Random;
  readonly #drops: Random;
  readonly #table: Array<{ probability: number; make: Shape }>;

  constructor(options: FaultOptions) {
    this.options = options;
    this.#random = createRandom(options.seed ?? 1);
    this.#drops = createRandom(((options.seed ?? 1) ^ 0x0d509) >>> 0);
    const spread = (options.rateLimit ?? 0) / 6;
    const shapes: Array<[number | undefined, Shape]> = [
      [options.rate429, (at) => userRateLimit429(at)],
      [options.concurrent429, () => concurrent429()],
      [options.userRate403, () => usageLimit403('userRateLimitExceeded')],
      [options.rate403, () => usageLimit403('rateLimitExceeded')],
      [options.daily403, () => usageLimit403('dailyLimitExceeded')],
      [options.quota403, () => usageLimit403('quotaExceeded')],
    ];
    this.#table = [
      ...shapes.map(([p, make]) => ({ probability: (p ?? 0) + spread, make })),
      { probability: options.error500 ?? 0, make: () => backendError() },
      { probability: options.error503 ?? 0, make: () => unavailable() },
    ].filter((row) => row.probability > 0);
  }

  /** Whether to drop this HTTP request's connection. */
  dropConnection(): boolean {
    const p = this.options.drop ?? 0;
    return p > 0 && this.#drops.next() < p;
  }

  /** A fault for one call (or batch part), or undefined; `now` and `timeScale` date a Retry after. */
  forCall(now: number, timeScale: number): CallFault | undefined {
    if (this.#table.length > 0) {
      let draw = this.#random.next();
      for (const row of this.#table) {
        if (draw < row.probability) {
          const retryAt = now + this.#random.int(1000, 5000) / timeScale;
          return { error: row.make(retryAt) };
        }
        draw -= row.probability;
      }
    }
    const slow = this.options.slow ?? 0;
    if (slow > 0 && this.#random.next() < slow) return { slowMs: (this.options.slowMs ?? 5000) / timeScale };
    return undefined;
  }
}
