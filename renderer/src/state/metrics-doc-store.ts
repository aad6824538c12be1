/** Which section of the bundled docs/metrics.md page is open (a DEFINITIONS or Brief key), if any. */
import { create } from 'zustand';
import type { BriefDefinitionKey } from '../../../shared/brief-types.ts';
import type { DefinitionKey } from '../../../shared/report-types.ts';

/** A section of docs/metrics.md: a figure's or a Brief section's anchor. */
export type MetricsSection = DefinitionKey | BriefDefinitionKey;

export interface MetricsDocState {
  section: MetricsSection | null;
  open(section: MetricsSection): void;
  close(): void;
}

export const useMetricsDoc = create<MetricsDocState>((set) => ({
  section: null,
  open: (section) => set({ section }),
  close: () => set({ section: null }),
}));
