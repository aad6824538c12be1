/**
 * The per-call budget (docs/sync.md "Quota, retries, errors"): a call is tried up to 8 times inside
 * one job attempt; waits the server asked for ("Retry after", Retry-After) do not count as tries;
 * otherwise the wait is min(2^n s + random(0..1000) ms, 64 s). Out of tries, the attempt fails with
 * a code the queue retries from the job's cursor.
 */
import { backoffMs } from '../../../../shared/backoff.ts';
import { BriefError } from '../../../../shared/errors.ts';
import type { Failure } from './gmail-errors.ts';

export interface RetryPolicyOptions {
  tries: number;
  /** Divides backoff waits (1 in the app; the emulator's time scale in tests and benchmarks). */
  timeScale: number;
  random: () => number;
  now: () => number;
}

/** How many waits the server may ask for in a row before the attempt gives up anyway. */
const MAX_SERVER_WAITS = 50;
const CAP_MS = 64_000;

export interface CallBudget {
  tries: number;
  serverWaits: number;
}

export function freshBudget(): CallBudget {
  return { tries: 0, serverWaits: 0 };
}

export interface RetryDecision {
  waitMs: number;
  /** The server named the time: every caller should hold off until then. */
  until: number | null;
}

export class RetryPolicy {
  readonly #options: RetryPolicyOptions;

  constructor(options: RetryPolicyOptions) {
    this.#options = options;
  }

  /** Records a failure against the call's budget and says how long to wait, or throws when spent. */
  decide(failure: Failure, budget: CallBudget): RetryDecision {
    if (failure.kind === 'quota' && failure.retryAt !== null && budget.serverWaits < MAX_SERVER_WAITS) {
      budget.serverWaits += 1;
      const waitMs = Math.max(0, failure.retryAt - this.#options.now());
      return { waitMs, until: failure.retryAt };
    }
    if (failure.kind !== 'quota' && failure.kind !== 'transient') {
      throw new BriefError('INTERNAL', 'A Gmail call failed in a way that retrying cannot fix.');
    }
    budget.tries += 1;
    if (budget.tries >= this.#options.tries) throw outOfTries(failure);
    const waitMs = backoffMs(budget.tries, {
      baseMs: 1000,
      capMs: CAP_MS,
      jitter: { kind: 'add', spreadMs: 1000, random: this.#options.random },
    });
    return { waitMs: waitMs / this.#options.timeScale, until: null };
  }
}

function outOfTries(failure: Failure & { kind: 'quota' | 'transient' }): BriefError {
  if (failure.kind === 'quota') {
    return new BriefError(
      'RATE_LIMITED',
      `Gmail kept refusing calls for quota (${failure.reason}); the sync will resume from where it stopped.`,
    );
  }
  return new BriefError(
    'NETWORK',
    `Gmail could not be reached reliably (${failure.reason}); the sync will resume from where it stopped. Check your connection if this persists.`,
  );
}
