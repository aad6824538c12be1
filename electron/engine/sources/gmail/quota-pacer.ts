/**
 * A token bucket per account sized to its quota profile: it refills at a safety margin under the
 * per-minute ceiling and holds only a small burst, so any minute-long window sees at most
 * (margin + burst) × the ceiling. A server "Retry after" pauses every caller until that time.
 */
import type { Sleep } from './abortable-sleep.ts';

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
}

export class QuotaPacer {
  readonly #options: QuotaPacerOptions;
  readonly #ratePerMs: number;
  readonly capacity: number;
  #tokens: number;
  #updatedAt: number;
  #pausedUntil = 0;

  constructor(options: QuotaPacerOptions) {
    this.#options = options;
    this.#ratePerMs = (options.margin * options.unitsPerMinute * options.timeScale) / 60_000;
    this.capacity = Math.max(1, Math.floor(options.burstFraction * options.unitsPerMinute));
    this.#tokens = this.capacity;
    this.#updatedAt = options.now();
  }

  /** Waits until `units` may be spent. A request larger than the burst waits for a full bucket and goes into debt. */
  async acquire(units: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.#refill();
      if (now < this.#pausedUntil) {
        await this.#wait(this.#pausedUntil - now, signal, true);
        continue;
      }
      const needed = Math.min(units, this.capacity);
      if (this.#tokens >= needed) {
        this.#tokens -= units;
        return;
      }
      await this.#wait((needed - this.#tokens) / this.#ratePerMs, signal, false);
    }
  }

  /** The server asked everyone to wait until `at`: empty the bucket and hold callers until then. */
  pauseUntil(at: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, at);
    this.#tokens = Math.min(this.#tokens, 0);
  }

  async #wait(ms: number, signal: AbortSignal, serverAsked: boolean): Promise<void> {
    const noticeable = serverAsked || ms * this.#options.timeScale >= 5000;
    if (noticeable) this.#options.onWait?.(ms);
    await this.#options.sleep(Math.max(1, ms), signal);
  }

  #refill(): number {
    const now = this.#options.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.capacity, this.#tokens + elapsed * this.#ratePerMs);
    this.#updatedAt = now;
    return now;
  }
}
