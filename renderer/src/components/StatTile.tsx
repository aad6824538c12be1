import type { DefinitionKey } from '../../../shared/report-types.ts';
import { formatChange } from '../lib/format.ts';
import { HowComputed } from './HowComputed.tsx';
import { useReport } from './report-context.ts';

/** One headline number, its change against the previous range, and its definition. */
export function StatTile({
  label,
  value,
  change,
  detail,
  definition,
  higherIsBetter,
}: {
  label: string;
  value: string;
  change?: number | null;
  detail?: string;
  definition: DefinitionKey;
  higherIsBetter?: boolean;
}) {
  const { report } = useReport();
  const tone =
    change === null || change === undefined || change === 0 || higherIsBetter === undefined
      ? 'neutral'
      : change > 0 === higherIsBetter
        ? 'good'
        : 'bad';
  return (
    <div className="stat" data-figure={definition}>
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      <div className="stat__meta">
        {change !== undefined ? (
          <span
            className={`change change--${tone}`}
            title="Change against the previous range of the same length"
          >
            {formatChange(change)} <span className="sr-only">against the previous range</span>
          </span>
        ) : null}
        {detail ? <span className="muted">{detail}</span> : null}
      </div>
      <HowComputed definitions={report.definitions} figure={definition} className="stat__how" />
    </div>
  );
}
