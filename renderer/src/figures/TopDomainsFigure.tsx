import type { DomainCount } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount } from '../lib/format.ts';

/** Figure 4: the two lists grouped by domain. */
export function TopDomainsFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const table = (direction: 'received' | 'sent', list: DomainCount[], title: string) => (
    <div>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted small">None in this range.</p>
      ) : (
        <DataTable
          label={title}
          rows={list}
          rowKey={(row) => row.domain}
          limit={10}
          columns={[
            {
              header: 'Domain',
              value: (row: DomainCount) => row.domain,
              cell: (row: DomainCount) => row.domain,
            },
            {
              header: 'Messages',
              value: (row: DomainCount) => row.count,
              cell: (row: DomainCount) => formatCount(row.count),
              numeric: true,
            },
          ]}
          onSelect={(row) =>
            drill(
              'topDomains',
              `${direction === 'sent' ? 'recipients' : 'senders'}:${row.domain}`,
              `${direction === 'sent' ? 'To' : 'From'} ${row.domain}`,
            )
          }
          selectLabel={(row) => `Show messages ${direction === 'sent' ? 'to' : 'from'} ${row.domain}`}
        />
      )}
    </div>
  );
  return (
    <Figure title="Top domains" definition="topDomains">
      <div className="two-columns">
        {table('received', report.topDomains.senders, 'Sender domains')}
        {table('sent', report.topDomains.recipients, 'Recipient domains')}
      </div>
    </Figure>
  );
}
