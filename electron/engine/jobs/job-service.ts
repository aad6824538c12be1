import { DEFAULTS, type Job, type JobStatus, type JobType, SYNC_JOB_TYPES } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import { isConstraintError } from '../db/storage-errors.ts';
import type { Store } from '../db/store.ts';
import { idSchema, metadataSchema, parseInput } from '../db/validation.ts';
import { retryDelayMs } from './backoff.ts';
import { type JobChange, JobEvents, type JobListener } from './job-events.ts';
import {
  type ClaimOptions,
  type CreateJobInput,
  type CreateJobRequest,
  cleanupDaysSchema,
  createJobSchema,
  failOptionsSchema,
  jobErrorSchema,
  type ListJobsInput,
  listJobsSchema,
  type ProgressInput,
  progressSchema,
  typesSchema,
} from './job-inputs.ts';
import { JobLeases } from './job-leases.ts';
import { type JobRow, requireJobRow, syncConflict, toJob } from './job-row.ts';
import { JobLists, type JobStatements, prepareJobStatements } from './job-statements.ts';

export type { JobChange, JobListener } from './job-events.ts';

export interface JobServiceOptions {
  /** Returns [0, 1); seeded in tests so retry times are reproducible. */
  random?: () => number;
  leaseMs?: number;
  /**
   * The worker id of the runner that runs what this service queues: jobs it creates, retries or
   * resumes are reserved for that runner for one lease (see job-statements.ts).
   */
  owner?: string;
}

const UNFINISHED: readonly JobStatus[] = ['pending', 'processing', 'paused'];
const DAY_MS = 24 * 3600 * 1000;

/**
 * The durable job queue over `analytics_jobs`. Every state change checks the current state inside
 * its transaction and writes nothing when the change is not allowed; listeners hear of each change
 * after it is committed.
 */
export class JobService {
  readonly #store: Store;
  readonly #sql: JobStatements;
  readonly #random: () => number;
  readonly #events: JobEvents;
  readonly #lists: JobLists;
  readonly #leases: JobLeases;

