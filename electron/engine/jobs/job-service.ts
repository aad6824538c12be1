import { DEFAULTS, type Job, type JobStatus, type JobType, SYNC_JOB_TYPES } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import { isConstraintError } from '../db/storage-errors.ts';
import type { Store } from '../db/store.ts';
import { retryDelayMs } from './backoff.ts';
import { type JobChange, JobEvents, type JobListener } from './job-events.ts';
import type {
  ClaimOptions,
  CreateJobInput,
  FailOptions,
  JobErrorInput,
  ListJobsInput,
  ProgressInput,
} from './job-inputs.ts';
import { JobLeases } from './job-leases.ts';
import { type JobMetadataPatch, metadataJson } from './job-metadata.ts';
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
    return this.#emit(toJob(this.#insert(input)), 'created');
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

  #insert(request: CreateJobInput): JobRow {
    const accountId = request.accountId ?? null;
    if (accountId !== null) this.#requireAccount(accountId);
    const runAfter = request.runAfter ?? this.#store.clock();
    try {
      return this.#sql.insert.get({
        type: request.type,
        accountId,
        maxAttempts: request.maxAttempts ?? DEFAULTS.maxAttempts,
        metadata: metadataJson(request.metadata ?? {}),
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
    return this.#leases.takeOverSync(accountId) ?? this.createJob({ type, accountId });
  }

  getJob(id: number): Job {
    return toJob(this.#row(id));
  }

  /** The job, or null when it no longer exists (its account was forgotten, or it was cleaned up). */
  findJob(id: number): Job | null {
    const row = this.#sql.byId.get(id);
    return row ? toJob(row) : null;
  }

  listJobs(query: ListJobsInput = {}): { jobs: Job[]; total: number } {
    const params: Record<string, unknown> = {
      status: query.status,
      type: query.type,
      account_id: query.accountId,
    };
    const filters = (['status', 'type', 'account_id'] as const).filter((name) => params[name] !== undefined);
    const statements = this.#lists.for(filters);
    const bound = Object.fromEntries(filters.map((name) => [name, params[name]]));
    return {
      jobs: statements.page.all({ ...bound, limit: query.limit ?? 50, offset: query.offset ?? 0 }).map(toJob),
      total: statements.count.get(bound)!.total,
    };
  }

  updateProgress(jobId: number, progress: ProgressInput): Job {
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

  mergeMetadata(jobId: number, patch: JobMetadataPatch): Job {
    return this.#change(jobId, null, 'given metadata', 'metadata', (row) => {
      this.#sql.metadata.run({ id: jobId, metadata: this.#merged(row, patch), now: this.#store.nowIso() });
    });
  }

  /** Keeps where a resumable job got to (a page token, a history id) in its metadata. */
  setCursor(id: number, cursor: unknown): Job {
    return this.mergeMetadata(id, { cursor });
  }

  completeJob(jobId: number, metadata: JobMetadataPatch = {}): Job {
    return this.#change(jobId, ['processing'], 'completed', 'state', (row) => {
      this.#sql.complete.run({ id: jobId, metadata: this.#merged(row, metadata), now: this.#store.nowIso() });
    });
  }

  /**
   * Records a failed attempt. With attempts left (and `retry` not turned off) the job goes back to
   * `pending` after a backoff, keeping the error so the reason is visible; otherwise it is `failed`.
   */
  failJob(jobId: number, reason: JobErrorInput, options: FailOptions = {}): Job {
    const { retry = true, compact = false } = options;
    return this.#change(jobId, ['processing'], 'failed', 'state', (row) => {
      const now = this.#store.clock();
      const params = {
        id: jobId,
        code: reason.code,
        // A sentence for the job list, not a dump: long messages are cut.
        message: reason.message.slice(0, 2000),
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
    const found = this.#sql.unfinishedForAccount.get({
      accountId,
      types: types ? JSON.stringify(types) : null,
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

  /** Returns to the queue at once what a dead runner of this id left leased (see JobLeases). */
  recoverLeasesHeldBy(workerId: string): number {
    return this.#leases.recoverLeasesHeldBy(workerId);
  }

  /** The engine is closing: the jobs it queued but did not run are left to whoever runs jobs next. */
  dropReservations(): number {
    return this.#leases.dropReservations();
  }

  /** Deletes finished jobs older than the given number of days; returns how many. */
  cleanup(olderThanDays = 30): number {
    const cutoff = new Date(this.#store.clock() - olderThanDays * DAY_MS).toISOString();
    return this.#sql.deleteFinished.run(cutoff).changes;
  }

  #transition(
    jobId: number,
    from: readonly JobStatus[],
    verb: string,
    statement: 'requeue' | 'cancel' | 'pause' | 'resume' | 'release',
  ): Job {
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

  #merged(row: JobRow, changes: JobMetadataPatch): string {
    return metadataJson({ ...(JSON.parse(row.metadata) as JobMetadataPatch), ...changes });
  }

  #emit(job: Job, change: JobChange): Job {
    return this.#events.emit(job, change);
  }
}
