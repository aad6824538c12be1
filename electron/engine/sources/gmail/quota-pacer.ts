/**
 * Paces one sync's calls to the account's quota as Gmail counts it: per window (`QuotaWindow`), at
 * most `margin` × the ceiling, spread over the first 90 % of the window with a small head start
 * (`burstFraction` of the ceiling, also the largest batch). Time lost to a pause of ours (a slow
 * store, a busy machine) is made up later in the same window, since the schedule counts from the
 * window's start, not from the last call. A server "Retry after" holds every caller until then.
 * While the ceiling is still being found (`QuotaDiscovery`), the probe decides instead: the first
 * 90 % of the `2026` ceiling at once, then one call at a time.
 */
import { cancelledError, type Sleep } from './cancellation.ts';
import type { QuotaDiscovery } from './quota-discovery.ts';
import type { GmailCall } from './quota-profile.ts';
import { QuotaWindow, type WindowSpend } from './quota-window.ts';

export interface QuotaPacerOptions {
  /** Fraction of the ceiling one window may spend. */
  margin: number;
  /** Fraction of the ceiling spendable at once (the head start, and the largest batch). */
  burstFraction: number;
  timeScale: number;
  now: () => number;
  sleep: Sleep;
  /** Told about a noticeable wait (a server pause or a long one of ours) so the user sees it. */
  onWait?: (waitMs: number) => void;
  /** The ceiling in force: fixed by the account's setting, remembered, or being found. */
  discovery: QuotaDiscovery;
}

/**
 * What a sent part spent, as far as its answer tells: `answered` (data or a 404: surely charged),
 * `free` (refused for quota or credentials, or never sent: nothing), `unknown` (a network failure,
 * a 5xx: perhaps).
 */
export type PartCharge = 'answered' | 'free' | 'unknown';

/** Units granted for one call or batch, counted at the costs in force when granted. */
export interface Spend {
  /** How many of the parts asked for may go now (a prefix; the rest asks again). */
  readonly parts: number;
  /** When the call ends: one charge per part sent, or one for all of them. */
  settle(charges: PartCharge | readonly PartCharge[]): void;
}

/** The window's budget is spent over this share of it, leaving the rest to make up for pauses. */
const SPREAD_SHARE = 0.9;
/** Waits longer than this (in unscaled time) are told to the user. */
const NOTICEABLE_MS = 5000;

export class QuotaPacer {
  readonly #options: QuotaPacerOptions;
  readonly #window: QuotaWindow;
  #pausedUntil = 0;
  /** Where the current window's schedule counts from (moved when the ceiling changes mid-window). */
  #scheduleFrom = 0;
  #scheduleBase = 0;
  #scheduleSerial = -1;
  readonly #settled: Array<() => void> = [];

  constructor(options: QuotaPacerOptions) {
    this.#options = options;
    this.#window = new QuotaWindow(60_000 / options.timeScale);
    options.discovery.onChange = () => {
      // The new ceiling's schedule starts now, from what this window already spent.
      this.#scheduleFrom = options.now();
      this.#scheduleBase = this.#window.spent;
    };
  }

  /** The largest burst, and so the most units one batch may carry. */
  get capacity(): number {
    return Math.max(1, Math.floor(this.#options.burstFraction * this.#ceiling));
  }

  /**
   * Waits until some of these parts (their units, in order) may be sent: all of them, or at the end
   * of a window the ones that still fit in it. At least one part is granted.
   */
  async acquire(calls: readonly GmailCall[], signal: AbortSignal): Promise<Spend> {
    const discovery = this.#options.discovery;
    for (;;) {
      // Priced now: a wait may have changed the ceiling in force, and with it the costs.
      const costs = calls.map((call) => discovery.quota.costs[call]);
      const now = this.#options.now();
      if (now < this.#pausedUntil) {
        await this.#wait(this.#pausedUntil - now, signal, true);
        continue;
      }
      this.#window.roll(now);
      const window = this.#window;
      const endsBy = window.endsBy;
      if (now >= window.quietFrom) {
        // The window's calls must be answered before it can end; the next one opens after endsBy.
        if (endsBy === null && window.inFlight === 0) window.closeUnanswered();
        await this.#waitFor(window.endsBy === null ? null : window.endsBy - now, signal);
        continue;
      }
      const parts = discovery.probing ? this.#probeParts(costs) : this.#scheduledParts(costs, now);
      if (typeof parts === 'number') return this.#grant(costs, parts, now);
      await this.#waitFor(parts.waitMs, signal);
    }
  }

  /** The server asked everyone to wait until `at`: its window ends then. */
  pauseUntil(at: number): void {
    const now = this.#options.now();
    // A refusal answered after the window it names had ended says nothing about the current one.
    if (at <= now) return;
    this.#options.discovery.refused(this.#window.spent);
    this.#window.refusedUntil(at, now, this.#budget);
    this.#pausedUntil = Math.max(this.#pausedUntil, at);
  }

  get #ceiling(): number {
    return this.#options.discovery.quota.unitsPerMinute;
  }

  get #budget(): number {
    return this.#options.margin * this.#ceiling;
  }

