/**
 * docs/metrics.md inside the app, opened at one figure's section from its "How is this computed?".
 * The page is bundled at build time, so it matches this version's figures and opens offline,
 * from file:// in Electron as from `brief serve` in a browser (see docs/dashboard.md).
 */
import { useEffect } from 'react';
import metricsPage from '../../../docs/metrics.md?raw';
import { Markdown, titleOf } from '../lib/markdown.tsx';
import { useMetricsDoc } from '../state/metrics-doc-store.ts';
import { Drawer } from './Drawer.tsx';

/** Ids of the page's anchors in the app: `metrics-<DEFINITIONS key>`. */
export const METRICS_ID_PREFIX = 'metrics-';
const TITLE = titleOf(metricsPage) ?? 'How every figure is computed';

export function MetricsDocPanel() {
  const section = useMetricsDoc((s) => s.section);
  const close = useMetricsDoc((s) => s.close);

  useEffect(() => {
    if (section)
      document.getElementById(`${METRICS_ID_PREFIX}${section}`)?.scrollIntoView?.({ block: 'start' });
  }, [section]);

  return (
    <Drawer
      open={section !== null}
      onClose={close}
      titleId="metrics-doc-title"
      title={TITLE}
      subtitle={<p className="muted small">docs/metrics.md of this version of 360Brief</p>}
    >
      <article className="doc-page">
        <Markdown source={metricsPage} idPrefix={METRICS_ID_PREFIX} />
      </article>
    </Drawer>
  );
}
