import { useContext } from 'react';
import { type DefinitionKey, definitionOf } from '../lib/definitions.ts';
import { formatChange } from '../lib/format.ts';
import { isRow } from '../lib/read.ts';
import { ReportContext } from './report-context.ts';

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
  const context = useContext(ReportContext);
  const fromReport = isRow(context?.report.definitions)
    ? (context.report.definitions as Record<string, string>)
    : null;
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
      <details className="stat__how">
        <summary>How is this computed?</summary>
        <p>{definitionOf(definition, fromReport)}</p>
      </details>
    </div>
  );
}
