/**
 * The quota pacer against the emulator's own quota meter on virtual time: a few workers acquire,
 * have each part admitted (or refused) by `QuotaMeter`, wait the latency and settle, as the batch
 * getter does over HTTP. Every wait is a timer on one virtual clock that jumps to the next timer
 * once nothing else can run, so a run is exact and repeatable, and a pacer that waits for
 * something that never comes is reported instead of hanging.
 */

import { elapsedShare } from '../../bench/sync-harness.ts';
import type { Sleep } from '../../electron/engine/sources/gmail/cancellation.ts';
import { retryAtFromMessage } from '../../electron/engine/sources/gmail/gmail-errors.ts';
import { QuotaDiscovery } from '../../electron/engine/sources/gmail/quota-discovery.ts';
import { type PartCharge, QuotaPacer } from '../../electron/engine/sources/gmail/quota-pacer.ts';
import type { QuotaProfile, QuotaProfileSetting } from '../../shared/domain.ts';
import { Counters, type CountersSnapshot } from '../emulator/counters.ts';
import { ApiError } from '../emulator/google-error.ts';
import { QUOTA_PROFILES, QuotaMeter, type QuotaOptions } from '../emulator/quota.ts';

export class VirtualTime {
  now = Date.parse('2026-06-01T09:00:00Z');
  #sequence = 0;
  readonly #timers: Array<{ at: number; sequence: number; resolve: () => void }> = [];

  readonly sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      this.#timers.push({ at: this.now + Math.max(0, ms), sequence: this.#sequence++, resolve });
    });

  /** Runs until `work` settles; throws when everything waits and no timer is left. */
  async run<T>(work: Promise<T>): Promise<T> {
    let finished = false;
    work.then(
      () => (finished = true),
      () => (finished = true),
    );
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      if (finished) break;
      if (this.#timers.length === 0) throw new Error('stalled: every caller waits and nothing is due');
      this.#timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
      const next = this.#timers.shift()!;
      this.now = Math.max(this.now, next.at);
      next.resolve();
    }
    return work;
  }
}

export interface SimOptions {
  /** The account's real ceiling (the meter's profile). */
  profile: QuotaProfile;
  setting: QuotaProfileSetting;
  learned?: QuotaProfile | null;
  /** Units of messages.get to fetch in all. */
  gets: number;
  workers?: number;
  /** Parts per batch (each a messages.get). */
  partsPerBatch?: number;
  latencyMs?: number;
  timeScale?: number;
  /** Stop every worker for `ms` from `at` (ms after the start), as a busy thread would. */
  stall?: { at: number; ms: number };
  /** From this time (ms after the start) the account's ceiling is `2026`. */
  dropsTo2026At?: number;
}

export interface SimResult {
  counters: CountersSnapshot;
  remembered: QuotaProfile[];
  /** The ceiling the sync settled on. */
  profile: QuotaProfile;
  /** The account's real ceiling. */
  ceiling: QuotaProfile;
  timeScale: number;
}

export async function simulateSync(options: SimOptions): Promise<SimResult> {
  const time = new VirtualTime();
  const timeScale = options.timeScale ?? 1;
  const counters = new Counters();
  const meterOptions: QuotaOptions = {
    profile: QUOTA_PROFILES[options.profile],
    clock: { now: () => time.now },
    timeScale,
    concurrencyLimit: 50,
    hammerAllowance: 20,
    hammerPenaltyMs: 1000,
  };
  const meter = new QuotaMeter(meterOptions, counters);
  const remembered: QuotaProfile[] = [];
  const discovery = new QuotaDiscovery({
    setting: options.setting,
    learned: options.learned ?? null,
    remember: (profile) => remembered.push(profile),
  });
  const pacer = new QuotaPacer({
    margin: 0.99,
    burstFraction: 0.03,
    timeScale,
    now: () => time.now,
    sleep: time.sleep,
    discovery,
  });
  const signal = new AbortController().signal;
  const started = time.now;
  let left = options.gets;
  const worker = async () => {
    while (left > 0) {
      if (options.dropsTo2026At !== undefined && time.now >= started + options.dropsTo2026At)
        meterOptions.profile = QUOTA_PROFILES['2026'];
      const stall = options.stall;
      if (stall !== undefined && time.now >= started + stall.at && time.now < started + stall.at + stall.ms)
        await time.sleep(started + stall.at + stall.ms - time.now, signal);
      const cost = discovery.quota.costs['messages.get'];
      const parts = Math.min(left, options.partsPerBatch ?? 9, Math.floor(pacer.capacity / cost) || 1);
      left -= parts;
      const spend = await pacer.acquire(Array(parts).fill('messages.get'), signal);
      left += parts - spend.parts;
      const admitted = Array.from({ length: spend.parts }, () => meter.admit('users.messages.get'));
      await time.sleep(options.latencyMs ?? 100 / timeScale, signal);
      let retryAt: number | null = null;
      const charges = admitted.map((ticket): PartCharge => {
        if (!(ticket instanceof ApiError)) {
          ticket.settle(true);
          return 'answered';
        }
        counters.countError(ticket.kind);
        retryAt = retryAtFromMessage(ticket.body.error.message) ?? retryAt;
        left += 1;
        return 'free';
      });
      spend.settle(charges);
      if (retryAt !== null) pacer.pauseUntil(retryAt);
    }
  };
  await time.run(Promise.all(Array.from({ length: options.workers ?? 4 }, worker)));
  return {
    counters: counters.snapshot(),
    remembered,
    profile: discovery.profile,
    ceiling: options.dropsTo2026At === undefined ? options.profile : '2026',
    timeScale,
  };
}

/** The bench's figure: units of 2xx calls in windows `from`…n−2 (0-based) ÷ what the elapsed time allows. */
export function ceilingShare(result: SimResult, from: number): number {
  const ceiling = QUOTA_PROFILES[result.ceiling].unitsPerMinute;
  return elapsedShare(result.counters, from, ceiling, result.timeScale);
}

export function refusalsPerWindow(result: SimResult): number[] {
  return result.counters.windows.map((window) => window.refusals);
}
