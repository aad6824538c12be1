/**
 * Where the report service's views are computed: on the engine's thread (`inThreadViews`: the
 * CLI's one-shot commands), or in the analytics worker (`ViewWorker`), started on the first view
 * and again after it stopped. A worker that stops (a crash, out of memory) fails the views it had
 * with a sentence; the next view starts a new one, and its caller's stale-while-revalidate answers
 * stay as they were.
 */
import { Worker } from 'node:worker_threads';
import { BriefError, fromSerializedError } from '../../../shared/errors.ts';
import type { Logger } from '../log.ts';
import { findWorkerScript } from '../worker-script.ts';
import { writeForwarded } from './forwarded-log.ts';
import { TurnQueue } from './turn-queue.ts';
import type { ComputedView, OnView, ViewComputer, ViewSet } from './view-computer.ts';
import type { AnalyticsStartData, FromAnalytics, ToAnalytics } from './view-protocol.ts';

/**
 * Where the analytics worker's entry is: analytics-worker.ts in the sources, and the build's
 * `analytics-worker.js` entry beside the bundle that holds the engine (out/main/ or out/main/chunks/).
 */
const ENTRY_CANDIDATES = ['../analytics-worker.ts', './analytics-worker.js', '../analytics-worker.js'];

export function findAnalyticsWorker(): URL | null {
  return findWorkerScript(import.meta.url, ENTRY_CANDIDATES);
}

export interface ViewSource {
  /** Each set's views; `onView` is told each one as soon as it is ready. */
  compute(sets: ViewSet[], onView?: OnView): Promise<ComputedView[][]>;
  close(): Promise<void>;
}

export function inThreadViews(computer: ViewComputer): ViewSource {
  return {
    compute: async (sets, onView) => {
      try {
        return computer.compute(sets, onView);
      } finally {
        computer.flush();
      }
    },
    close: async () => {},
  };
}

interface Pending {
  onView: OnView | undefined;
  resolve: (views: ComputedView[][]) => void;
  reject: (error: Error) => void;
}

const STOPPED =
  'The analytics worker stopped before the view was ready (see the engine log). Ask again: a new one starts.';

export class ViewWorker implements ViewSource {
  readonly #entry: URL | string;
  readonly #startData: AnalyticsStartData;
  readonly #logger: Logger;
  readonly #pending = new Map<number, Pending>();
  readonly #turns = new TurnQueue();
  #worker: Worker | null = null;
  #seq = 0;
  #closed = false;

  /** `snapshotIdleMs`: see AnalyticsStartData (tests put the snapshot writes off until close). */
  constructor(
    entry: URL | string,
    databasePath: string,
    logger: Logger,
    options: { snapshotIdleMs?: number } = {},
  ) {
    this.#entry = entry;
    this.#startData = { databasePath, ...options };
    this.#logger = logger;
  }

  compute(sets: ViewSet[], onView?: OnView): Promise<ComputedView[][]> {
    if (this.#closed)
      return Promise.reject(new BriefError('INTERNAL', 'The engine is closed. Restart 360Brief.'));
    return this.#ask(this.#worker ?? this.#start(), { kind: 'views', sets }, onView);
  }

  #ask(
    worker: Worker,
    message: { kind: 'views'; sets: ViewSet[] } | { kind: 'flush' },
    onView?: OnView,
  ): Promise<ComputedView[][]> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { onView, resolve, reject });
      // Held only while it has work: an idle worker never keeps a finished CLI command alive.
      worker.ref();
      worker.postMessage({ ...message, seq } satisfies ToAnalytics);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const worker = this.#worker;
    // An idle worker first writes the column snapshots it put off (view-protocol.ts
    // SNAPSHOT_IDLE_MS); one still computing is stopped as it is, its views failed.
    if (worker && this.#pending.size === 0) await this.#ask(worker, { kind: 'flush' }).catch(() => {});
    this.#worker = null;
    this.#failPending(new BriefError('INTERNAL', 'The engine closed before the view was ready.'));
    if (worker) await worker.terminate();
  }

  #start(): Worker {
    const worker = new Worker(this.#entry, { workerData: this.#startData });
    worker.on('message', (message: FromAnalytics) => {
      if (message.kind === 'log') return writeForwarded(this.#logger, message);
      this.#turns.push(() => this.#answer(worker, message));
    });
    // After the messages it sent before it stopped: what it finished is answered.
    worker.on('error', (error) => {
      this.#logger.error('analytics worker failed', { error });
      this.#turns.push(() => this.#lost(worker));
    });
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#logger.warn('analytics worker exited', { code });
      this.#turns.push(() => this.#lost(worker));
    });
    this.#worker = worker;
    return worker;
  }

  /** A view (stored by its caller, in a turn of its own: turn-queue.ts) or the end of a batch. */
  #answer(worker: Worker, message: Exclude<FromAnalytics, { kind: 'log' }>): void {
    const pending = this.#pending.get(message.seq);
    if (message.kind === 'view') {
      try {
        pending?.onView?.(message.set, message.view, message.computed);
      } catch (error) {
        // Storing the view failed (a full disk): the batch fails with it.
        this.#settle(worker, message.seq);
        pending?.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    this.#settle(worker, message.seq);
    if (!pending) return;
    if (message.outcome.ok) pending.resolve(message.outcome.value);
    else pending.reject(fromSerializedError(message.outcome.error));
  }

  #settle(worker: Worker, seq: number): void {
    this.#pending.delete(seq);
    if (this.#pending.size === 0) worker.unref();
  }

  #lost(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    this.#failPending(new BriefError('INTERNAL', STOPPED));
  }

  #failPending(error: BriefError): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
