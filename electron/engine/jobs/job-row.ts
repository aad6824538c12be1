import { type Job, type JobStatus, type JobType, SYNC_JOB_TYPES } from '../../../shared/domain.ts';
import { BriefError, type ErrorCode } from '../../../shared/errors.ts';
import type { JobStatements } from './job-statements.ts';

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

/** The job's row; NOT_FOUND with a sentence when it is gone. */
export function requireJobRow(sql: JobStatements, id: number): JobRow {
  const row = sql.byId.get(id);
  if (!row)
    throw new BriefError(
      'NOT_FOUND',
      `Job ${id} does not exist; it may have been cleaned up. Refresh the job list.`,
    );
  return row;
}

export function syncConflict(): BriefError {
  return new BriefError(
    'CONFLICT',
    `A sync (${SYNC_JOB_TYPES.join(' or ')}) is already queued, running or paused for this account. Wait for it to finish or cancel it first.`,
  );
}
