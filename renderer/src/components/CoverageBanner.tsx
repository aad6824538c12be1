import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import { leftOutText } from '../../../shared/coverage-text.ts';
import type { AccountCoverage } from '../../../shared/report-types.ts';
import { formatAgo, formatCount, formatDay, formatShare } from '../lib/format.ts';
import { HowComputed } from './HowComputed.tsx';

/** What one account is: Gmail (how much of it is here, and how fresh), imported files, or the demo. */
export function accountSource(account: AccountCoverage, now: number): string {
  if (account.source === 'demo') return 'demo mailbox';
  if (account.source === 'import') return 'imported files';
  if (account.mailboxTotal === null) return 'Gmail, first sync not started';
  const share = `${formatShare(account.shareSynced)} of ${formatCount(account.mailboxTotal)} in Gmail synced`;
  // A Gmail mailbox (it has a total) that never finished a sync is mid first sync.
  const when = account.lastSync ? `synced ${formatAgo(account.lastSync, now)}` : 'first sync not finished';
  return `Gmail, ${share}, ${when}`;
}

/** What the figures cover and how fresh they are, on every view, so a partial sync never passes for a whole one. */
export function CoverageBanner({ envelope, loading }: { envelope: ReportEnvelope; loading: boolean }) {
  const { report } = envelope;
  const coverage = report.coverage;
  const now = Date.now();
  const leftOut = leftOutText(coverage);
  const several = coverage.accounts.length > 1;
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
            : 'no dated mail in this range'}
        </span>
        <span className="muted">{report.timeZone}</span>
        {envelope.stale || loading ? <span className="refreshing">refreshing…</span> : null}
      </div>
      <ul className="coverage__accounts" aria-label="Where the mail comes from">
        {coverage.accounts.map((account) => (
          <li key={account.address}>
            {several ? <span className="muted">{account.address}: </span> : null}
            {accountSource(account, now)}
          </li>
        ))}
        {leftOut ? (
          <li title="Drafts never count; spam and trash count only when turned on in the account's settings.">
            {formatCount(coverage.stored)} stored; not counted: {leftOut}
          </li>
        ) : null}
      </ul>
      <HowComputed definitions={report.definitions} figure="coverage" className="coverage__how">
        <p className="muted small">
          Figures computed {formatAgo(envelope.computedAt, now)}
          {envelope.fromCache ? ', answered from the analytics cache' : ''}.
        </p>
      </HowComputed>
    </section>
  );
}
