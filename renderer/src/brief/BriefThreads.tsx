import { ageText } from '../../../shared/brief-text.ts';
import type { BriefThread } from '../../../shared/brief-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { formatInstant } from '../lib/format.ts';
import type { BriefRequest } from '../state/brief-store.ts';
import { useDrilldown } from '../state/drilldown-store.ts';

/**
 * The threads waiting on you or on them, oldest first: a synced thread's subject opens its last
 * message in Gmail (in the system browser), an imported one opens the thread's messages here.
 */
export function BriefThreads({
  label,
  threads,
  who,
  request,
  timeZone,
}: {
  label: string;
  threads: BriefThread[];
  who: 'From' | 'To';
  request: BriefRequest;
  timeZone: string;
}) {
  const open = useDrilldown((s) => s.open);
  if (threads.length === 0) return null;
  const drill = (thread: BriefThread) =>
    open({
      title: thread.subject || 'Thread',
      figure: 'threads',
      key: thread.thread,
      // The whole thread, whatever its age: every message before now.
      request: {
        account: request.account,
        range: { preset: 'all' },
        ...(request.timeZone ? { timeZone: request.timeZone } : {}),
      },
    });
  return (
    <DataTable
      label={label}
      rows={threads}
      rowKey={(thread) => thread.thread}
      limit={10}
      columns={[
        {
          header: 'Subject',
          value: (thread) => thread.subject,
          cell: (thread: BriefThread) => (
            <span>
              {thread.gmailLink ? (
                <a href={thread.gmailLink} target="_blank" rel="noopener noreferrer">
                  {thread.subject || '(no subject)'}
                </a>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  // The subject names the button (as it reads); what it does is its description.
                  title={`Show the messages of “${thread.subject || 'no subject'}”`}
                  onClick={() => drill(thread)}
                >
                  {thread.subject || '(no subject)'}
                </button>
              )}
              {thread.isNew ? <span className="tag tag--new">new</span> : null}
            </span>
          ),
        },
        {
          header: who,
          value: (thread) => thread.correspondent,
          cell: (thread: BriefThread) => thread.correspondent ?? '—',
        },
        {
          header: 'Last message',
          value: (thread) => thread.last,
          cell: (thread: BriefThread) => formatInstant(thread.last, timeZone),
          numeric: true,
        },
        {
          header: 'Waiting',
          value: (thread) => thread.ageMs,
          cell: (thread: BriefThread) => ageText(thread.ageMs),
          numeric: true,
        },
      ]}
    />
  );
}
