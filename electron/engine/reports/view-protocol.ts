/** The messages between the report service and the analytics worker (analytics-worker.ts). */
import type { CallOutcome } from '../../../shared/contract.ts';
import type { ForwardedLog } from './forwarded-log.ts';
import type { ComputedView, ViewSet } from './view-computer.ts';

/**
 * The column snapshot a whole load writes (64 MB at 1,000,000 messages, ≈ 0.3 s of the worker's
 * CPU) is for the next cold start: written right after its batch, it held up the next batch — the
 * first view after the next sync, when that sync came within the write. Written once the worker
 * has had no batch for this long instead (a batch meanwhile puts it off again), and when the
 * engine closes. Not 2 s: in the bench's incremental row at 1,000,000 the sync's batch came 2.7 s
 * after the filling's warming, and waited 0.3 s for a write begun 2 s after it; the write cannot
 * be stopped once begun, so the wait is long enough to leave a sync and its views well behind.
 */
export const SNAPSHOT_IDLE_MS = 30_000;

export interface AnalyticsStartData {
  databasePath: string;
  /**
   * How long the worker waits idle before it writes the column snapshots its loads put off
   * (analytics-worker.ts); unset: SNAPSHOT_IDLE_MS. Infinity: only when asked (`flush`).
   */
  snapshotIdleMs?: number;
}

/** A batch of views to compute, or the put-off snapshot writes to do now (the engine is closing). */
export type ToAnalytics = { seq: number; kind: 'views'; sets: ViewSet[] } | { seq: number; kind: 'flush' };

/** Each view as it is computed, then the batch's outcome; a log record whenever the worker logs. */
export type FromAnalytics =
  | { seq: number; kind: 'view'; set: number; view: number; computed: ComputedView }
  /** The end of a batch, or of a flush (no views). */
  | { seq: number; kind: 'done'; outcome: CallOutcome<ComputedView[][]> }
  | ForwardedLog;
