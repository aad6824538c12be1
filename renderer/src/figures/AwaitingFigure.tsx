import type { AwaitingThread } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatDuration } from '../lib/format.ts';

const COLUMNS = [
  {
    header: 'Subject',
    value: (row: AwaitingThread) => row.subject,
    cell: (row: AwaitingThread) => row.subject || '(no subject)',
  },
  {
    header: 'Correspondent',
    value: (row: AwaitingThread) => row.correspondent,
    cell: (row: AwaitingThread) => row.correspondent ?? '—',
  },
  {
    header: 'Waiting',
    value: (row: AwaitingThread) => row.ageMs,
    cell: (row: AwaitingThread) => formatDuration(row.ageMs),
    numeric: true,
  },
];

/** Figure 10: threads waiting on me and on them; a row opens the thread's messages. */
export function AwaitingFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const { onMeList, onThemList } = report.awaiting;
  const list = (which: 'onMe' | 'onThem', title: string, items: AwaitingThread[], empty: string) => (
    <div className="awaiting">
      <h3>
        {title} <span className="count-badge">{items.length}</span>
        {items.length > 0 ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => drill('awaiting', which, `${title}: last messages`)}
          >
            Last messages
          </button>
        ) : null}
      </h3>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <DataTable
          label={title}
          columns={COLUMNS}
          rows={items}
          rowKey={(row) => row.thread}
          limit={15}
          onSelect={(row) => drill('threads', row.thread, row.subject || 'Thread')}
          selectLabel={(row) => `Show the messages of “${row.subject || 'no subject'}”`}
        />
      )}
    </div>
  );
  return (
    <Figure title="Awaiting reply" definition="awaiting" span="full">
      <div className="two-columns">
        {list(
          'onMe',
          'Waiting on me',
          onMeList,
          'Nothing from a contact has waited more than a day for your reply.',
        )}
        {list(
          'onThem',
          'Waiting on them',
          onThemList,
          'None of your messages has waited 3 days or more for an answer.',
        )}
      </div>
    </Figure>
  );
}
