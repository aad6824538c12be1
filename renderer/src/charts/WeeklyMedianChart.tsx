import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeeklyMedian } from '../../../shared/report-types.ts';
import { SrTable } from '../components/SrTable.tsx';
import { formatDuration } from '../lib/format.ts';

const HOUR = 3_600_000;

/** Median reply delay per week, in hours. */
export function WeeklyMedianChart({
  series,
  label,
  color,
}: {
  series: WeeklyMedian[];
  label: string;
  color: string;
}) {
  const data = series.map((point) => ({
    week: point.week,
    hours: point.medianMs === null ? null : point.medianMs / HOUR,
  }));
  return (
    <div className="chart">
      <div role="img" aria-label={`${label}, ${series.length} weeks`}>
        <ResponsiveContainer width="100%" height={150}>
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--grid)" />
            <XAxis dataKey="week" tick={{ fontSize: 11, fill: 'var(--text-muted)' }} minTickGap={24} />
            <YAxis width={36} unit=" h" tick={{ fontSize: 11, fill: 'var(--text-muted)' }} />
            <Tooltip
              formatter={(value) => formatDuration(typeof value === 'number' ? value * HOUR : null)}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
            />
            <Line
              dataKey="hours"
              name="Median"
              stroke={color}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <SrTable
        caption={label}
        columns={['Week', 'Median']}
        rows={series.map((point) => [point.week, formatDuration(point.medianMs)])}
      />
    </div>
  );
}
