/**
 * A token bucket per account sized to its quota ceiling: it refills at a safety margin under the
 * per-minute ceiling and holds only a small burst, so any minute-long window sees at most
 * (margin + burst) × the ceiling. A server "Retry after" pauses every caller until that time.
 * While the ceiling is still being found (`QuotaDiscovery`), the discovery decides instead.
 */
import type { Sleep } from './abortable-sleep.ts';
import type { QuotaDiscovery } from './quota-discovery.ts';
import type { Slots } from './slots.ts';

export interface QuotaPacerOptions {
  unitsPerMinute: number;
  /** Fraction of the ceiling the bucket refills at. */
  margin: number;
  /** Fraction of the ceiling the bucket can hold (the largest burst). */
  burstFraction: number;
  timeScale: number;
  now: () => number;
  sleep: Sleep;
  /** Told about a noticeable wait (a server pause or a long refill) so the user sees it. */
  onWait?: (waitMs: number) => void;
  /** Finds the ceiling when the account's setting is `auto`; absent: the ceiling is fixed. */
  discovery?: QuotaDiscovery;
  /** The requests in flight, which a careful probe waits to see drained. */
  slots?: Slots;
}

export class QuotaPacer {
  readonly #options: QuotaPacerOptions;
  #ratePerMs = 0;
  #capacity = 1;
  #tokens: number;
  #updatedAt: number;
  #pausedUntil = 0;
  #carefulHeld = false;

  constructor(options: QuotaPacerOptions) {
    this.#options = options;
    this.#size(options.unitsPerMinute);
    this.#tokens = this.#capacity;
    this.#updatedAt = options.now();
    if (options.discovery !== undefined) {
      options.discovery.onChange = (quota) => this.#size(quota.unitsPerMinute);
    }
  }

  /** The largest burst (and so the most units one batch may carry). */
  get capacity(): number {
    return this.#capacity;
  }

  /** Waits until `units` may be spent. A request larger than the burst waits for a full bucket and goes into debt. */
  async acquire(units: number, signal: AbortSignal): Promise<void> {
    const discovery = this.#options.discovery;
    for (;;) {
      const now = this.#refill();
      if (now < this.#pausedUntil) {
        await this.#wait(this.#pausedUntil - now, signal, true);
        continue;
      }
      if (discovery?.probing) {
        const wait = discovery.probeWait(units, now);
        if (wait === 'careful') {
          if (this.#carefulHeld || (this.#options.slots?.used ?? 0) > 0) {
            await this.#drained(signal);
            continue;
          }
          // Held until the requests in flight drain: one careful request at a time.
          this.#carefulHeld = true;
          discovery.grant(units);
          return;
        }
        if (wait <= 0) return;
        await this.#wait(wait, signal, false);
        continue;
      }
      const needed = Math.min(units, this.#capacity);
      if (this.#tokens >= needed) {
        this.#tokens -= units;
        discovery?.spent(units, now);
        return;
      }
      await this.#wait((needed - this.#tokens) / this.#ratePerMs, signal, false);
    }
  }

  /** The server asked everyone to wait until `at`: empty the bucket and hold callers until then. */
  pauseUntil(at: number): void {
    this.#options.discovery?.refused(at, this.#options.now());
    this.#pausedUntil = Math.max(this.#pausedUntil, at);
    this.#tokens = Math.min(this.#tokens, 0);
  }

  async #drained(signal: AbortSignal): Promise<void> {
    const slots = this.#options.slots;
    if (slots === undefined || slots.used === 0) await this.#options.sleep(1, signal);
    else await slots.whenIdle(signal);
    if (slots === undefined || slots.used === 0) this.#carefulHeld = false;
  }

  #size(unitsPerMinute: number): void {
    const { margin, burstFraction, timeScale } = this.#options;
    this.#ratePerMs = (margin * unitsPerMinute * timeScale) / 60_000;
    this.#capacity = Math.max(1, Math.floor(burstFraction * unitsPerMinute));
  }

  async #wait(ms: number, signal: AbortSignal, serverAsked: boolean): Promise<void> {
    const noticeable = serverAsked || ms * this.#options.timeScale >= 5000;
    if (noticeable) this.#options.onWait?.(ms);
    await this.#options.sleep(Math.max(1, ms), signal);
  }

  #refill(): number {
    const now = this.#options.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#ratePerMs);
    this.#updatedAt = now;
    return now;
  }
}
