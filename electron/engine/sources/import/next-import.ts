/**
 * Which files the import queued after the running one will read, so the reader can start on them
 * while the running import stores its last batch and derives its account (read-in-worker.ts,
 * `readAhead`). A guess, not a promise: the runner claims the oldest due job, and whatever it
 * claims reads from its own request; a read-ahead of other files is simply dropped.
 */
import type { EngineServices } from '../../engine.ts';
import { readJobMetadata } from '../../jobs/job-metadata.ts';
import { plainInputPaths } from './expand-inputs.ts';

/** The oldest pending import's paths and whether its account keeps raw data; null when there is none or it unpacks archives. */
export function nextImportRead(services: EngineServices): { paths: string[]; keepRaw: boolean } | null {
  const { jobs, accounts } = services;
  const pending = { status: 'pending', type: 'import_mail' } as const;
  const { total } = jobs.listJobs({ ...pending, limit: 1 });
  if (total === 0) return null;
  // Listed newest first: the oldest is the last.
  const [job] = jobs.listJobs({ ...pending, limit: 1, offset: total - 1 }).jobs;
  if (job === undefined || job.accountId === null) return null;
  try {
    const paths = plainInputPaths(readJobMetadata(job.id, 'import_mail', job.metadata).paths);
    if (paths === null) return null;
    return { paths, keepRaw: accounts.getAccount(job.accountId).settings.keepRawData };
  } catch {
    // A job that cannot run (its metadata, its account gone) fails when claimed, with its sentence.
    return null;
  }
}
