import type { QuietContact } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay } from '../lib/format.ts';

/** Figure 14, going quiet: regular contacts who stopped writing. */
export function GoingQuietFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const list = report.goingQuiet;
  return (
    <Figure title="Going quiet" definition="goingQuiet">
      {list.length === 0 ? (
        <EmptyState title="No one has gone quiet.">
          Nobody you exchanged 10 or more messages with between 120 and 30 days ago has been silent for the
          last 30 days.
        </EmptyState>
      ) : (
        <DataTable
          label="Going quiet"
          limit={12}
          rows={list}
          rowKey={(row) => row.address}
          columns={[
            {
              header: 'Contact',
              value: (row: QuietContact) => row.address,
              cell: (row: QuietContact) => row.address,
            },
            {
              header: 'Exchanges before',
              value: (row: QuietContact) => row.exchanges,
              cell: (row: QuietContact) => formatCount(row.exchanges),
              numeric: true,
            },
            {
              header: 'Last contact',
              value: (row: QuietContact) => row.last,
              cell: (row: QuietContact) => formatDay(row.last, report.timeZone),
              numeric: true,
            },
          ]}
          onSelect={(row) => drill('goingQuiet', row.address, `Earlier exchanges with ${row.address}`)}
          selectLabel={(row) => `Show earlier exchanges with ${row.address}`}
        />
      )}
    </Figure>
  );
}
