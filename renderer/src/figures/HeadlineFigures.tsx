import type { Headline } from '../../../shared/report-types.ts';
import { useReport } from '../components/report-context.ts';
import { StatTile } from '../components/StatTile.tsx';
import { formatCount, formatDay, formatDuration, formatShare } from '../lib/format.ts';

/** Figures 1, 6, 7, 9, 10 and 16: the numbers at the top, each with its change. */
export function HeadlineFigures() {
  const { report } = useReport();
  const compared = report.comparison;
  // undefined (no change shown) for `all`, which has nothing to compare with.
  const change = (key: Headline) => (compared ? compared.figures[key].change : undefined);
  const sent = report.coverage.sent;
  const received = report.coverage.received;
  const previous = compared
    ? `Compared with ${formatDay(compared.previous.from, report.timeZone)} – ${formatDay(
        new Date(Date.parse(compared.previous.to) - 1).toISOString(),
        report.timeZone,
      )}`
    : 'All time has no previous range to compare with';
  return (
    <section className="headlines" aria-label="Headline figures">
      <div className="stat-grid">
        <StatTile label="Sent" value={formatCount(sent)} change={change('sent')} definition="volume" />
        <StatTile
          label="Received"
          value={formatCount(received)}
          change={change('received')}
          definition="volume"
        />
        <StatTile
          label="Unique correspondents"
          value={formatCount(report.volume.uniqueCorrespondents)}
          change={change('uniqueCorrespondents')}
          definition="volume"
          higherIsBetter
        />
        <StatTile
          label="My median reply"
          value={formatDuration(report.responseTime.mine.medianMs)}
          change={change('myMedianMs')}
          detail={`${formatCount(report.responseTime.mine.count)} replies`}
          definition="responseTimeMine"
          higherIsBetter={false}
        />
        <StatTile
          label="Their median reply"
          value={formatDuration(report.responseTime.theirs.medianMs)}
          change={change('theirMedianMs')}
          detail={`${formatCount(report.responseTime.theirs.count)} replies`}
          definition="responseTimeTheirs"
          higherIsBetter={false}
        />
        <StatTile
          label="Sent after hours"
          value={formatShare(report.afterHours.share)}
          change={change('afterHoursShare')}
          detail={`weekend ${formatShare(report.afterHours.weekendShare)}`}
          definition="afterHours"
          higherIsBetter={false}
        />
        <StatTile
          label="Awaiting my reply"
          value={formatCount(report.awaiting.onMe)}
          change={change('awaitingOnMe')}
          detail={`${formatCount(report.awaiting.onThem)} awaiting theirs`}
          definition="awaiting"
          higherIsBetter={false}
        />
        <StatTile label="Automated" value={formatShare(report.volume.automatedShare)} definition="volume" />
      </div>
      <p className="headlines__note muted">
        {previous}. <span title="How the change is computed">{'Change = (now − before) ÷ before.'}</span>
      </p>
    </section>
  );
}
