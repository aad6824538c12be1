/**
 * Queues the `cleanup` job (old finished jobs, expired analytics, messages past retention) once a
 * day while the engine runs jobs: at start when the last one is older than a day, then daily.
 */
import type { JobService } from '../jobs/job-service.ts';

const DAY_MS = 24 * 3600 * 1000;

export function isCleanupDue(jobs: JobService, now: number): boolean {
  const unfinished = ['pending', 'processing', 'paused'] as const;
  if (unfinished.some((status) => jobs.listJobs({ type: 'cleanup', status, limit: 1 }).total > 0))
    return false;
  const last = jobs.listJobs({ type: 'cleanup', status: 'completed', limit: 1 }).jobs[0];
  return !last || now - Date.parse(last.finishedAt ?? last.updatedAt) >= DAY_MS;
}

/** Starts the daily check; returns the function that stops it. */
export function scheduleDailyCleanup(
  jobs: JobService,
  clock: () => number,
  onQueued: () => void,
): () => void {
  const check = () => {
    if (!isCleanupDue(jobs, clock())) return;
    jobs.createJob({ type: 'cleanup' });
    onQueued();
  };
  check();
  const timer = setInterval(check, 3600_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
