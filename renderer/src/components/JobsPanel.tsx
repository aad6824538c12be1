import { useEffect } from 'react';
import type { Job } from '../../../shared/domain.ts';
import { formatAgo, formatCount } from '../lib/format.ts';
import { JOB_LABELS } from '../lib/job-labels.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { ACTIVE_STATUSES, useJobs } from '../state/jobs-store.ts';
import { EmptyState } from './EmptyState.tsx';
import { ErrorNote } from './ErrorNote.tsx';

/** Every recent job: status, attempts, the error a failed one left, and retry or cancel. */
export function JobsPanel() {
  const jobs = useJobs((s) => s.jobs);
  const total = useJobs((s) => s.total);
  const error = useJobs((s) => s.error);
  const load = useJobs((s) => s.load);
  const act = useJobs((s) => s.act);
  const accounts = useAccounts((s) => s.accounts) ?? [];
  useEffect(() => {
    void load();
  }, [load]);
  const list = Object.values(jobs).sort((a, b) => b.id - a.id);
  const now = Date.now();
  const accountOf = (job: Job) => accounts.find((a) => a.id === job.accountId)?.address ?? '—';
  return (
    <section className="figure figure--full" aria-labelledby="jobs-title">
      <header className="figure__header">
        <h2 id="jobs-title">Jobs</h2>
        <span className="muted small">
          {formatCount(list.length)} shown of {formatCount(Math.max(total, list.length))}
        </span>
      </header>
      <ErrorNote error={error} />
      {list.length === 0 ? (
        <EmptyState title="No jobs yet.">
          Syncs, imports and figure computations appear here while they run and after.
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Progress
                </th>
                <th scope="col" className="numeric">
                  Attempts
                </th>
                <th scope="col">Updated</th>
                <th scope="col">Message</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((job) => (
                <tr key={job.id}>
                  <td>
                    {JOB_LABELS[job.type]} <span className="muted">#{job.id}</span>
                  </td>
                  <td className="truncate">{accountOf(job)}</td>
                  <td>
                    <span className={`status status--${job.status}`}>{job.status}</span>
                  </td>
                  <td className="numeric">
                    {job.percentage !== null ? `${Math.floor(job.percentage)} %` : formatCount(job.current)}
                  </td>
                  <td className="numeric">
                    {job.attempts} / {job.maxAttempts}
                  </td>
                  <td className="nowrap">{formatAgo(job.updatedAt, now)}</td>
                  <td
                    className="truncate"
                    title={job.error ? `${job.error.message} (${job.error.code})` : (activeStep(job) ?? '')}
                  >
                    {job.error ? (
                      <span className="error-text">{job.error.message}</span>
                    ) : (
                      <span className="muted">{activeStep(job) ?? ''}</span>
                    )}
                  </td>
                  <td className="nowrap">
                    {job.status === 'failed' || job.status === 'cancelled' ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void act(job.id, 'retry')}
                      >
                        Retry
                      </button>
                    ) : null}
                    {ACTIVE_STATUSES.includes(job.status) ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void act(job.id, 'cancel')}
                      >
                        Cancel
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The step text describes work in progress; a finished job's last step would read as still running. */
function activeStep(job: Job): string | null {
  return ACTIVE_STATUSES.includes(job.status) ? job.step : null;
}
