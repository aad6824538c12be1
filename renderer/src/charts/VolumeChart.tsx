import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SrTable } from '../components/SrTable.tsx';
import { formatCount } from '../lib/format.ts';

export interface VolumePoint {
  label: string;
  sent: number;
  received: number;
}

/** The longest series still offered to screen readers row by row; longer ones get a summary. */
const TABLE_LIMIT = 120;

/** Stacked sent/received bars; a click on a bar lists the messages behind it. */
export function VolumeChart({
  series,
  unit,
  onSelect,
}: {
  series: VolumePoint[];
  unit: string;
  onSelect: (point: VolumePoint) => void;
}) {
  const sent = series.reduce((sum, point) => sum + point.sent, 0);
  const received = series.reduce((sum, point) => sum + point.received, 0);
  const summary = `Messages per ${unit}, ${series[0]?.label ?? ''} to ${series.at(-1)?.label ?? ''}: ${formatCount(sent)} sent and ${formatCount(received)} received.`;
  const select = (index: number) => {
    const point = series[index];
    if (point) onSelect(point);
  };
  return (
    <div className="chart">
      <p className="chart__title">Messages per {unit}, sent and received</p>
      <div role="img" aria-label={summary} className="chart__canvas">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--grid)" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: 'var(--text-muted)' }} minTickGap={24} />
            <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11, fill: 'var(--text-muted)' }} />
            <Tooltip
              cursor={{ fill: 'var(--hover)' }}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="received"
              name="Received"
              stackId="volume"
              fill="var(--chart-received)"
              isAnimationActive={false}
              onClick={(_, index) => select(index)}
              cursor="pointer"
            />
            <Bar
              dataKey="sent"
              name="Sent"
              stackId="volume"
              fill="var(--chart-sent)"
              isAnimationActive={false}
              onClick={(_, index) => select(index)}
              cursor="pointer"
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {series.length <= TABLE_LIMIT ? (
        <SrTable
          caption={summary}
          columns={[unit, 'Sent', 'Received']}
          rows={series.map((point) => [point.label, point.sent, point.received])}
        />
      ) : null}
    </div>
  );
}
