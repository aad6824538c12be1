/** Jobs as the engine last described them, kept current by job-progress and job-state events. */
import { create } from 'zustand';
import type { Events } from '../../../shared/contract.ts';
import type { Job, JobStatus } from '../../../shared/domain.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { asError } from './errors.ts';

export type JobProgress = Events['job-progress'];

export interface JobsState {
  jobs: Record<number, Job>;
  progress: Record<number, JobProgress>;
  total: number;
  error: SerializedError | null;
  /** Import jobs this page saw waiting or running. */
  watchedImports: number[];
  /** Of those, the ones that ended, newest last: their results are shown until dismissed. */
  endedImports: number[];
  load(): Promise<void>;
  upsert(job: Job): void;
  applyProgress(progress: JobProgress): void;
  applyState(state: Events['job-state']): void;
  act(jobId: number, action: 'retry' | 'cancel' | 'pause' | 'resume'): Promise<void>;
  dismissImport(jobId: number): void;
}

export const ACTIVE_STATUSES: readonly JobStatus[] = ['pending', 'processing', 'paused'];

type Watch = Pick<JobsState, 'watchedImports' | 'endedImports'>;

/**
 * Follows an import job: one seen active by this page is watched, and its end is news (shown);
 * an import that ended before the page saw it run is history (the Activity view lists it).
 */
function watch(job: Job, { watchedImports, endedImports }: Watch): Watch {
  if (job.type !== 'import_mail') return { watchedImports, endedImports };
  const watched = watchedImports.includes(job.id);
  if (ACTIVE_STATUSES.includes(job.status))
    return { watchedImports: watched ? watchedImports : [...watchedImports, job.id], endedImports };
  if (!watched) return { watchedImports, endedImports };
  // Ended once more (a retry, or a stale row that looked active in between): one result, last.
  return {
    watchedImports: watchedImports.filter((id) => id !== job.id),
    endedImports: [...endedImports.filter((id) => id !== job.id), job.id],
  };
}

export const useJobs = create<JobsState>((set, get) => ({
  jobs: {},
  progress: {},
  total: 0,
  error: null,
  watchedImports: [],
  endedImports: [],
  async load() {
    try {
      const { jobs, total } = await api.call('jobs.list', { limit: 100 });
      const watched = jobs.reduce<Watch>((state, job) => watch(job, state), get());
      set({ jobs: Object.fromEntries(jobs.map((job) => [job.id, job])), total, error: null, ...watched });
    } catch (error) {
      set({ error: asError(error) });
    }
  },
  upsert(job) {
    set({ jobs: { ...get().jobs, [job.id]: job }, ...watch(job, get()) });
  },
  applyProgress(progress) {
    set({ progress: { ...get().progress, [progress.jobId]: progress } });
    const job = get().jobs[progress.jobId];
    if (job) {
      const { current, total, percentage, step } = progress;
      get().upsert({ ...job, current, total, percentage, step, status: 'processing' });
    } else {
      void refreshJob(progress.jobId);
    }
  },
  applyState(state) {
    const job = get().jobs[state.jobId];
    if (job) get().upsert({ ...job, status: state.status, error: state.error });
    // The event carries only the state; attempts, times and the final counts come from the row.
    void refreshJob(state.jobId);
  },
  async act(jobId, action) {
    try {
      const job = await api.call(`jobs.${action}`, { jobId });
      get().upsert(job);
      set({ error: null });
    } catch (error) {
      set({ error: asError(error) });
    }
  },
  dismissImport(jobId) {
    set({ endedImports: get().endedImports.filter((id) => id !== jobId) });
  },
}));

const refreshing = new Set<number>();
/** Jobs an event touched while their row was being read: that row may predate the event. */
const readAgain = new Set<number>();

/**
 * Reads a job's row, once at a time per job; an event during the read asks for one more read
 * after it, so the last row stored is never older than the last event (a small import can end
 * while the row its first progress asked for is still on its way, still "processing").
 */
async function refreshJob(jobId: number): Promise<void> {
  if (refreshing.has(jobId)) {
    readAgain.add(jobId);
    return;
  }
  refreshing.add(jobId);
  try {
    do {
      readAgain.delete(jobId);
      useJobs.getState().upsert(await api.call('jobs.get', { jobId }));
    } while (readAgain.has(jobId));
  } catch {
    // A job that vanished (cleaned up) simply stays as last seen; the list reload corrects it.
  } finally {
    refreshing.delete(jobId);
    readAgain.delete(jobId);
  }
}
