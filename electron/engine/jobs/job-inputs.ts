/**
 * What the queue's callers hand it. Arguments from outside were parsed by the contract's schemas
 * at the boundary (shared/contract.ts); inside the engine these types carry the guarantee, and the
 * queue checks only what depends on the stored state (the job's status, the account, the size).
 */
import type { MethodArgs } from '../../../shared/contract.ts';
import type { JobType } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import type { JobMetadataPatch } from './job-metadata.ts';

export interface CreateJobInput {
  type: JobType;
  accountId?: number | null;
  maxAttempts?: number;
  metadata?: JobMetadataPatch;
  /** Milliseconds since the epoch before which the job is not claimed. */
  runAfter?: number;
}

/** `jobs.list`'s filter, as the contract declares it. */
export type ListJobsInput = MethodArgs<'jobs.list'>;

export interface ProgressInput {
  current: number;
  /** Omitted: keep the known total; null: the total is not known. */
  total?: number | null;
  step?: string | null;
}

export type JobErrorInput = SerializedError;

export interface FailOptions {
  /** False for errors another attempt cannot fix (e.g. AUTH_REQUIRED): fail at once. */
  retry?: boolean;
  /** Fail without retry and drop the metadata (the cursor), so the write fits on a full disk. */
  compact?: boolean;
}

export interface ClaimOptions {
  types?: readonly JobType[];
  /** Only these jobs (a command runs the jobs it started). */
  ids?: readonly number[];
}
