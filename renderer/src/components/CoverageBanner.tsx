import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import { formatAgo, formatCount, formatDay, formatShare } from '../lib/format.ts';
import { HowComputed } from './HowComputed.tsx';

/** What the figures cover and how fresh they are, on every view, so a partial sync never passes for a whole one. */
export function CoverageBanner({ envelope, loading }: { envelope: ReportEnvelope; loading: boolean }) {
  const { report } = envelope;
  const coverage = report.coverage;
  const now = Date.now();
  return (
    <section className="coverage" aria-label="Coverage">
      <div className="coverage__main">
        <strong>
          {formatCount(coverage.messages)} {coverage.messages === 1 ? 'message' : 'messages'}
        </strong>
        <span>
          {formatCount(coverage.sent)} sent · {formatCount(coverage.received)} received
        </span>
        {coverage.undated > 0 ? <span>{formatCount(coverage.undated)} undated</span> : null}
        <span>{formatCount(coverage.automated)} automated</span>
        <span>
          {coverage.first
            ? `${formatDay(coverage.first, report.timeZone)} – ${formatDay(coverage.last, report.timeZone)}`
            : 'no dated mail'}
        </span>
        {coverage.mailboxTotal !== null ? (
          <span>
            {formatShare(coverage.shareSynced)} of {formatCount(coverage.mailboxTotal)} in the mailbox synced
          </span>
        ) : null}
        <span>{syncedWhen(coverage.lastSync, coverage.mailboxTotal, now)}</span>
        <span className="muted">
          {report.account === 'all' ? 'all accounts' : report.account} · {report.timeZone}
        </span>
        {envelope.stale || loading ? <span className="refreshing">refreshing…</span> : null}
      </div>
      <HowComputed definitions={report.definitions} figure="coverage" className="coverage__how">
        <p className="muted small">
          Figures computed {formatAgo(envelope.computedAt, now)}
          {envelope.fromCache ? ', answered from the analytics cache' : ''}.
        </p>
      </HowComputed>
    </section>
  );
}

/** A Gmail mailbox (it has a total) that never finished a sync is mid first sync, not imported mail. */
function syncedWhen(lastSync: string | null, mailboxTotal: number | null, now: number): string {
  if (lastSync) return `synced ${formatAgo(lastSync, now)}`;
  return mailboxTotal !== null ? 'first sync not finished' : 'imported mail';
}
