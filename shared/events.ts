/** The events the engine pushes, and their payloads (zod-free: the preload bundles this). */
import type { JobError, JobStatus, JobType, SyncState } from './domain.ts';

export interface Events {
  'job-progress': {
    jobId: number;
    accountId: number | null;
    current: number;
    total: number | null;
    percentage: number | null;
    step: string | null;
    etaSeconds: number | null;
  };
  'job-state': {
    jobId: number;
    accountId: number | null;
    type: JobType;
    status: JobStatus;
    error: JobError | null;
  };
  'sync-state': { accountId: number; state: SyncState; detail: string | null };
  'data-changed': { accountId: number; dataVersion: number };
  'analytics-updated': { key: string; account: number | 'all' };
  /** From the desktop shell, not the engine: show a view (the morning brief's notification was clicked). */
  'open-view': { view: 'brief' };
}
export type EventName = keyof Events;

export const EVENT_NAMES = [
  'job-progress',
  'job-state',
  'sync-state',
  'data-changed',
  'analytics-updated',
  'open-view',
] as const satisfies readonly EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
