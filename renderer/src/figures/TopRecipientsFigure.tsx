import type { TopRecipient } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay } from '../lib/format.ts';

/** Figure 3: whom I write to most. */
export function TopRecipientsFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const list = report.topRecipients;
  return (
    <Figure title="Top recipients" definition="topRecipients">
      {list.length === 0 ? (
        <EmptyState title="No sent mail in this range." />
      ) : (
        <DataTable
          label="Top recipients"
          limit={15}
          rows={list}
          rowKey={(row) => row.address}
          columns={[
            {
              header: 'Recipient',
              value: (row: TopRecipient) => row.address,
              cell: (row: TopRecipient) => row.address,
            },
            {
              header: 'Messages',
              value: (row: TopRecipient) => row.count,
              cell: (row: TopRecipient) => formatCount(row.count),
              numeric: true,
            },
            {
              header: 'Last',
              value: (row: TopRecipient) => row.last,
              cell: (row: TopRecipient) => formatDay(row.last, report.timeZone),
              numeric: true,
            },
          ]}
          onSelect={(row) => drill('topRecipients', row.address, `To ${row.address}`)}
          selectLabel={(row) => `Show messages to ${row.address}`}
        />
      )}
    </Figure>
  );
}
