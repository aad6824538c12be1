/** Which section of the bundled docs/metrics.md page is open (a DEFINITIONS key), if any. */
import { create } from 'zustand';
import type { DefinitionKey } from '../../../shared/report-types.ts';

export interface MetricsDocState {
  section: DefinitionKey | null;
  open(section: DefinitionKey): void;
  close(): void;
}

export const useMetricsDoc = create<MetricsDocState>((set) => ({
  section: null,
  open: (section) => set({ section }),
  close: () => set({ section: null }),
}));
