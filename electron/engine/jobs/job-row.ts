import type { Job, JobStatus, JobType } from '../../../shared/domain.ts';
import type { ErrorCode } from '../../../shared/errors.ts';

/** An `analytics_jobs` row as SQLite returns it. */
export interface JobRow {
  id: number;
  type: JobType;
  account_id: number | null;
  status: JobStatus;
  progress_current: number;
  progress_total: number | null;
  step: string | null;
  attempts: number;
  max_attempts: number;
  run_after: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  metadata: string;
  error_code: ErrorCode | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export function percentage(current: number, total: number | null): number | null {
  if (total === null) return null;
  if (total === 0) return 100;
  return Math.min(100, Math.floor((current / total) * 100));
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    type: row.type,
    accountId: row.account_id,
    status: row.status,
    current: row.progress_current,
    total: row.progress_total,
    percentage: percentage(row.progress_current, row.progress_total),
    step: row.step,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAfter: row.run_after,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
