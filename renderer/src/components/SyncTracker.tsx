import { useShallow } from 'zustand/react/shallow';
import type { JobType } from '../../../shared/domain.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { ACTIVE_STATUSES, useJobs } from '../state/jobs-store.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { JobProgressRow } from './JobProgressRow.tsx';

/** Housekeeping the person need not watch; it stays listed under Activity. */
const BACKGROUND_TYPES: readonly JobType[] = ['compute_analytics', 'warm_cache', 'cleanup'];

/** Syncs, imports and demos under way, fed by job-progress and job-state events. */
export function SyncTracker() {
  const active = useJobs(
    useShallow((s) =>
      Object.values(s.jobs).filter(
        (job) => ACTIVE_STATUSES.includes(job.status) && !BACKGROUND_TYPES.includes(job.type),
      ),
    ),
  );
  const progress = useJobs((s) => s.progress);
  const error = useJobs((s) => s.error);
  const accounts = useAccounts((s) => s.accounts) ?? [];
  if (active.length === 0 && !error) return null;
  return (
    <section className="sync-tracker" aria-label="Sync progress" aria-live="polite">
      {active.map((job) => (
        <JobProgressRow
          key={job.id}
          job={job}
          progress={progress[job.id]}
          account={accounts.find((a) => a.id === job.accountId)?.address ?? null}
        />
      ))}
      <ErrorNote error={error} />
    </section>
  );
}
