import type { Relationship } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDay, formatDuration } from '../lib/format.ts';

function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

/** Figure 14: per contact, the give and take. */
export function RelationshipsFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const list = report.relationships;
  return (
    <Figure title="Relationships" definition="relationships" span="full">
      {list.length === 0 ? (
        <EmptyState title="No exchanges with contacts in this range." />
      ) : (
        <DataTable
          label="Relationships"
          rows={list}
          rowKey={(row) => row.address}
          limit={20}
          columns={[
            {
              header: 'Contact',
              value: (row: Relationship) => row.address,
              cell: (row: Relationship) => row.address,
            },
            {
              header: 'Exchanges',
              value: (row: Relationship) => row.exchanges,
              cell: (row: Relationship) => formatCount(row.exchanges),
              numeric: true,
            },
            {
              header: 'Sent to',
              value: (row: Relationship) => row.sentTo,
              cell: (row: Relationship) => formatCount(row.sentTo),
              numeric: true,
            },
            {
              header: 'Received from',
              value: (row: Relationship) => row.receivedFrom,
              cell: (row: Relationship) => formatCount(row.receivedFrom),
              numeric: true,
            },
            {
              header: 'Balance',
              value: (row: Relationship) => row.balance,
              cell: (row: Relationship) => signed(row.balance),
              numeric: true,
            },
            {
              header: 'My median reply',
              value: (row: Relationship) => row.myMedianMs,
              cell: (row: Relationship) => formatDuration(row.myMedianMs),
              numeric: true,
            },
            {
              header: 'Their median reply',
              value: (row: Relationship) => row.theirMedianMs,
              cell: (row: Relationship) => formatDuration(row.theirMedianMs),
              numeric: true,
            },
            {
              header: 'Last contact',
              value: (row: Relationship) => row.last,
              cell: (row: Relationship) => formatDay(row.last, report.timeZone),
              numeric: true,
            },
          ]}
          onSelect={(row) => drill('relationships', row.address, `Exchanges with ${row.address}`)}
          selectLabel={(row) => `Show exchanges with ${row.address}`}
        />
      )}
    </Figure>
  );
}
