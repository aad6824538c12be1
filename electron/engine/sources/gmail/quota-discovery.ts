/**
 * Finds an account's Gmail quota ceiling when its setting is `auto` (docs/sync.md "Quota, retries,
 * errors": two profiles exist, and the user should not have to know which one applies).
 *
 * The probe starts safe: costs are counted at the `2026` table (the lower ceiling), the first 90 %
 * of that ceiling in a window is spent at once, and the rest one call (or batch) at a time, so few
 * calls are in flight when the server starts refusing. A "Retry after" refusal then means the
 * ceiling is `2026` (a handful of refused calls, one window); 125 % of it answered inside one
 * window without a refusal means it is higher, which among the known profiles is `legacy`.
 *
 * What was found is remembered for the account. A remembered `2026` is used without probing (for a
 * week, then found again, so a raised ceiling is noticed). A remembered `legacy` is checked by the
 * same probe at the start of each sync: passing through the `2026` ceiling one call at a time costs
 * a fraction of a second, whereas trusting it blindly would send a full window of calls into a
 * ceiling that has dropped. A "Retry after" refusal well under the `legacy` ceiling later in a sync
 * means it dropped: the sync continues at `2026`, at once, so refusals stay in that one window. A
 * profile set by the user overrides all of this.
 */
import type { QuotaProfile, QuotaProfileSetting } from '../../../../shared/domain.ts';
import { QUOTA_COSTS, type QuotaCosts } from './quota-profile.ts';

export interface QuotaDiscoveryOptions {
  setting: QuotaProfileSetting;
  /** What an earlier sync found and is still fresh, if anything. */
  learned: QuotaProfile | null;
  /** Stores what was found. */
  remember(profile: QuotaProfile): void;
}

type Mode = 'fixed' | 'found' | 'probing';

const PROBE_CEILING = QUOTA_COSTS['2026'].unitsPerMinute;
/** Share of the `2026` ceiling spent at once while probing. */
const FREE_SHARE = 0.9;
/** Share of the `2026` ceiling that, admitted in one window without a refusal, proves it higher. */
const PASSED_SHARE = 1.25;
/** A refusal under this share of the `legacy` ceiling says the ceiling dropped. */
const DROPPED_BELOW = 0.9;

export class QuotaDiscovery {
  readonly #options: QuotaDiscoveryOptions;
  #mode: Mode;
  #profile: QuotaProfile;
  /** Told when the ceiling in force changes (the pacer re-sizes). */
  onChange: (costs: QuotaCosts) => void = () => {};

  constructor(options: QuotaDiscoveryOptions) {
    this.#options = options;
    if (options.setting !== 'auto') {
      this.#mode = 'fixed';
      this.#profile = options.setting;
    } else if (options.learned === '2026') {
      this.#mode = 'found';
      this.#profile = '2026';
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

  /** While probing, how many units of the window may be spent without waiting for the others to be answered. */
  get freeUnits(): number {
    return FREE_SHARE * PROBE_CEILING;
  }

  /** Units answered inside the current window (at the costs in force): past 125 % of `2026`, it is `legacy`. */
  admitted(unitsInside: number): void {
    if (this.#mode === 'probing' && unitsInside >= PASSED_SHARE * PROBE_CEILING) this.#settle('legacy');
  }

  /** The server refused for quota and named its window's end; `spent` units were counted in that window. */
  refused(spent: number): void {
    if (this.#mode === 'probing') this.#settle('2026');
    else if (
      this.#mode === 'found' &&
      this.#profile === 'legacy' &&
      spent < DROPPED_BELOW * QUOTA_COSTS.legacy.unitsPerMinute
    ) {
      this.#settle('2026');
    }
  }

  #settle(profile: QuotaProfile): void {
    this.#mode = 'found';
    this.#profile = profile;
    this.#options.remember(profile);
    this.onChange(this.quota);
  }
}
