import type { Job } from '../../../shared/domain.ts';
import { formatBytes, formatCount, formatEta } from '../lib/format.ts';
import { JOB_LABELS } from '../lib/job-labels.ts';
import { type JobProgress, useJobs } from '../state/jobs-store.ts';

/** How far a job is, in its unit: an import reads bytes (its step counts messages and files), a sync messages. */
function amount(job: Job, current: number, total: number | null): string {
  if (job.type === 'import_mail')
    return total !== null ? `${formatBytes(current)} of ${formatBytes(total)}` : formatBytes(current);
  const unit = job.type === 'fetch_messages' || job.type === 'sync_history' ? ' messages' : '';
  return `${formatCount(current)}${total !== null ? ` of ${formatCount(total)}` : ''}${unit}`;
}

/** One running job: bar, percentage, counts, step, time left, pause/resume and cancel. */
export function JobProgressRow({
  job,
  progress,
  account,
}: {
  job: Job;
  progress: JobProgress | undefined;
  account: string | null;
}) {
  const act = useJobs((s) => s.act);
  const percentage = progress?.percentage ?? job.percentage;
  const current = progress?.current ?? job.current;
  const total = progress?.total ?? job.total;
  const step = progress?.step ?? job.step;
  const label = `${JOB_LABELS[job.type]}${account ? ` of ${account}` : ''}`;
  return (
    <div className="job-progress" data-job-status={job.status}>
      <div className="job-progress__head">
        <strong>{label}</strong>
        <span className="muted">
          {job.status === 'paused'
            ? 'paused'
            : job.status === 'pending'
              ? 'waiting to start'
              : (step ?? 'working')}
        </span>
      </div>
      <progress
        className="job-progress__bar"
        max={100}
        value={percentage ?? undefined}
        aria-label={`${label} progress`}
      />
      <div className="job-progress__meta">
        <span>{percentage === null ? '' : `${Math.floor(percentage)} %`}</span>
        <span>{amount(job, current, total)}</span>
        {job.status === 'processing' ? (
          <span className="muted">{formatEta(progress?.etaSeconds ?? null)}</span>
        ) : null}
        <span className="job-progress__actions">
          {job.status === 'paused' ? (
            <button type="button" className="button button--small" onClick={() => void act(job.id, 'resume')}>
              Resume
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={() => void act(job.id, 'pause')}>
              Pause
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => void act(job.id, 'cancel')}>
            Cancel
          </button>
        </span>
      </div>
    </div>
  );
}
