/**
 * Runs tasks in order, one per turn of the event loop. A worker's messages that arrive together
 * are delivered in one turn; storing each view the analytics worker brings (a few hundred KB of
 * JSON written to the cache) in a turn of its own lets the engine's thread answer the calls that
 * wait between two of them, instead of after all of them.
 */
export class TurnQueue {
  readonly #tasks: Array<() => void> = [];
  #scheduled = false;

  push(task: () => void): void {
    this.#tasks.push(task);
    if (!this.#scheduled) this.#schedule();
  }

  #schedule(): void {
    this.#scheduled = true;
    setImmediate(() => {
      try {
        this.#tasks.shift()?.();
      } finally {
        if (this.#tasks.length > 0) this.#schedule();
        else this.#scheduled = false;
      }
    });
  }
}
