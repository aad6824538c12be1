/** Runs a queued job to its end in the terminal, with a progress bar. */
import type { Job } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import type { Engine } from '../engine/index.ts';
import { createProgressPrinter } from './progress.ts';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

/** Runs queued jobs to the end with a progress bar; returns the job as it finished. */
export async function runJob(engine: Engine, job: Job): Promise<Job> {
  const printer = createProgressPrinter();
  const stop = engine.on('job-progress', (progress) => {
    if (progress.jobId === job.id) printer.update(progress);
  });
  try {
    await engine.runner.runUntilIdle({ maxWaitMs: 10 * 60_000 });
  } finally {
    stop();
    printer.done();
  }
  return engine.call('jobs.get', { jobId: job.id });
}

/** Prints the success text for a completed job; otherwise throws its error with how to retry. */
export function finished(job: Job, success: string): number {
  if (job.status === 'completed') {
    out(success);
    return 0;
  }
  const reason = job.error?.message ?? `The job ended as ${job.status}.`;
  throw new BriefError(
    job.error?.code ?? 'INTERNAL',
    `${reason} (job ${job.id}; retry with \`brief jobs retry ${job.id}\`)`,
  );
}
