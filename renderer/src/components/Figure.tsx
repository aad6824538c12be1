import { type ReactNode, useId } from 'react';
import type { CsvFigure } from '../../../shared/report-csv.ts';
import type { DefinitionKey } from '../../../shared/report-types.ts';
import { FIGURE_EXPORTS } from '../lib/figure-exports.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { HowComputed } from './HowComputed.tsx';
import { useReport } from './report-context.ts';

interface FigureProps {
  title: string;
  definition: DefinitionKey;
  children: ReactNode;
  actions?: ReactNode;
  span?: 'full' | 'half' | 'third';
  /** The table to export when it is not the definition's own (volume by week or month). */
  csv?: CsvFigure;
}

/** A card for one figure, with its definition one click away and its numbers exportable. */
export function Figure({ title, definition, children, actions, span = 'half', csv }: FigureProps) {
  const id = useId();
  const { report } = useReport();
  const exported = FIGURE_EXPORTS[definition];
  return (
    <section className={`figure figure--${span}`} aria-labelledby={id}>
      <header className="figure__header">
        <h2 id={id}>{title}</h2>
        <div className="figure__actions">
          {actions}
          <ExportMenu report={report} title={title} csv={csv ?? exported.csv} json={exported.json(report)} />
        </div>
      </header>
      <div className="figure__body">{children}</div>
      <HowComputed definitions={report.definitions} figure={definition} className="figure__how" />
    </section>
  );
}
