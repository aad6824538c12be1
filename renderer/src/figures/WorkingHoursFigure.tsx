import type { ResponseStats } from '../../../shared/report-types.ts';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { formatCount, formatDuration, formatShare, WEEKDAYS } from '../lib/format.ts';

/** Figure 8: the same reply pairs, counting only working time. */
export function WorkingHoursFigure() {
  const { report } = useReport();
  const view = report.workingHours;
  const { hours } = view;
  const days = hours.days.map((day) => WEEKDAYS[day - 1]).join(', ');
  return (
    <Figure title="Response time in working hours" definition="workingHours">
      <p className="muted small">
        Working hours: {days}, {hours.start}–{hours.end} ({report.timeZone}). Change them in Settings.
      </p>
      <table className="data-table" aria-label="Response times counting working hours only">
        <thead>
          <tr>
            <th scope="col">Who replies</th>
            <th scope="col" className="numeric">
              Replies
            </th>
            <th scope="col" className="numeric">
              Median
            </th>
            <th scope="col" className="numeric">
              90th pct.
            </th>
            <th scope="col" className="numeric">
              Mean
            </th>
            <th scope="col" className="numeric">
              Under 1 h
            </th>
          </tr>
        </thead>
        <tbody>
          <SummaryRow label="Me" summary={view.mine} />
          <SummaryRow label="They" summary={view.theirs} />
        </tbody>
      </table>
      {[view.mine, view.theirs].some((summary) => summary.count > 0 && summary.medianMs === 0) ? (
        <p className="muted small">
          0 min: most of these replies came before any working time passed (sent and answered outside working
          hours).
        </p>
      ) : null}
      {view.mine.count + view.theirs.count === 0 ? (
        <p className="muted small">No reply pairs in this range: — means there is nothing to measure.</p>
      ) : null}
    </Figure>
  );
}

function SummaryRow({ label, summary }: { label: string; summary: ResponseStats }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="numeric">{formatCount(summary.count)}</td>
      <td className="numeric">{formatDuration(summary.medianMs)}</td>
      <td className="numeric">{formatDuration(summary.p90Ms)}</td>
      <td className="numeric">{formatDuration(summary.meanMs)}</td>
      <td className="numeric">{formatShare(summary.within1hShare)}</td>
    </tr>
  );
}
