import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay } from '../lib/format.ts';
import { num, rows, str } from '../lib/read.ts';

interface RecipientRow {
  address: string;
  count: number;
  last: string | null;
}

/** Figure 3: whom I write to most. */
export function TopRecipientsFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const list: RecipientRow[] = (rows(report.topRecipients) ?? []).map((row) => ({
    address: str(row.address) ?? '',
    count: num(row.count) ?? 0,
    last: str(row.last),
  }));
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
            { header: 'Recipient', cell: (row: RecipientRow) => row.address },
            { header: 'Messages', cell: (row: RecipientRow) => formatCount(row.count), numeric: true },
            {
              header: 'Last',
              cell: (row: RecipientRow) => formatDay(row.last, report.timeZone),
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
