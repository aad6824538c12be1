/**
 * Finds an account's Gmail quota ceiling when its setting is `auto` (SYNC.md: two profiles exist,
 * and the user should not have to know which one applies).
 *
 * Start safe: until the ceiling is known, costs are counted at the `2026` table (the lower
 * ceiling) and the first window is spent freely up to 90 % of that ceiling, then carefully (one
 * grant per `carefulGapMs`, so few calls are in flight when the server starts refusing). A
 * "Retry after" refusal there means the ceiling is `2026`; spending 125 % of it inside 90 % of one
 * window without a refusal means it is higher, which among the known profiles is `legacy`. What
 * was found is remembered for the account (and found again once it is a week old, so a raised
 * ceiling is noticed); a "Retry after" refusal while far under the remembered ceiling means it has
 * dropped: it is forgotten and found again. A profile set by the user overrides all of this.
 */
import type { QuotaProfile, QuotaProfileSetting } from '../../../../shared/domain.ts';
import { QUOTA_COSTS, type QuotaCosts } from './quota-profile.ts';

export interface QuotaDiscoveryOptions {
  setting: QuotaProfileSetting;
  /** What an earlier sync found, if anything. */
  learned: QuotaProfile | null;
  timeScale: number;
  /** Stores what was found (or null: forget it). */
  remember(profile: QuotaProfile | null): void;
}

type Mode = 'fixed' | 'learned' | 'probing';

const FREE_FRACTION = 0.9;
const PASSED_FRACTION = 1.25;
/** A refusal under this share of the ceiling in force says the ceiling dropped. */
const DROPPED_BELOW = 0.9;

export class QuotaDiscovery {
  readonly #options: QuotaDiscoveryOptions;
  readonly #windowMs: number;
  #mode: Mode;
  #profile: QuotaProfile;
  #windowStart: number | null = null;
  #spent = 0;
  /** Told when the ceiling in force changes (the pacer re-sizes its bucket). */
  onChange: (costs: QuotaCosts) => void = () => {};

  constructor(options: QuotaDiscoveryOptions) {
    this.#options = options;
    this.#windowMs = 60_000 / options.timeScale;
    if (options.setting !== 'auto') {
      this.#mode = 'fixed';
      this.#profile = options.setting;
    } else if (options.learned !== null) {
      this.#mode = 'learned';
      this.#profile = options.learned;
    } else {
      this.#mode = 'probing';
      this.#profile = '2026';
    }
  }

  get probing(): boolean {
    return this.#mode === 'probing';
  }

  get profile(): QuotaProfile {
    return this.#profile;
  }

  /** The costs and ceiling in force, read live (they change when the ceiling is found). */
  readonly quota: QuotaCosts = Object.defineProperties({} as QuotaCosts, {
    unitsPerMinute: { get: () => QUOTA_COSTS[this.#profile].unitsPerMinute, enumerable: true },
    costs: { get: () => QUOTA_COSTS[this.#profile].costs, enumerable: true },
  });

  /**
   * While probing: how long to wait before spending `units` (0: spend now, counted), or
   * `careful`: near the ceiling, spend only when nothing else is in flight (then call `grant`).
   */
  probeWait(units: number, now: number): number | 'careful' {
    this.#roll(now);
    const start = this.#windowStart!;
    const ceiling = QUOTA_COSTS['2026'].unitsPerMinute;
    if (this.#spent + units <= FREE_FRACTION * ceiling) return this.#grant(units);
    const early = now < start + FREE_FRACTION * this.#windowMs;
    if (this.#spent >= PASSED_FRACTION * ceiling) {
      if (early) {
        this.#settle('legacy', true);
        return this.#grant(units);
      }
      // Too slow to tell within one window: wait for the next and probe again.
      return start + this.#windowMs - now;
    }
    return 'careful';
  }

  /** A careful spend the caller made once nothing else was in flight. */
  grant(units: number): void {
    this.#spent += units;
  }

  /** Units spent through the bucket (not probing), for telling a changed ceiling. */
  spent(units: number, now: number): void {
    this.#roll(now);
    this.#spent += units;
  }

  /** The server refused for quota and named the time to come back (its window's end). */
  refused(retryAt: number, now: number): void {
    if (this.#mode === 'fixed') return;
    if (this.#windowStart !== null && now < this.#windowStart) {
      // Another call of a window already refused (sent before the first refusal came back).
      this.#windowStart = Math.max(this.#windowStart, retryAt);
      return;
    }
    this.#roll(now);
    const ceiling = QUOTA_COSTS[this.#profile].unitsPerMinute;
    const share = this.#spent / ceiling;
    if (this.#mode === 'probing') {
      // Refused below 125 % of the 2026 ceiling: among the known profiles, 2026.
      this.#settle('2026', true);
    } else if (share < DROPPED_BELOW && this.#profile !== '2026') {
      this.#options.remember(null);
      this.#mode = 'probing';
      this.#profile = '2026';
      this.onChange(this.quota);
    }
    // The next window starts when the server said.
    this.#windowStart = retryAt;
    this.#spent = 0;
  }

  #grant(units: number): number {
    this.grant(units);
    return 0;
  }

  #settle(profile: QuotaProfile, remember: boolean): void {
    this.#mode = 'learned';
    this.#profile = profile;
    if (remember) this.#options.remember(profile);
    this.onChange(this.quota);
  }

  #roll(now: number): void {
    if (this.#windowStart === null || now < this.#windowStart) {
      this.#windowStart ??= now;
      return;
    }
    if (now >= this.#windowStart + this.#windowMs) {
      const windows = Math.floor((now - this.#windowStart) / this.#windowMs);
      this.#windowStart += windows * this.#windowMs;
      this.#spent = 0;
    }
  }
}
