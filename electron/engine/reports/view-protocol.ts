/** The messages between the report service and the analytics worker (analytics-worker.ts). */
import type { CallOutcome } from '../../../shared/contract.ts';
import type { ForwardedLog } from './forwarded-log.ts';
import type { ComputedView, ViewSet } from './view-computer.ts';

export interface AnalyticsStartData {
  databasePath: string;
}

export interface ToAnalytics {
  seq: number;
  sets: ViewSet[];
}

/** Each view as it is computed, then the batch's outcome; a log record whenever the worker logs. */
export type FromAnalytics =
  | { seq: number; kind: 'view'; set: number; view: number; computed: ComputedView }
  | { seq: number; kind: 'done'; outcome: CallOutcome<ComputedView[][]> }
  | ForwardedLog;
