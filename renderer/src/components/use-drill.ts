import { useCallback } from 'react';
import type { Figure } from '../../../shared/contract.ts';
import { type DrilldownDirection, type DrilldownKey, useDrilldown } from '../state/drilldown-store.ts';
import { useReport } from './report-context.ts';

/** Opens the message list behind a cell or row of the current report. */
/** Key formats per figure: electron/engine/analytics/drilldown-select.ts (DRILLDOWN_KEYS). */
export function useDrill(): (
  figure: Figure,
  key: DrilldownKey,
  title: string,
  direction?: DrilldownDirection,
) => void {
  const { request } = useReport();
  const open = useDrilldown((s) => s.open);
  return useCallback(
    (figure, key, title, direction) =>
      open({ figure, key, title, request, ...(direction ? { direction } : {}) }),
    [open, request],
  );
}
