import { BriefError } from '../../shared/errors.ts';
import type { Clock } from './clock.ts';
import type { Counters, WindowCounters } from './counters.ts';
import { type ApiError, concurrent429, userRateLimit429 } from './google-error.ts';

export type QuotaProfileName = '2026' | 'legacy';

export type GmailMethod =
  | 'users.getProfile'
  | 'users.labels.list'
  | 'users.labels.get'
  | 'users.messages.list'
  | 'users.messages.get'
  | 'users.threads.list'
  | 'users.threads.get'
  | 'users.history.list'
  | WriteMethod;

/**
 * The methods that change the mailbox; the product's quota table prices none of them, so both
 * profiles use Google's published costs.
 */
export type WriteMethod =
  | 'users.messages.insert'
  | 'users.messages.import'
  | 'users.messages.modify'
  | 'users.messages.batchModify'
  | 'users.messages.trash'
  | 'users.messages.untrash'
  | 'users.messages.delete'
  | 'users.threads.modify'
  | 'users.labels.create'
  | 'users.labels.patch'
  | 'users.labels.delete';

const WRITE_COSTS: Record<WriteMethod, number> = {
  'users.messages.insert': 25,
  'users.messages.import': 25,
  'users.messages.modify': 5,
  'users.messages.batchModify': 50,
  'users.messages.trash': 5,
  'users.messages.untrash': 5,
  'users.messages.delete': 10,
  'users.threads.modify': 10,
  'users.labels.create': 5,
  'users.labels.patch': 5,
  'users.labels.delete': 5,
};

export interface QuotaProfile {
  unitsPerMinute: number;
  costs: Record<GmailMethod, number>;
}

/** The two quota profiles (docs/emulator.md "Quota, concurrency, latency"). threads.list is 10 at both. */
export const QUOTA_PROFILES: Record<QuotaProfileName, QuotaProfile> = {
  '2026': {
    unitsPerMinute: 6000,
    costs: {
      'users.getProfile': 1,
      'users.labels.list': 1,
      'users.labels.get': 1,
      'users.messages.list': 5,
      'users.messages.get': 20,
      'users.threads.list': 10,
      'users.threads.get': 40,
      'users.history.list': 2,
      ...WRITE_COSTS,
    },
  },
  legacy: {
    unitsPerMinute: 15000,
    costs: {
      'users.getProfile': 1,
      'users.labels.list': 1,
      'users.labels.get': 1,
      'users.messages.list': 5,
      'users.messages.get': 5,
      'users.threads.list': 10,
      'users.threads.get': 10,
      'users.history.list': 2,
      ...WRITE_COSTS,
    },
  },
};

export function quotaProfile(name: string): QuotaProfile {
  if (name !== '2026' && name !== 'legacy') {
    throw new BriefError('VALIDATION', `Unknown quota profile "${name}"; use "2026" or "legacy".`);
  }
  return QUOTA_PROFILES[name];
}

export interface QuotaOptions {
  profile: QuotaProfile;
  clock: Clock;
  /** Divides the one-minute window (a benchmark at s = 10 sees 6-second windows). */
  timeScale: number;
  concurrencyLimit: number;
  /** Refusals tolerated in an exceeded window before each further one pushes the reset out. */
  hammerAllowance: number;
  /** How far (unscaled ms) each refusal past the allowance pushes the window's reset. */
  hammerPenaltyMs: number;
}

interface ActiveWindow {
  counters: WindowCounters;
  used: number;
}

/**
 * Per-user admission: a concurrency slot, then the units of the current window. A window starts
 * with the first call after the previous one ended and lasts a (scaled) minute. Refused calls
 * spend nothing. Returns a ticket the caller settles with the call's outcome.
 */
export class QuotaMeter {
  readonly #options: QuotaOptions;
  readonly #counters: Counters;
  #window: ActiveWindow | undefined;

  constructor(options: QuotaOptions, counters: Counters) {
    this.#options = options;
    this.#counters = counters;
  }

  get windowMs(): number {
    return 60_000 / this.#options.timeScale;
  }

  admit(method: GmailMethod): QuotaTicket | ApiError {
    if (this.#counters.inFlight >= this.#options.concurrencyLimit) return concurrent429();
    const now = this.#options.clock.now();
    const window = this.#current(now);
    const cost = this.#options.profile.costs[method];
    if (window.used + cost > this.#options.profile.unitsPerMinute) {
      window.counters.refusals++;
      if (window.counters.refusals > this.#options.hammerAllowance) {
        window.counters.end += this.#options.hammerPenaltyMs / this.#options.timeScale;
      }
      return userRateLimit429(window.counters.end);
    }
    window.used += cost;
    window.counters.unitsCharged += cost;
    this.#counters.enter();
    const counters = this.#counters;
    let settled = false;
    return {
      cost,
      settle: (succeeded: boolean) => {
        if (settled) return;
        settled = true;
        counters.leave();
        if (succeeded) window.counters.unitsSucceeded += cost;
      },
    };
  }

  #current(now: number): ActiveWindow {
    if (this.#window === undefined || now >= this.#window.counters.end) {
      const counters: WindowCounters = {
        start: now,
        end: now + this.windowMs,
        unitsCharged: 0,
        unitsSucceeded: 0,
        refusals: 0,
      };
      this.#counters.windows.push(counters);
      this.#window = { counters, used: 0 };
    }
    return this.#window;
  }
}

export interface QuotaTicket {
  cost: number;
  settle(succeeded: boolean): void;
}
