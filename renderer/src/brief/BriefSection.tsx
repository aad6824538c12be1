import { type ReactNode, useId } from 'react';
import { BRIEF_SECTIONS, type BriefSectionId } from '../../../shared/brief-text.ts';
import type { BriefDefinitions } from '../../../shared/brief-types.ts';
import { DocLink } from '../components/DocLink.tsx';

/**
 * One section of the Brief: its sentence (the numbers in words), what lies behind it, and in one
 * sentence how it is computed, with its section of docs/metrics.md one click away.
 */
export function BriefSection({
  section,
  sentence,
  definitions,
  children,
}: {
  section: BriefSectionId;
  sentence: string;
  /** The definitions as the engine wrote them (brief.definitions). */
  definitions: BriefDefinitions;
  children?: ReactNode;
}) {
  const { title, definition } = BRIEF_SECTIONS.find((candidate) => candidate.id === section)!;
  const text = definitions[definition];
  const id = useId();
  return (
    <section className="figure figure--full brief-section" aria-labelledby={id} data-section={definition}>
      <header className="figure__header">
        <h2 id={id}>{title}</h2>
      </header>
      <div className="figure__body">
        <p className="brief-section__sentence">{sentence}</p>
        {children}
      </div>
      <p className="brief-section__how small">
        <span className="muted">How: {text}</span> <DocLink section={definition} />
      </p>
    </section>
  );
}
