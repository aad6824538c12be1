/**
 * Makes stored batches visible: re-derives the account (direction, threads) and pushes
 * `data-changed`. In a first sync the first batch — the newest mail — is published at once;
 * later ones at most every interval, stretched so re-deriving a large account takes at most a
 * tenth of the time. An incremental sync, usually one small batch, publishes once at its end
 * (re-deriving a large account twice for a few new messages would double its cost).
 */
import { performance } from 'node:perf_hooks';
import type { EngineServices } from '../../engine.ts';

export class DataPublisher {
  readonly #services: EngineServices;
  readonly #accountId: number;
  readonly #intervalMs: number;
  #lastAt: number | null = null;
  #lastCostMs = 0;
  #dirty = false;

  constructor(services: EngineServices, accountId: number, intervalMs: number, firstAtOnce = true) {
    this.#services = services;
    this.#accountId = accountId;
    this.#intervalMs = intervalMs;
    if (!firstAtOnce) this.#lastAt = performance.now();
  }

  /** Called after each stored batch that changed something. */
  stored(): void {
    this.#dirty = true;
    const now = performance.now();
    if (this.#lastAt === null || now - this.#lastAt >= Math.max(this.#intervalMs, 10 * this.#lastCostMs)) {
      this.publish();
    }
  }

  /** Publishes now if anything was stored since the last time. */
  flush(): void {
    if (this.#dirty) this.publish();
  }

  publish(): void {
    const started = performance.now();
    this.#services.rederive(this.#accountId);
    this.#lastCostMs = performance.now() - started;
    this.#lastAt = performance.now();
    this.#dirty = false;
    this.#services.events.emit('data-changed', {
      accountId: this.#accountId,
      dataVersion: this.#services.accounts.getDataVersion(this.#accountId),
    });
  }
}
