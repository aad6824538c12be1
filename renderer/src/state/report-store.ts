/**
 * Report envelopes by request. A report already shown stays on screen while a newer one loads and
 * when the engine is unreachable, so the dashboard works from what it last had.
 */
import { create } from 'zustand';
import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { asError } from './errors.ts';
import type { ReportRequest } from './report-request.ts';
import { requestKey } from './report-request.ts';

export interface ReportState {
  envelopes: Record<string, ReportEnvelope>;
  loading: Record<string, boolean>;
  errors: Record<string, SerializedError | null>;
  /** Fetches the report; a call while one is in flight for the same key runs once more after it. */
  fetch(request: ReportRequest): Promise<void>;
}

const inFlight = new Map<string, { again: boolean }>();

export const useReports = create<ReportState>((set, get) => ({
  envelopes: {},
  loading: {},
  errors: {},
  async fetch(request) {
    const key = requestKey(request);
    const running = inFlight.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const entry = { again: false };
    inFlight.set(key, entry);
    set({ loading: { ...get().loading, [key]: true } });
    try {
      do {
        entry.again = false;
        try {
          const envelope = await api.call('analytics.report', request);
          set({
            envelopes: { ...get().envelopes, [key]: envelope },
            errors: { ...get().errors, [key]: null },
          });
        } catch (error) {
          set({ errors: { ...get().errors, [key]: asError(error) } });
        }
      } while (entry.again);
    } finally {
      inFlight.delete(key);
      set({ loading: { ...get().loading, [key]: false } });
    }
  },
}));