  constructor(store: Store, options: JobServiceOptions = {}) {
    this.#store = store;
    this.#sql = prepareJobStatements(store);
    this.#random = options.random ?? Math.random;
    this.#events = new JobEvents(store.logger);
    this.#lists = new JobLists(store);
    this.#leases = new JobLeases(store, this.#sql, this.#events, {
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      owner: options.owner ?? null,
    });
  }

  onChange(listener: JobListener): () => void {
    return this.#events.subscribe(listener);
  }

  createJob(input: CreateJobInput): Job {
    const request = parseInput(createJobSchema, input, 'The job request');
    return this.#emit(toJob(this.#insert(request)), 'created');
  }

  /**
   * Queues a sync of `type` unless the account has one unfinished (queued, running or paused),
   * checking and inserting in one write transaction: two processes registering one account at
   * once make one sync, and neither is refused. Returns the new job, or null when one was there.
   */
  queueSyncUnlessUnfinished(accountId: number, type: 'fetch_messages' | 'sync_history'): Job | null {
    const row = this.#store.transaction(() => {
      const unfinished = this.#sql.unfinishedForAccount.get({
        accountId,
        types: JSON.stringify(SYNC_JOB_TYPES),
      });
      return unfinished ? null : this.#insert({ type, accountId });
    });
    return row ? this.#emit(toJob(row), 'created') : null;
  }

  #insert(request: CreateJobRequest): JobRow {
    const accountId = request.accountId ?? null;
    if (accountId !== null) this.#requireAccount(accountId);
    const runAfter = request.runAfter ?? this.#store.clock();
    try {
      return this.#sql.insert.get({
        type: request.type,
        accountId,
        maxAttempts: request.maxAttempts ?? DEFAULTS.maxAttempts,
        metadata: JSON.stringify(request.metadata ?? {}),
        runAfter: new Date(runAfter).toISOString(),
        ...this.#leases.reservation(runAfter),
        now: this.#store.nowIso(),
      })!;
    } catch (error) {
      if (isConstraintError(error, 'UNIQUE')) throw syncConflict();
      throw error;
    }
  }

  /**
   * The account's sync to run now: a new one of `type`, or its interrupted one (its process died
   * and the lease ran out, or the engine that queued it closed), taken over with its cursor.
   * CONFLICT when a live engine has one queued, running or paused.
   */
  queueSync(accountId: number, type: 'fetch_messages' | 'sync_history'): Job {
    const account = parseInput(idSchema, accountId, 'The account id');
    return this.#leases.takeOverSync(account) ?? this.createJob({ type, accountId: account });
  }

  getJob(id: number): Job {
    return toJob(this.#row(parseInput(idSchema, id, 'The job id')));
  }

  /** The job, or null when it no longer exists (its account was forgotten, or it was cleaned up). */
  findJob(id: number): Job | null {
    const row = this.#sql.byId.get(parseInput(idSchema, id, 'The job id'));
    return row ? toJob(row) : null;
  }

  listJobs(input: ListJobsInput = {}): { jobs: Job[]; total: number } {
    const query = parseInput(listJobsSchema, input, 'The job list request');
    const params: Record<string, unknown> = {
      status: query.status,
      type: query.type,
      account_id: query.accountId,
    };
    const filters = (['status', 'type', 'account_id'] as const).filter((name) => params[name] !== undefined);
    const statements = this.#lists.for(filters);
    const bound = Object.fromEntries(filters.map((name) => [name, params[name]]));
    return {
      jobs: statements.page.all({ ...bound, limit: query.limit, offset: query.offset }).map(toJob),
      total: statements.count.get(bound)!.total,
    };
  }

  updateProgress(id: number, input: ProgressInput): Job {
    const jobId = parseInput(idSchema, id, 'The job id');
    const progress = parseInput(progressSchema, input, 'The job progress');
    return this.#change(jobId, ['processing'], 'given progress', 'progress', (row) => {
      const total = progress.total === undefined ? row.progress_total : progress.total;
      if (total !== null && progress.current > total) {
        throw new BriefError(
          'VALIDATION',
          `The job progress is not valid: ${progress.current} is more than the total ${total}.`,
        );
      }
      const step = progress.step === undefined ? row.step : progress.step;
      this.#sql.progress.run({
        id: jobId,
        current: progress.current,
        total,
        step,
        now: this.#store.nowIso(),
      });
    });
  }

  mergeMetadata(id: number, patch: Record<string, unknown>): Job {
    const jobId = parseInput(idSchema, id, 'The job id');
    const changes = parseInput(metadataSchema, patch, 'The job metadata');
    return this.#change(jobId, null, 'given metadata', 'metadata', (row) => {
      this.#sql.metadata.run({ id: jobId, metadata: this.#merged(row, changes), now: this.#store.nowIso() });
    });
  }

  /** Keeps where a resumable job got to (a page token, a history id) in its metadata. */
  setCursor(id: number, cursor: unknown): Job {
    return this.mergeMetadata(id, { cursor } as Record<string, unknown>);
  }

  completeJob(id: number, metadata: Record<string, unknown> = {}): Job {
    const jobId = parseInput(idSchema, id, 'The job id');
    const changes = parseInput(metadataSchema, metadata, 'The job metadata');
    return this.#change(jobId, ['processing'], 'completed', 'state', (row) => {
      this.#sql.complete.run({ id: jobId, metadata: this.#merged(row, changes), now: this.#store.nowIso() });
    });
  }

  /**
   * Records a failed attempt. With attempts left (and `retry` not turned off) the job goes back to
   * `pending` after a backoff, keeping the error so the reason is visible; otherwise it is `failed`.
   */
  failJob(
    id: number,
    error: { code: string; message: string },
    options: { retry?: boolean; compact?: boolean } = {},
  ): Job {
    const jobId = parseInput(idSchema, id, 'The job id');
    const reason = parseInput(jobErrorSchema, error, 'The job error');
    const { retry, compact } = parseInput(failOptionsSchema, options, 'The failure options');
    return this.#change(jobId, ['processing'], 'failed', 'state', (row) => {
      const now = this.#store.clock();
      const params = {
        id: jobId,
        code: reason.code,
        message: reason.message,
        now: new Date(now).toISOString(),
      };
      if (compact) {
        this.#sql.failCompact.run(params);
      } else if (retry && row.attempts < row.max_attempts) {
        const runAfter = now + retryDelayMs(row.attempts, this.#random);
        this.#sql.retryLater.run({
          ...params,
          runAfter: new Date(runAfter).toISOString(),
          // Still reserved for the runner that claimed it (it retries it).
          reservedUntil: this.#leases.leaseEnd(runAfter),
        });
      } else {
        this.#sql.fail.run(params);
      }
    });
  }

  /** A failed or cancelled job runs again with a fresh attempt budget and no error. */
  retryJob(id: number): Job {
    return this.#transition(id, ['failed', 'cancelled'], 'retried', 'requeue');
  }

  cancelJob(id: number): Job {
    return this.#transition(id, UNFINISHED, 'cancelled', 'cancel');
  }

  /** Pausing a running job drops its lease; the runner notices at its next heartbeat. */
  pauseJob(id: number): Job {
    return this.#transition(id, ['pending', 'processing'], 'paused', 'pause');
  }

  /**
   * The engine is shutting down under a running job: it goes back to `pending` with its cursor,
   * and the interrupted attempt is not counted (the job did not fail; the app closed).
   */
  releaseJob(id: number): Job {
    return this.#transition(id, ['processing'], 'released', 'release');
  }

  /** Back to `pending`, metadata (and so the cursor) untouched. */
  resumeJob(id: number): Job {
    return this.#transition(id, ['paused'], 'resumed', 'resume');
  }

  /** Whether the account has an unfinished (pending, processing or paused) job of these types. */
  hasRunningJob(accountId: number, types?: readonly JobType[]): boolean {
    const account = parseInput(idSchema, accountId, 'The account id');
    const only = parseInput(typesSchema, types, 'The job types');
    const found = this.#sql.unfinishedForAccount.get({
      accountId: account,
      types: only ? JSON.stringify(only) : null,
    });
    return found !== undefined;
  }

  /**
   * Leases the oldest due pending job to `workerId`, atomically; null when none is due. Jobs
   * reserved for another runner are left to it until the reservation runs out.
   */
  claimNext(workerId: string, options: ClaimOptions = {}): Job | null {
    return this.#leases.claimNext(workerId, options);
  }

  /** When (ms since the epoch) the next pending job `workerId` may claim is due; null when none is. */
  nextDueAt(workerId: string, options: ClaimOptions = {}): number | null {
    return this.#leases.nextDueAt(workerId, options);
  }

  /** Renews the lease; false when the job is no longer this worker's to run (cancelled, paused, lost). */
  heartbeat(id: number, workerId: string): boolean {
    return this.#leases.heartbeat(id, workerId);
  }

  /**
   * Jobs whose runner stopped renewing its lease go back to `pending` for any runner, or to
   * `failed` when they have used every attempt. Returns how many were recovered.
   */
  recoverExpiredLeases(): number {
    return this.#leases.recoverExpiredLeases();
  }

  /** The engine is closing: the jobs it queued but did not run are left to whoever runs jobs next. */
  dropReservations(): number {
    return this.#leases.dropReservations();
  }

  /** Deletes finished jobs older than the given number of days; returns how many. */
  cleanup(olderThanDays = 30): number {
    const days = parseInput(cleanupDaysSchema, olderThanDays, 'The cleanup age in days');
    return this.#sql.deleteFinished.run(new Date(this.#store.clock() - days * DAY_MS).toISOString()).changes;
  }

  #transition(
    id: number,
    from: readonly JobStatus[],
    verb: string,
    statement: 'requeue' | 'cancel' | 'pause' | 'resume' | 'release',
  ): Job {
    const jobId = parseInput(idSchema, id, 'The job id');
    return this.#change(jobId, from, verb, 'state', () => {
      try {
        this.#sql[statement].run({
          id: jobId,
          ...this.#leases.reservation(this.#store.clock()),
          now: this.#store.nowIso(),
        });
      } catch (error) {
        if (isConstraintError(error, 'UNIQUE')) throw syncConflict();
        throw error;
      }
    });
  }

  /** Reads the row, checks its state, applies the write and reads it back, all in one transaction. */
  #change(
    id: number,
    from: readonly JobStatus[] | null,
    verb: string,
    change: JobChange,
    write: (row: JobRow) => void,
  ): Job {
    const job = this.#store.transaction(() => {
      const row = this.#row(id);
      if (from !== null && !from.includes(row.status)) {
        throw new BriefError(
          'CONFLICT',
          `Job ${id} is ${row.status}, so it cannot be ${verb}. Refresh the job list.`,
        );
      }
      write(row);
      return toJob(this.#row(id));
    });
    return this.#emit(job, change);
  }

  #row(id: number): JobRow {
    return requireJobRow(this.#sql, id);
  }

  #requireAccount(accountId: number): void {
    if (!this.#sql.accountExists.get(accountId)) {
      throw new BriefError(
        'NOT_FOUND',
        `Account ${accountId} does not exist; it may have been removed. Reconnect it first.`,
      );
    }
  }

  #merged(row: JobRow, changes: Record<string, unknown>): string {
    const merged = JSON.stringify({ ...(JSON.parse(row.metadata) as Record<string, unknown>), ...changes });
    parseInput(metadataSchema, JSON.parse(merged), 'The job metadata');
    return merged;
  }

  #emit(job: Job, change: JobChange): Job {
    return this.#events.emit(job, change);
  }
}