  /** Probing: freely up to 90 % of the `2026` ceiling, then one call or batch at a time. */
  #probeParts(costs: readonly number[]): number | { waitMs: number | null } {
    const window = this.#window;
    const free = prefixWithin(costs, this.#options.discovery.freeUnits - window.spent);
    if (free === costs.length) return free;
    if (window.inFlight > 0) return { waitMs: null };
    return costs.length;
  }

  /** The window's schedule: the budget spread over its first 90 %, plus the head start. */
  #scheduledParts(costs: readonly number[], now: number): number | { waitMs: number | null } {
    const window = this.#window;
    if (this.#scheduleSerial !== window.serial) {
      this.#scheduleSerial = window.serial;
      this.#scheduleFrom = window.startsFrom ?? now;
      this.#scheduleBase = 0;
    }
    const budget = this.#budget;
    // At the end of a window what still fits goes, the rest in the next window.
    const parts = prefixWithin(costs, budget - window.spent);
    if (parts === 0) return { waitMs: window.endsBy === null ? null : window.endsBy - now };
    const spreadUntil = (window.startsFrom ?? now) + SPREAD_SHARE * window.windowMs;
    if (spreadUntil <= this.#scheduleFrom) return parts;
    const ratePerMs = (budget - this.#scheduleBase) / (spreadUntil - this.#scheduleFrom);
    const allowed = this.#scheduleBase + ratePerMs * (now - this.#scheduleFrom) + this.capacity;
    const units = prefixUnits(costs, parts);
    const needed = window.spent + Math.min(units, this.capacity) - allowed;
    return needed <= 0 ? parts : { waitMs: needed / ratePerMs };
  }

  #grant(costs: readonly number[], parts: number, now: number): Spend {
    const spend: WindowSpend = this.#window.take(prefixUnits(costs, parts), now);
    return {
      parts,
      settle: (charges) => {
        let charged = 0;
        let admitted = 0;
        for (let index = 0; index < parts; index++) {
          const charge = typeof charges === 'string' ? charges : (charges[index] ?? 'free');
          if (charge !== 'free') charged += costs[index]!;
          if (charge === 'answered') admitted += costs[index]!;
        }
        this.#window.settle(spend, charged, admitted, this.#options.now());
        this.#options.discovery.admitted(this.#window.admittedInside);
        for (const wake of this.#settled.splice(0)) wake();
      },
    };
  }

  /** Waits `ms`, or when unknown (null) until some call in flight is answered. */
  async #waitFor(ms: number | null, signal: AbortSignal): Promise<void> {
    if (ms !== null || this.#window.inFlight === 0) {
      await this.#wait(ms ?? 1, signal, false);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#settled.indexOf(wake);
        if (index >= 0) this.#settled.splice(index, 1);
        reject(cancelledError(signal));
      };
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.#settled.push(wake);
    });
  }

  async #wait(ms: number, signal: AbortSignal, serverAsked: boolean): Promise<void> {
    if (serverAsked || ms * this.#options.timeScale >= NOTICEABLE_MS) this.#options.onWait?.(ms);
    await this.#options.sleep(Math.max(1, ms), signal);
  }
}

/** How many leading costs fit within `units`. */
function prefixWithin(costs: readonly number[], units: number): number {
  let sum = 0;
  let count = 0;
  while (count < costs.length && sum + costs[count]! <= units) sum += costs[count++]!;
  return count;
}

function prefixUnits(costs: readonly number[], parts: number): number {
  let units = 0;
  for (let index = 0; index < parts; index++) units += costs[index]!;
  return units;
}
