/** Runs a queued job to its end in the terminal, with a progress bar. */
import type { Job } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import type { Engine } from '../engine/index.ts';
import { out } from './output.ts';
import { createProgressPrinter } from './progress.ts';

/**
 * Runs the command's job, and the jobs it queues in turn (an import's cache warming), to the end
 * with a progress bar: only those, not every pending job of the database, which the app or a
 * `brief serve` sharing it run themselves. Returns the job as it finished, or null when it is gone
 * (its account was forgotten while it ran).
 */
export async function runJob(engine: Engine, job: Job): Promise<Job | null> {
  const printer = createProgressPrinter();
  const ours = new Set([job.id]);
  // A job this run queues (an import's warming) appears as a pending job-state event.
  const stopFollowing = engine.on('job-state', (state) => {
    if (state.status === 'pending') ours.add(state.jobId);
  });
  const stopPrinting = engine.on('job-progress', (progress) => {
    if (progress.jobId === job.id) printer.update(progress);
  });
  try {
    await engine.runner.runUntilIdle({ maxWaitMs: 10 * 60_000, jobIds: ours });
  } finally {
    stopFollowing();
    stopPrinting();
    printer.done();
  }
  try {
    return await engine.call('jobs.get', { jobId: job.id });
  } catch (error) {
    if (error instanceof BriefError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Prints the success text for a completed job; otherwise throws its error with how to retry. */
export function finished(job: Job | null, success: string | ((job: Job) => string)): number {
  if (job === null) {
    // The person forgot the account meanwhile: what they asked for happened, nothing failed.
    out('Stopped: the account was forgotten while this ran, so nothing of it was kept.');
    return 0;
  }
  if (job.status === 'completed') {
    out(typeof success === 'string' ? success : success(job));
    return 0;
  }
  if (job.status === 'processing') {
    throw new BriefError(
      'CONFLICT',
      `Job ${job.id} is being run by another 360Brief (the app or \`brief serve\` on this database); \`brief jobs\` shows how it ends.`,
    );
  }
  const reason = job.error?.message ?? `The job ended as ${job.status}.`;
  throw new BriefError(
    job.error?.code ?? 'INTERNAL',
    `${reason} (job ${job.id}; retry with \`brief jobs retry ${job.id}\`)`,
  );
}
