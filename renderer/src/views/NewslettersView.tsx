import { useState } from 'react';
import type { Newsletter } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay, formatShare } from '../lib/format.ts';

/** Figure 12: bulk senders, how much of each is read, and where to unsubscribe. */
export function NewslettersView() {
  const { report } = useReport();
  const drill = useDrill();
  const [rarelyOnly, setRarelyOnly] = useState(false);
  const all = report.newsletters;
  const list = rarelyOnly ? all.filter((row) => row.rarelyRead) : all;
  const rarely = all.filter((row) => row.rarelyRead).length;
  return (
    <div className="view-grid">
      <Figure
        title="Newsletters and bulk senders"
        definition="newsletters"
        span="full"
        actions={
          <label className="checkbox">
            <input
              type="checkbox"
              checked={rarelyOnly}
              onChange={(event) => setRarelyOnly(event.target.checked)}
            />
            Rarely read only ({rarely})
          </label>
        }
      >
        {list.length === 0 ? (
          <EmptyState title={rarelyOnly ? 'No rarely read senders.' : 'No automated mail in this range.'} />
        ) : (
          <DataTable
            label="Newsletters and bulk senders"
            rows={list}
            rowKey={(row) => row.address}
            limit={50}
            columns={[
              {
                header: 'Sender',
                value: (row: Newsletter) => row.address,
                cell: (row: Newsletter) => (
                  <span>
                    {row.address} {row.rarelyRead ? <span className="tag">rarely read</span> : null}
                  </span>
                ),
              },
              {
                header: 'Messages',
                value: (row: Newsletter) => row.count,
                cell: (row: Newsletter) => formatCount(row.count),
                numeric: true,
              },
              {
                header: 'Read',
                value: (row: Newsletter) => row.readShare,
                cell: (row: Newsletter) => formatShare(row.readShare),
                numeric: true,
              },
              {
                header: 'Last received',
                value: (row: Newsletter) => row.last,
                cell: (row: Newsletter) => formatDay(row.last, report.timeZone),
                numeric: true,
              },
              {
                header: 'Unsubscribe',
                value: (row: Newsletter) => row.unsubscribe,
                cell: (row: Newsletter) => <UnsubscribeLink target={row.unsubscribe} />,
              },
            ]}
            onSelect={(row) => drill('newsletters', row.address, `Bulk mail from ${row.address}`)}
            selectLabel={(row) => `Show bulk mail from ${row.address}`}
          />
        )}
      </Figure>
    </div>
  );
}

/** Opens in the system browser (or mail app): the app's main process intercepts new windows. */
function UnsubscribeLink({ target }: { target: string | null }) {
  if (!target) return <span className="muted">no link</span>;
  const safe = /^(https:|mailto:)/i.test(target);
  if (!safe) return <span className="muted">no link</span>;
  return (
    <a href={target} target="_blank" rel="noopener noreferrer" onClick={(event) => event.stopPropagation()}>
      {target.startsWith('mailto:') ? 'by e-mail' : 'on the web'}
    </a>
  );
}
