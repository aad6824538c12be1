import { type ReactNode, useContext, useId } from 'react';
import { type DefinitionKey, definitionOf } from '../lib/definitions.ts';
import { isRow } from '../lib/read.ts';
import { ReportContext } from './report-context.ts';

interface FigureProps {
  title: string;
  definition: DefinitionKey;
  children: ReactNode;
  actions?: ReactNode;
  span?: 'full' | 'half' | 'third';
}

/** A card for one figure, with its definition one click away. */
export function Figure({ title, definition, children, actions, span = 'half' }: FigureProps) {
  const id = useId();
  const context = useContext(ReportContext);
  const fromReport = isRow(context?.report.definitions)
    ? (context.report.definitions as Record<string, string>)
    : null;
  return (
    <section className={`figure figure--${span}`} aria-labelledby={id}>
      <header className="figure__header">
        <h2 id={id}>{title}</h2>
        {actions ? <div className="figure__actions">{actions}</div> : null}
      </header>
      <div className="figure__body">{children}</div>
      <details className="figure__how">
        <summary>How is this computed?</summary>
        <p>{definitionOf(definition, fromReport)}</p>
      </details>
    </section>
  );
}
