import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { formatCount, formatDuration, formatShare, WEEKDAYS } from '../lib/format.ts';
import { num, type Row } from '../lib/read.ts';
import { workingHoursView } from '../lib/report-extras.ts';

/** Figure 8: the same reply pairs, counting only working time. */
export function WorkingHoursFigure() {
  const { report } = useReport();
  const view = workingHoursView(report);
  const hours = view?.hours;
  const days = hours ? hours.days.map((day) => WEEKDAYS[day - 1]).join(', ') : '';
  return (
    <Figure title="Response time in working hours" definition="workingHours">
      {view ? (
        <>
          {hours ? (
            <p className="muted small">
              Working hours: {days}, {hours.start}–{hours.end} ({report.timeZone}). Change them in Settings.
            </p>
          ) : null}
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
        </>
      ) : (
        <EmptyState title="This report has no working-hours view." />
      )}
    </Figure>
  );
}

function SummaryRow({ label, summary }: { label: string; summary: Row }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="numeric">{formatCount(num(summary.count))}</td>
      <td className="numeric">{formatDuration(num(summary.medianMs))}</td>
      <td className="numeric">{formatDuration(num(summary.p90Ms))}</td>
      <td className="numeric">{formatDuration(num(summary.meanMs))}</td>
      <td className="numeric">{formatShare(num(summary.within1hShare))}</td>
    </tr>
  );
}
