import { type ReactNode, useId } from 'react';
import type { DefinitionKey } from '../../../shared/report-types.ts';
import { HowComputed } from './HowComputed.tsx';
import { useReport } from './report-context.ts';

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
  const { report } = useReport();
  return (
    <section className={`figure figure--${span}`} aria-labelledby={id}>
      <header className="figure__header">
        <h2 id={id}>{title}</h2>
        {actions ? <div className="figure__actions">{actions}</div> : null}
      </header>
      <div className="figure__body">{children}</div>
      <HowComputed definitions={report.definitions} figure={definition} className="figure__how" />
    </section>
  );
}
