/**
 * "Pause sync" from the tray: the scheduler stops starting syncs, and the syncs already queued or
 * running are paused in the queue (their cursors kept); "Resume sync" returns them to the queue.
 */
import type { BriefApi } from '../../shared/contract.ts';
import { SYNC_JOB_TYPES } from '../../shared/domain.ts';
import { toSerializedError } from '../../shared/errors.ts';

type Caller = Pick<BriefApi, 'call'>;

async function syncJobs(engine: Caller, status: 'pending' | 'processing' | 'paused') {
  const found = [];
  for (const type of SYNC_JOB_TYPES) {
    const { jobs } = await engine.call('jobs.list', { status, type, limit: 500 });
    found.push(...jobs);
  }
  return found;
}

/** Applies `verb` to each job; a job that moved on meanwhile (CONFLICT) is simply skipped. */
async function each(engine: Caller, ids: number[], verb: 'jobs.pause' | 'jobs.resume'): Promise<number> {
  let changed = 0;
  for (const jobId of ids) {
    try {
      await engine.call(verb, { jobId });
      changed++;
    } catch (error) {
      if (toSerializedError(error).code !== 'CONFLICT') throw error;
    }
  }
  return changed;
}

export async function pauseSyncJobs(engine: Caller): Promise<number> {
  const jobs = [...(await syncJobs(engine, 'pending')), ...(await syncJobs(engine, 'processing'))];
  return each(
    engine,
    jobs.map((job) => job.id),
    'jobs.pause',
  );
}

export async function resumeSyncJobs(engine: Caller): Promise<number> {
  const jobs = await syncJobs(engine, 'paused');
  return each(
    engine,
    jobs.map((job) => job.id),
    'jobs.resume',
  );
}
