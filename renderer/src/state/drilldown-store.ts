/** The message list behind a chart cell or a row, one page at a time. */
import { create } from 'zustand';
import type { DrilldownPage } from '../../../shared/analytics-types.ts';
import type { Figure, MethodArgs } from '../../../shared/contract.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { asError } from './errors.ts';
import type { ReportRequest } from './report-request.ts';

export type DrilldownKey = MethodArgs<'analytics.drilldown'>['key'];
export type DrilldownDirection = NonNullable<MethodArgs<'analytics.drilldown'>['direction']>;

export interface DrilldownTarget {
  title: string;
  figure: Figure;
  key: DrilldownKey;
  /** For volume cells: only sent or only received messages. */
  direction?: DrilldownDirection;
  request: ReportRequest;
}

export interface DrilldownState {
  target: DrilldownTarget | null;
  page: DrilldownPage | null;
  loading: boolean;
  error: SerializedError | null;
  open(target: DrilldownTarget): void;
  goTo(page: number): Promise<void>;
  close(): void;
}

const PAGE_SIZE = 50;

export const useDrilldown = create<DrilldownState>((set, get) => ({
  target: null,
  page: null,
  loading: false,
  error: null,
  open(target) {
    set({ target, page: null, error: null });
    void get().goTo(0);
  },
  async goTo(page) {
    const target = get().target;
    if (!target) return;
    set({ loading: true });
    try {
      const result = await api.call('analytics.drilldown', {
        ...target.request,
        figure: target.figure,
        key: target.key,
        ...(target.direction ? { direction: target.direction } : {}),
        page,
        pageSize: PAGE_SIZE,
      });
      if (get().target === target) set({ page: result, error: null });
    } catch (error) {
      if (get().target === target) set({ error: asError(error) });
    } finally {
      if (get().target === target) set({ loading: false });
    }
  },
  close() {
    set({ target: null, page: null, error: null, loading: false });
  },
}));
