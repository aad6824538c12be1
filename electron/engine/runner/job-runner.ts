/**
 * Runs queued jobs: claims one with a lease, renews the lease by heartbeat, and learns of a
 * cancel or pause at the next heartbeat (≤ 1 s by default for running work), aborting the
 * executor's signal so it can checkpoint and stop. Failures go back to the queue, which retries
 * with backoff up to the job's max attempts.
 */
import { setTimeout as wait } from 'node:timers/promises';
import type { Job, JobType } from '../../../shared/domain.ts';
import { BriefError, isRetryable, type SerializedError, toSerializedError } from '../../../shared/errors.ts';
import { type EventBus, estimateEtaSeconds, ProgressThrottle } from '../events.ts';
import { type JobMetadata, type JobMetadataPatch, readJobMetadata } from '../jobs/job-metadata.ts';
import type { JobService } from '../jobs/job-service.ts';
import type { Logger } from '../log.ts';

const CPU_BOUND: ReadonlySet<JobType> = new Set([
  'import_mail',
  'warm_cache',
  'compute_analytics',
  'cleanup',
]);

export interface JobContext<T extends JobType = JobType> {
  job: Job & { type: T };
  /** The job's metadata as its type declares it (jobs/job-metadata.ts), read once when it was claimed. */
  metadata: JobMetadata<T>;
  /** Aborted when the job is cancelled or paused, or the engine shuts down: checkpoint and return. */
  signal: AbortSignal;
  /** Progress, written and pushed at most every 200 ms (the last one always). */
  progress(current: number, total: number | null, step: string, options?: { force?: boolean }): void;
  /** Persists the resumable cursor (merged into the job's metadata). */
  checkpoint(patch: JobMetadataPatch): void;
  clock: () => number;
  logger: Logger;
}

/** Runs one attempt of a job of type `T`; what it returns is merged into the job's metadata. */
export type JobExecutor<T extends JobType = JobType> = (
  context: JobContext<T>,
) => Promise<JobMetadataPatch | undefined>;

/** Which code runs each job type, typed by that type's metadata. */
export type JobExecutors = { [T in JobType]?: JobExecutor<T> };

export interface JobRunnerOptions {
  workerId: string;
  jobs: JobService;
  events: EventBus;
  logger: Logger;
  clock: () => number;
  executors: JobExecutors;
  heartbeatMs?: number;
  /** How many jobs may run at once (different accounts; one sync per account is the queue's rule). */
  concurrency?: number;
  /** Frees disposable storage (the analytics cache) when a failure cannot be recorded on a full disk. */
  freeSpace?: () => void;
  /** How often an idle runner looks for due jobs. */
  pollMs?: number;
  /** How often the polling runner returns jobs with expired leases (a dead runner's) to the queue. */
  recoverEveryMs?: number;
}

