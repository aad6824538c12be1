import type { Job } from '../../../shared/domain.ts';
import type { Logger } from '../db/logger.ts';

/** `created` is a state change too (to `pending`), told apart so a command can follow the jobs it started. */
export type JobChange = 'created' | 'state' | 'progress' | 'metadata';
export type JobListener = (job: Job, change: JobChange) => void;

/** Who hears of job changes (the engine turns them into `job-state` and `job-progress` events). */
export class JobEvents {
  readonly #listeners = new Set<JobListener>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  subscribe(listener: JobListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called after the change is committed; a failing listener is logged and the others still hear. */
  emit(job: Job, change: JobChange): Job {
    for (const listener of this.#listeners) {
      try {
        listener(job, change);
      } catch (error) {
        this.#logger.error('job listener failed', { jobId: job.id, error: String(error) });
      }
    }
    return job;
  }
}
