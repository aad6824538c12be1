import type { ThreadSummary } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { StatTile } from '../components/StatTile.tsx';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay } from '../lib/format.ts';

function formatLength(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 10) / 10);
}

/** Figure 11: how long conversations run, and the longest ones. */
export function ThreadsView() {
  const { report } = useReport();
  const drill = useDrill();
  const { longest } = report.threads;
  return (
    <div className="view-grid">
      <section className="headlines" aria-label="Thread figures">
        <div className="stat-grid">
          <StatTile label="Threads" value={formatCount(report.threads.count)} definition="threads" />
          <StatTile
            label="Median length"
            value={formatLength(report.threads.medianLength)}
            definition="threads"
          />
          <StatTile
            label="90th percentile length"
            value={formatLength(report.threads.p90Length)}
            definition="threads"
          />
          <StatTile
            label="Median participants"
            value={formatLength(report.threads.medianParticipants)}
            definition="threads"
          />
        </div>
      </section>
      <Figure title="Longest threads" definition="threads" span="full">
        {longest.length === 0 ? (
          <EmptyState title="No threads in this range." />
        ) : (
          <DataTable
            label="Longest threads"
            rows={longest}
            rowKey={(row) => row.thread}
            columns={[
              {
                header: 'Subject',
                value: (row: ThreadSummary) => row.subject,
                cell: (row: ThreadSummary) => row.subject || '(no subject)',
              },
              {
                header: 'Messages',
                value: (row: ThreadSummary) => row.length,
                cell: (row: ThreadSummary) => formatCount(row.length),
                numeric: true,
              },
              {
                header: 'Participants',
                value: (row: ThreadSummary) => row.participants,
                cell: (row: ThreadSummary) => formatCount(row.participants),
                numeric: true,
              },
              {
                header: 'First',
                value: (row: ThreadSummary) => row.first,
                cell: (row: ThreadSummary) => formatDay(row.first, report.timeZone),
                numeric: true,
              },
              {
                header: 'Last',
                value: (row: ThreadSummary) => row.last,
                cell: (row: ThreadSummary) => formatDay(row.last, report.timeZone),
                numeric: true,
              },
            ]}
            onSelect={(row) => drill('threads', row.thread, row.subject || 'Thread')}
            selectLabel={(row) => `Show the messages of “${row.subject || 'no subject'}”`}
          />
        )}
      </Figure>
    </div>
  );
}
