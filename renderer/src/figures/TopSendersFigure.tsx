import type { TopSender } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay, formatShare } from '../lib/format.ts';

/** Figure 2: who writes to me most. */
export function TopSendersFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const list = report.topSenders;
  return (
    <Figure title="Top senders" definition="topSenders">
      {list.length === 0 ? (
        <EmptyState title="No received mail from contacts in this range." />
      ) : (
        <DataTable
          label="Top senders"
          limit={15}
          rows={list}
          rowKey={(row) => row.address}
          columns={[
            {
              header: 'Sender',
              // As the cell reads: two senders of one name fall in the order of their addresses.
              value: (row: TopSender) => (row.name ? `${row.name} ${row.address}` : row.address),
              cell: (row: TopSender) => <PersonName address={row.address} name={row.name} />,
            },
            {
              header: 'Messages',
              value: (row: TopSender) => row.count,
              cell: (row: TopSender) => formatCount(row.count),
              numeric: true,
            },
            {
              header: 'Automated',
              value: (row: TopSender) => row.automatedShare,
              cell: (row: TopSender) => formatShare(row.automatedShare),
              numeric: true,
            },
            {
              header: 'Last',
              value: (row: TopSender) => row.last,
              cell: (row: TopSender) => formatDay(row.last, report.timeZone),
              numeric: true,
            },
          ]}
          onSelect={(row) => drill('topSenders', row.address, `From ${row.address}`)}
          selectLabel={(row) => `Show messages from ${row.address}`}
        />
      )}
    </Figure>
  );
}

function PersonName({ address, name }: { address: string; name: string | null }) {
  return name ? (
    <span>
      {name} <span className="muted">{address}</span>
    </span>
  ) : (
    <span>{address}</span>
  );
}
