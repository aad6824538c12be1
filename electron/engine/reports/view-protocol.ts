/** The messages between the report service and the analytics worker (analytics-worker.ts). */
import type { CallOutcome } from '../../../shared/contract.ts';
import type { ComputedView, ViewSet } from './view-computer.ts';

export interface AnalyticsStartData {
  databasePath: string;
}

export interface ToAnalytics {
  seq: number;
  sets: ViewSet[];
}

export interface FromAnalytics {
  seq: number;
  outcome: CallOutcome<ComputedView[][]>;
}
