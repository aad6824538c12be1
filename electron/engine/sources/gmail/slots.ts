/**
 * Counts requests in flight so they stay under Gmail's per-user concurrency limit (each batch
 * part counts as one). Waiters are served in arrival order; a waiter whose job stops leaves.
 */
import { cancelledError } from './cancellation.ts';

export class Slots {
  readonly limit: number;
  #used = 0;
  readonly #waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  async take(count: number, signal: AbortSignal): Promise<void> {
    const wanted = Math.min(count, this.limit);
    if (this.#waiters.length === 0 && this.#used + wanted <= this.limit) {
      this.#used += wanted;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        count: wanted,
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(cancelledError(signal));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  give(count: number): void {
    this.#used -= Math.min(count, this.limit);
    while (this.#waiters.length > 0 && this.#used + this.#waiters[0]!.count <= this.limit) {
      const next = this.#waiters.shift()!;
      this.#used += next.count;
      next.resolve();
    }
  }
}
