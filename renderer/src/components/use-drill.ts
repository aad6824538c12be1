import { useCallback } from 'react';
import type { Figure } from '../../../shared/contract.ts';
import { type DrilldownKey, useDrilldown } from '../state/drilldown-store.ts';
import { useReport } from './report-context.ts';

/** Opens the message list behind a cell or row of the current report. */
export function useDrill(): (figure: Figure, key: DrilldownKey, title: string) => void {
  const { request } = useReport();
  const open = useDrilldown((s) => s.open);
  return useCallback((figure, key, title) => open({ figure, key, title, request }), [open, request]);
}
