import type { ReactNode } from 'react';
import type { DefinitionKey, Definitions } from '../../../shared/report-types.ts';
import { useMetricsDoc } from '../state/metrics-doc-store.ts';

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
  const open = useMetricsDoc((s) => s.open);
  return (
    <details className={className}>
      <summary>How is this computed?</summary>
      <p>{definitions[figure]}</p>
      {children}
      <button
        type="button"
        className="link-button small"
        title={`docs/metrics.md#${figure}`}
        onClick={() => open(figure)}
      >
        The full definition, with a worked example
      </button>
    </details>
  );
}
