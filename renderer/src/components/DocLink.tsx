import type { MetricsSection } from '../state/metrics-doc-store.ts';
import { useMetricsDoc } from '../state/metrics-doc-store.ts';

/** Opens docs/metrics.md at a figure's or a Brief section's anchor, in the app's drawer. */
export function DocLink({ section }: { section: MetricsSection }) {
  const open = useMetricsDoc((s) => s.open);
  return (
    <button
      type="button"
      className="link-button small"
      title={`docs/metrics.md#${section}`}
      onClick={() => open(section)}
    >
      The full definition, with a worked example
    </button>
  );
}
