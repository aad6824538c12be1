/** Names both sides use (docs/architecture.md "The call path"). */
import type { SerializedError } from './errors.ts';

export const JOB_TYPES = [
  'fetch_messages',
  'sync_history',
  'import_mail',
  'compute_analytics',
  'warm_cache',
  'cleanup',
] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled', 'paused'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Job types of which at most one may be pending or running per account. */
export const SYNC_JOB_TYPES: readonly JobType[] = ['fetch_messages', 'sync_history'];

export const SYNC_STATES = [
  'idle',
  'syncing',
  'waiting-for-quota',
  'offline',
  'needs-reconnect',
  'error',
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const QUOTA_PROFILES = ['2026', 'legacy'] as const;
export type QuotaProfile = (typeof QUOTA_PROFILES)[number];
/** An account's quota setting: `auto` lets the sync find the ceiling; a profile overrides it. */
export const QUOTA_PROFILE_SETTINGS = ['auto', ...QUOTA_PROFILES] as const;
export type QuotaProfileSetting = (typeof QUOTA_PROFILE_SETTINGS)[number];

export const RANGE_PRESETS = ['all', 'today', '7', '30', '90', '365'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/**
 * What a preset range counts back from (docs/metrics.md "Anchored ranges"): the as-of day
 * (`now`), the local day of the newest counted message (`newest`), or `newest` exactly when the
 * calendar range would start after that message (`auto`).
 */
export const RANGE_ANCHORS = ['now', 'newest', 'auto'] as const;
export type RangeAnchor = (typeof RANGE_ANCHORS)[number];

/** Why a job failed: the same code and sentence as any error that crosses a boundary. */
export type JobError = SerializedError;

export interface Job {
  id: number;
  type: JobType;
  accountId: number | null;
  status: JobStatus;
  current: number;
  total: number | null;
  percentage: number | null;
  step: string | null;
  attempts: number;
  maxAttempts: number;
  runAfter: string | null;
  metadata: Record<string, unknown>;
  error: JobError | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Account {
  id: number;
  address: string;
  provider: 'gmail' | 'import' | 'demo';
  identities: string[];
  historyId: string | null;
  dataVersion: number;
  syncState: SyncState;
  lastSyncAt: string | null;
  settings: AccountSettings;
  createdAt: string;
}

export interface WorkingHours {
  /** ISO weekdays, Monday = 1 … Sunday = 7. */
  days: number[];
  /** Minutes after local midnight, start inclusive, end exclusive. */
  startMinute: number;
  endMinute: number;
}

export interface AccountSettings {
  quotaProfile: QuotaProfileSetting;
  includeSpamTrash: boolean;
  keepRawData: boolean;
  workingHours: WorkingHours;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
};

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = {
  quotaProfile: 'auto',
  includeSpamTrash: false,
  keepRawData: false,
  workingHours: DEFAULT_WORKING_HOURS,
};

/**
 * The engine's defaults: a job's attempts, a Gmail call's tries, the job lease and its heartbeat
 * (docs/architecture.md "The job runner, in one paragraph", docs/sync.md), how long a cached view
 * lives, and the background sync's interval (docs/shell.md "Background sync").
 */
export const DEFAULTS = {
  maxAttempts: 5,
  callTries: 8,
  leaseMs: 30_000,
  heartbeatMs: 5_000,
  analyticsTtlMs: 24 * 3600 * 1000,
  syncIntervalMinutes: 5,
} as const;
