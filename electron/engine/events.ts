/** The engine's pushed events (shared/contract.ts `Events`), typed, with one listener list per name. */
import type { EventName, Events } from '../../shared/contract.ts';

export type AnyEventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

export class EventBus {
  readonly #listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  /** Every event, in order: the worker forwards them all to the main thread. */
  onAny(listener: AnyEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    const wrapped: AnyEventListener = (eventName, payload) => {
      if ((eventName as string) === name) listener(payload as unknown as Events[E]);
    };
    return this.onAny(wrapped);
  }
}

/**
 * Progress is written and pushed at most every 200 ms, and at least every 2 s while work moves
 * (docs/architecture.md "The job runner, in one paragraph"); the last update of a job always goes out.
 */
export class ProgressThrottle {
  readonly #clock: () => number;
  readonly #minIntervalMs: number;
  #lastSent = Number.NEGATIVE_INFINITY;

  constructor(clock: () => number, minIntervalMs = 200) {
    this.#clock = clock;
    this.#minIntervalMs = minIntervalMs;
  }

  /** Whether an update may go out now; `force` for the final one. */
  ready(force = false): boolean {
    const now = this.#clock();
    if (!force && now - this.#lastSent < this.#minIntervalMs) return false;
    this.#lastSent = now;
    return true;
  }
}

/** Remaining time from the rate so far; null until there is a rate to speak of. */
export function estimateEtaSeconds(
  startedAt: number,
  now: number,
  done: number,
  total: number | null,
): number | null {
  if (total === null || done <= 0 || done >= total)
    return done >= (total ?? Number.POSITIVE_INFINITY) ? 0 : null;
  const elapsed = now - startedAt;
  if (elapsed < 500) return null;
  return Math.round(((total - done) * elapsed) / done / 1000);
}
