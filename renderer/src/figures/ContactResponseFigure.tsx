import type { ContactResponse } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { formatCount, formatDuration } from '../lib/format.ts';

/** Figure 7 per contact: how quickly each contact answers me. */
export function ContactResponseFigure() {
  const { report } = useReport();
  const list = report.responseTime.theirs.byContact;
  return (
    <Figure title="Their response time by contact" definition="responseTimeTheirs">
      {list.length === 0 ? (
        <EmptyState title="No contact answered one of your messages in this range." />
      ) : (
        <DataTable
          label="Their response time by contact"
          rows={list}
          rowKey={(row) => row.address}
          limit={12}
          columns={[
            {
              header: 'Contact',
              value: (row: ContactResponse) => row.address,
              cell: (row: ContactResponse) => row.address,
            },
            {
              header: 'Replies',
              value: (row: ContactResponse) => row.count,
              cell: (row: ContactResponse) => formatCount(row.count),
              numeric: true,
            },
            {
              header: 'Median',
              value: (row: ContactResponse) => row.medianMs,
              cell: (row: ContactResponse) => formatDuration(row.medianMs),
              numeric: true,
            },
            {
              header: '90th pct.',
              value: (row: ContactResponse) => row.p90Ms,
              cell: (row: ContactResponse) => formatDuration(row.p90Ms),
              numeric: true,
            },
          ]}
        />
      )}
    </Figure>
  );
}
