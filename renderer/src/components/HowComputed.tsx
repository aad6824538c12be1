import type { ReactNode } from 'react';
import type { DefinitionKey, Definitions } from '../../../shared/report-types.ts';
import { DocLink } from './DocLink.tsx';

/**
 * "How is this computed?": the engine's own definition of the figure, as the report carries it,
 * and its section of docs/metrics.md (a worked example) one click further.
 */
export function HowComputed({
  definitions,
  figure,
  className,
  children,
}: {
  definitions: Definitions;
  figure: DefinitionKey;
  className: string;
  children?: ReactNode;
}) {
  return (
    <details className={className}>
      <summary>How is this computed?</summary>
      <p>{definitions[figure]}</p>
      {children}
      <DocLink section={figure} />
    </details>
  );
}
