import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SrTable } from '../components/SrTable.tsx';
import { RESPONSE_BUCKETS } from '../lib/format.ts';

/** Reply pairs by delay bucket; a bar lists the messages of its pairs. */
export function BucketChart({
  buckets,
  label,
  color,
  onSelect,
}: {
  buckets: number[];
  label: string;
  color: string;
  onSelect: (bucket: number) => void;
}) {
  const data = RESPONSE_BUCKETS.map((bucket, index) => ({ bucket, pairs: buckets[index] ?? 0 }));
  const summary = `${label}: ${data.map((d) => `${d.bucket}: ${d.pairs}`).join(', ')}.`;
  return (
    <div className="chart">
      <p className="chart__title">Replies by how long they took</p>
      <div role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={150}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--grid)" />
            <XAxis dataKey="bucket" tick={{ fontSize: 11, fill: 'var(--text-muted)' }} interval={0} />
            <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11, fill: 'var(--text-muted)' }} />
            <Tooltip
              cursor={{ fill: 'var(--hover)' }}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
            />
            <Bar
              dataKey="pairs"
              name="Reply pairs"
              fill={color}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => onSelect(index)}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <SrTable caption={label} columns={['Delay', 'Pairs']} rows={data.map((d) => [d.bucket, d.pairs])} />
    </div>
  );
}
