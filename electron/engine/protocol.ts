/**
 * The worker channel: sequence-numbered messages between the main thread and the engine worker,
 * derived from the contract (method names and event names come from shared/contract.ts).
 */
import type { CallOutcome, EventName, Events, MethodName } from '../../shared/contract.ts';
import type { SerializedError } from '../../shared/errors.ts';
import type { AccessToken } from './auth/token-provider.ts';

export type ToWorker =
  | { kind: 'call'; seq: number; method: MethodName; args: unknown }
  | { kind: 'token-response'; seq: number; outcome: CallOutcome<AccessToken> }
  | { kind: 'shutdown' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'result'; seq: number; outcome: CallOutcome<unknown> }
  | { [E in EventName]: { kind: 'event'; name: E; payload: Events[E] } }[EventName]
  | { kind: 'token-request'; seq: number; accountId: number; address: string; forceRefresh: boolean }
  | { kind: 'fatal'; error: SerializedError }
  | { kind: 'closed' };

export interface WorkerStartData {
  databasePath: string;
  /** The app's own database in its data folder, not one named by BRIEF_DB (see db/open.ts). */
  appOwnsPath?: boolean;
  /** The engine log's folder (its records are written there, and only there); none: in memory. */
  logFolder: string | null;
  /** The job runner's id, the same for every worker one host starts (see EngineOptions.runnerId). */
  runnerId?: string;
  /** Whether the engine runs jobs (the app) or only answers calls (a second reader). */
  runJobs: boolean;
  /** Where Gmail is and how time runs, decided by main (a development run may name the emulator). */
  gmailSync?: { rootUrl?: string; timeScale?: number };
  /** The analytics worker's entry (analytics-worker.ts): reports are computed there, off the engine's thread. */
  analyticsWorkerPath?: string;
}