export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #running = new Map<number, { controller: AbortController; done: Promise<void>; type: JobType }>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  /** The id this runner claims and reserves jobs under. */
  get workerId(): string {
    return this.#options.workerId;
  }

  get runningJobIds(): number[] {
    return [...this.#running.keys()];
  }

  /**
   * Starts polling for due jobs in the background (the app). Expired leases are recovered at start
   * and then every few seconds: a worker that crashed and was restarted left its jobs leased, and
   * they must run again once the lease runs out, not at the next launch of the app.
   */
  start(): void {
    this.#stopped = false;
    const { jobs, clock } = this.#options;
    // Under a stable id (the app's worker, restarted after a crash) what this id still holds was
    // its predecessor's: it runs again now, not once its lease runs out.
    jobs.recoverLeasesHeldBy(this.workerId);
    let lastRecovery = Number.NEGATIVE_INFINITY;
    const tick = () => {
      if (this.#stopped) return;
      if (clock() - lastRecovery >= (this.#options.recoverEveryMs ?? 5000)) {
        lastRecovery = clock();
        jobs.recoverExpiredLeases();
      }
      this.#fill();
      this.#timer = setTimeout(tick, this.#options.pollMs ?? 250);
      this.#timer.unref?.();
    };
    tick();
  }

  /** Wakes the runner at once (after a job was created). */
  poke(): void {
    if (!this.#stopped && this.#timer) this.#fill();
  }

  /**
   * Runs due jobs until none is left, waiting out backoff delays shorter than `maxWaitMs`
   * (the CLI and tests). With `jobIds`, only those jobs (a command runs the jobs it started, and
   * may add to the set as they start others); without, every job this runner may claim.
   */
  async runUntilIdle(
    options: { maxWaitMs?: number; sleep?: (ms: number) => Promise<void>; jobIds?: ReadonlySet<number> } = {},
  ): Promise<void> {
    const sleep = options.sleep ?? ((ms: number) => wait(ms));
    const only = () => (options.jobIds ? { ids: [...options.jobIds] } : {});
    for (;;) {
      this.#options.jobs.recoverExpiredLeases();
      this.#fill(only());
      if (this.#running.size > 0) {
        await Promise.race([...this.#running.values()].map((run) => run.done));
        continue;
      }
      const waitMs = this.#nextDueInMs(only());
      if (waitMs === null || waitMs > (options.maxWaitMs ?? 120_000)) return;
      await sleep(Math.max(10, waitMs));
    }
  }

  /** Aborts running jobs (they checkpoint) and waits for them, up to `timeoutMs`. */
  async stop(timeoutMs = 5000): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const run of this.#running.values())
      run.controller.abort(new BriefError('CANCELLED', 'The engine is shutting down.'));
    const all = Promise.all([...this.#running.values()].map((run) => run.done));
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  #nextDueInMs(filter: { ids?: number[] }): number | null {
    const types = Object.keys(this.#options.executors) as JobType[];
    if (types.length === 0) return null;
    const due = this.#options.jobs.nextDueAt(this.#options.workerId, { types, ...filter });
    return due === null ? null : due - this.#options.clock();
  }

  #fill(filter: { ids?: number[] } = {}): void {
    const limit = this.#options.concurrency ?? 2;
    const types = Object.keys(this.#options.executors) as JobType[];
    while (this.#running.size < limit) {
      // Jobs that keep the one JavaScript thread busy (reading mail, computing figures) only slow
      // each other down when interleaved: one at a time, beside any number of syncs, which mostly
      // wait on the network.
      const cpuBusy = [...this.#running.values()].some((run) => CPU_BOUND.has(run.type));
      const allowed = cpuBusy ? types.filter((type) => !CPU_BOUND.has(type)) : types;
      if (allowed.length === 0) return;
      const job = this.#options.jobs.claimNext(this.#options.workerId, { types: allowed, ...filter });
      if (!job) return;
      const controller = new AbortController();
      const done = this.#execute(job, controller).finally(() => this.#running.delete(job.id));
      this.#running.set(job.id, { controller, done, type: job.type });
    }
  }

  async #execute<T extends JobType>(job: Job & { type: T }, controller: AbortController): Promise<void> {
    const { jobs, events, logger, clock } = this.#options;
    const executor: JobExecutor<T> = this.#options.executors[job.type]!;
    const throttle = new ProgressThrottle(clock);
    const startedAt = clock();
    const heartbeat = setInterval(() => {
      try {
        if (!jobs.heartbeat(job.id, this.#options.workerId)) {
          controller.abort(new BriefError('CANCELLED', 'The job was cancelled or paused.'));
        }
      } catch (error) {
        // Gone: its account was forgotten (the jobs go with it). Stop working for nobody.
        if (toSerializedError(error).code === 'NOT_FOUND')
          controller.abort(new BriefError('CANCELLED', 'The job was removed with its account.'));
        else logger.warn('heartbeat failed', { jobId: job.id, error });
      }
    }, this.#options.heartbeatMs ?? 1000);
    heartbeat.unref?.();
    const context: Omit<JobContext<T>, 'metadata'> = {
      job,
      signal: controller.signal,
      clock,
      logger,
      progress(current, total, step, options) {
        if (!throttle.ready(options?.force)) return;
        const safeTotal = total === null ? null : Math.max(total, current);
        const updated = jobs.updateProgress(job.id, { current, total: safeTotal, step: step.slice(0, 500) });
        events.emit('job-progress', {
          jobId: job.id,
          accountId: job.accountId,
          current,
          total: safeTotal,
          percentage: updated.percentage,
          step,
          etaSeconds: estimateEtaSeconds(startedAt, clock(), current, safeTotal),
        });
      },
      checkpoint(patch) {
        jobs.mergeMetadata(job.id, patch);
      },
    };
    try {
      const metadata = readJobMetadata(job.id, job.type, job.metadata);
      const results = await executor({ ...context, metadata });
      jobs.completeJob(job.id, results ?? {});
    } catch (error) {
      this.#settle(job, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Decides what a failed run means and records it. Never throws: the runner's promise must not
   * reject (that would stop `brief serve` or the app's engine). What cannot be recorded is logged,
   * and the job's lease returns it to the queue.
   */
  #settle(job: Job, error: unknown): void {
    const { jobs, logger } = this.#options;
    try {
      const serialized = toSerializedError(error);
      const current = jobs.findJob(job.id);
      if (current === null) {
        logger.info('job ended: it was removed with its account', { jobId: job.id, type: job.type });
      } else if (current.status === 'cancelled' || current.status === 'paused') {
        logger.info('job stopped', { jobId: job.id, status: current.status });
      } else if (current.status === 'processing' && this.#stopped) {
        // The engine is closing: the job checkpointed its cursor and resumes at the next start.
        jobs.releaseJob(job.id);
        logger.info('job released for the next start', { jobId: job.id });
      } else if (current.status === 'processing') {
        if (serialized.code === 'INTERNAL')
          logger.error('job failed', { jobId: job.id, type: job.type, error });
        else logger.warn('job attempt failed', { jobId: job.id, type: job.type, code: serialized.code });
        this.#recordFailure(job.id, serialized, isRetryable(serialized.code));
      }
    } catch (settleError) {
      logger.error('could not record how a job ended; its lease returns it to the queue', {
        jobId: job.id,
        error: settleError,
      });
    }
  }

  /**
   * Records a failed attempt. On a full disk the record itself may not fit: the runner then frees
   * disposable space (the analytics cache) and records the failure with the row shrunk (its
   * cursor dropped); if even that fails, the job is left to its lease, which returns it to the
   * queue once the disk has room.
   */
  #recordFailure(jobId: number, error: SerializedError, retry: boolean): void {
    const { jobs, logger } = this.#options;
    try {
      jobs.failJob(jobId, error, { retry });
    } catch (recordError) {
      if (toSerializedError(recordError).code !== 'STORAGE_FULL') throw recordError;
      this.#options.freeSpace?.();
      try {
        jobs.failJob(jobId, error, { retry: false, compact: true });
      } catch (again) {
        logger.error('could not record a job failure on a full disk', { jobId, error: again });
      }
    }
  }
}
