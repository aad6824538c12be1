import type { Job } from '../../../shared/domain.ts';
import { type ImportFinding, importSummaryOf } from '../../../shared/import-summary.ts';
import { counted } from '../../../shared/plural.ts';
import { formatCount } from '../lib/format.ts';
import { useAccounts } from '../state/accounts-store.ts';
import { ACTIVE_STATUSES, useJobs } from '../state/jobs-store.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** The reasons things were skipped or shortened, most frequent first, with how many each. */
function reasons(findings: readonly ImportFinding[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const { reason } of findings) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function Findings({ title, total, findings }: { title: string; total: number; findings: ImportFinding[] }) {
  if (total === 0) return null;
  return (
    <details className="import-result__findings">
      <summary>{title}</summary>
      <ul>
        {reasons(findings).map(([reason, count]) => (
          <li key={reason}>
            {reason} <span className="muted">({counted(count, 'item')})</span>
          </li>
        ))}
      </ul>
      {findings.length < total ? (
        <p className="muted small">
          The first {formatCount(findings.length)} are listed; the Activity view keeps the job.
        </p>
      ) : null}
    </details>
  );
}

function ImportResult({ job, account }: { job: Job; account: string | null }) {
  const dismiss = useJobs((s) => s.dismissImport);
  const act = useJobs((s) => s.act);
  const summary = importSummaryOf(job);
  const of = account ? ` into ${account}` : '';
  return (
    <section className="import-result" aria-label={`Import #${job.id}`} data-job-status={job.status}>
      {job.status === 'completed' && !summary ? (
        <p>
          <strong>Import{of} finished.</strong>
        </p>
      ) : null}
      {job.status === 'completed' && summary ? (
        <>
          <p>
            <strong>Import{of} finished:</strong> {counted(summary.imported, 'new message')} from{' '}
            {counted(summary.read, 'message')} read; {counted(summary.duplicates, 'copy', 'copies')} merged as
            duplicates; {counted(summary.skipped, 'item')} skipped.
          </p>
          <Findings
            title={`Skipped: ${counted(summary.skipped, 'item')}, and why`}
            total={summary.skipped}
            findings={summary.skippedSamples}
          />
          <Findings
            title={`Shortened to fit: ${counted(summary.shortened, 'message')}, and why`}
            total={summary.shortened}
            findings={summary.shortenedSamples}
          />
        </>
      ) : null}
      {job.status !== 'completed' ? (
        <>
          <p>
            <strong>
              Import{of} {job.status === 'cancelled' ? 'cancelled' : 'failed'}.
            </strong>
          </p>
          <ErrorNote error={job.error} />
        </>
      ) : null}
      <div className="import-result__actions">
        {job.status === 'failed' ? (
          <button type="button" className="button button--small" onClick={() => void act(job.id, 'retry')}>
            Retry
          </button>
        ) : null}
        <button type="button" className="button button--small" onClick={() => dismiss(job.id)}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

/** What each import this page watched found, when it ends: imported, merged, skipped and why. */
export function ImportResults() {
  const ended = useJobs((s) => s.endedImports);
  const jobs = useJobs((s) => s.jobs);
  const accounts = useAccounts((s) => s.accounts) ?? [];
  // An ended import that runs again (retried) shows its result when it ends again.
  const shown = ended
    .map((id) => jobs[id])
    .filter((job): job is Job => job !== undefined && !ACTIVE_STATUSES.includes(job.status));
  if (shown.length === 0) return null;
  return (
    <div className="import-results" aria-live="polite">
      {shown.map((job) => (
        <ImportResult
          key={job.id}
          job={job}
          account={accounts.find((a) => a.id === job.accountId)?.address ?? null}
        />
      ))}
    </div>
  );
}
