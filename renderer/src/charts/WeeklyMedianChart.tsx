import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeeklyMedian } from '../../../shared/report-types.ts';
import { SrTable } from '../components/SrTable.tsx';
import { durationAxis } from '../lib/duration-axis.ts';
import { formatDuration } from '../lib/format.ts';

/** Median reply delay per week, on an axis in minutes, hours or days as the values need. */
export function WeeklyMedianChart({
  series,
  label,
  color,
}: {
  series: WeeklyMedian[];
  label: string;
  color: string;
}) {
  const axis = durationAxis(Math.max(0, ...series.map((point) => point.medianMs ?? 0)));
  const data = series.map((point) => ({
    week: point.week,
    median: point.medianMs === null ? null : point.medianMs / axis.ms,
  }));
  return (
    <div className="chart">
      <p className="chart__title">
        Median reply time per week ({axis.unit === 'min' ? 'minutes' : axis.unit === 'h' ? 'hours' : 'days'})
      </p>
      <div role="img" aria-label={`${label}, ${series.length} weeks`}>
        <ResponsiveContainer width="100%" height={150}>
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--grid)" />
            <XAxis dataKey="week" tick={{ fontSize: 11, fill: 'var(--text-muted)' }} minTickGap={24} />
            <YAxis
              width={44}
              unit={` ${axis.unit}`}
              allowDecimals={false}
              tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
            />
            <Tooltip
              formatter={(value) => formatDuration(typeof value === 'number' ? value * axis.ms : null)}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
            />
            <Line
              dataKey="median"
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
