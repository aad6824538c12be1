import type { LabelCount, SenderBytes } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatBytes, formatCount } from '../lib/format.ts';

/** Figure 13: messages per label, and which senders take the space. */
export function LabelsView() {
  const { report } = useReport();
  const drill = useDrill();
  const { labels, bytesBySender: bytes } = report;
  const maxCount = Math.max(1, ...labels.map((row) => row.count));
  return (
    <div className="view-grid">
      <Figure title="Labels and categories" definition="labels">
        {labels.length === 0 ? (
          <EmptyState title="No labelled messages in this range." />
        ) : (
          <DataTable
            label="Messages per label"
            rows={labels}
            rowKey={(row) => row.label}
            columns={[
              {
                header: 'Label',
                value: (row: LabelCount) => row.label,
                cell: (row: LabelCount) => row.label,
              },
              {
                header: 'Share',
                value: (row: LabelCount) => row.count,
                cell: (row: LabelCount) => (
                  <meter
                    className="bar-meter"
                    min={0}
                    max={maxCount}
                    value={row.count}
                    aria-label={`${row.label} share`}
                  />
                ),
              },
              {
                header: 'Messages',
                value: (row: LabelCount) => row.count,
                cell: (row: LabelCount) => formatCount(row.count),
                numeric: true,
              },
            ]}
            onSelect={(row) => drill('labels', row.label, `Label ${row.label}`)}
            selectLabel={(row) => `Show messages labelled ${row.label}`}
          />
        )}
      </Figure>
      <Figure title="Size by sender" definition="bytesBySender">
        {bytes.length === 0 ? (
          <EmptyState title="No messages in this range." />
        ) : (
          <DataTable
            label="Bytes per sender"
            limit={20}
            rows={bytes}
            rowKey={(row) => row.address}
            columns={[
              {
                header: 'Sender',
                value: (row: SenderBytes) => row.address,
                cell: (row: SenderBytes) => row.address,
              },
              {
                header: 'Messages',
                value: (row: SenderBytes) => row.messages,
                cell: (row: SenderBytes) => formatCount(row.messages),
                numeric: true,
              },
              {
                header: 'Size',
                value: (row: SenderBytes) => row.bytes,
                cell: (row: SenderBytes) => formatBytes(row.bytes),
                numeric: true,
              },
            ]}
            onSelect={(row) => drill('bytesBySender', row.address, `Messages from ${row.address}`)}
            selectLabel={(row) => `Show messages from ${row.address}`}
          />
        )}
      </Figure>
    </div>
  );
}
