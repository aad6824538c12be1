import { BucketChart } from '../charts/BucketChart.tsx';
import { WeeklyMedianChart } from '../charts/WeeklyMedianChart.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';
import { formatCount, formatDuration, formatShare, RESPONSE_BUCKETS } from '../lib/format.ts';

/** Figures 6 and 7: summary numbers, the delay distribution and the weekly medians. */
export function ResponseTimeFigure({ who }: { who: 'mine' | 'theirs' }) {
  const { report } = useReport();
  const drill = useDrill();
  const summary = report.responseTime[who];
  const weekly = summary.weekly;
  const color = who === 'mine' ? 'var(--chart-sent)' : 'var(--chart-received)';
  const title = who === 'mine' ? 'My response time' : 'Their response time';
  return (
    <Figure title={title} definition={who === 'mine' ? 'responseTimeMine' : 'responseTimeTheirs'}>
      <dl className="summary-list">
        <div>
          <dt>Replies</dt>
          <dd>{formatCount(summary.count)}</dd>
        </div>
        <div>
          <dt>Median</dt>
          <dd>{formatDuration(summary.medianMs)}</dd>
        </div>
        <div>
          <dt>90th percentile</dt>
          <dd>{formatDuration(summary.p90Ms)}</dd>
        </div>
        <div>
          <dt>Mean</dt>
          <dd>{formatDuration(summary.meanMs)}</dd>
        </div>
        <div>
          <dt>Under 1 h</dt>
          <dd>{formatShare(summary.within1hShare)}</dd>
        </div>
      </dl>
      {summary.count === 0 ? (
        <EmptyState title="No reply pairs in this range.">
          {who === 'mine'
            ? 'A pair is a message from a contact followed by your reply in the same thread.'
            : 'A pair is your message followed by a contact’s reply in the same thread.'}
        </EmptyState>
      ) : (
        <>
          <BucketChart
            buckets={summary.buckets}
            label={`${title}: reply pairs by delay`}
            color={color}
            onSelect={(bucket) =>
              drill(
                'responseTime',
                `${who}:${bucket}`,
                `${title}: pairs of ${RESPONSE_BUCKETS[bucket] ?? ''}`,
              )
            }
          />
          {weekly.length > 1 ? (
            <WeeklyMedianChart series={weekly} label={`${title}: weekly median`} color={color} />
          ) : null}
        </>
      )}
    </Figure>
  );
}
