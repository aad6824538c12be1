import { formatCount, formatInstant } from '../lib/format.ts';
import { useDrilldown } from '../state/drilldown-store.ts';
import { Drawer } from './Drawer.tsx';
import { ErrorNote } from './ErrorNote.tsx';

/** The messages behind a chart cell or row, with links to open each in Gmail. */
export function DrilldownPanel({ timeZone }: { timeZone: string }) {
  const { target, page, loading, error, goTo, close } = useDrilldown();
  if (!target) return null;
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  return (
    <Drawer
      open
      onClose={close}
      titleId="drilldown-title"
      title={target.title}
      subtitle={<p className="muted">{page ? `${formatCount(page.total)} messages` : 'Loading messages…'}</p>}
    >
      <ErrorNote error={error} />
      {page && page.messages.length === 0 ? <p className="muted">No messages behind this figure.</p> : null}
      {page && page.messages.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table drilldown-table" aria-label={`Messages: ${target.title}`}>
            {/* Fixed shares of the drawer's width: every column stays on screen; long text is cut, whole in its title. */}
            <colgroup>
              <col style={{ width: '15%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '19%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '14%' }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Direction</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Labels</th>
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.messages.map((message) => (
                <tr key={`${message.accountId}-${message.rowId}`}>
                  <td className="nowrap">{formatInstant(message.time, timeZone)}</td>
                  <td>{message.direction}</td>
                  <td className="truncate" title={message.sender ?? ''}>
                    {message.senderName ?? message.sender ?? '—'}
                  </td>
                  <td className="truncate" title={message.recipients.join(', ')}>
                    {message.recipients.join(', ') || '—'}
                  </td>
                  <td className="truncate" title={message.subject ?? ''}>
                    {message.subject || '(no subject)'}
                  </td>
                  <td className="truncate muted" title={message.labels.join(', ')}>
                    {message.labels.join(', ')}
                  </td>
                  <td>
                    {message.link ? (
                      <a href={message.link} target="_blank" rel="noopener noreferrer">
                        Open in Gmail
                      </a>
                    ) : (
                      <span className="muted">imported</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page && pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="button"
            disabled={loading || page.page === 0}
            onClick={() => void goTo(page.page - 1)}
          >
            Previous
          </button>
          <span>
            Page {page.page + 1} of {pages}
          </span>
          <button
            type="button"
            className="button"
            disabled={loading || page.page + 1 >= pages}
            onClick={() => void goTo(page.page + 1)}
          >
            Next
          </button>
        </nav>
      ) : null}
    </Drawer>
  );
}
