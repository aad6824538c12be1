/**
 * What the person is looking at: view, range and account. Persisted across launches. A preset
 * range is anchored `auto` (it ends at the newest message when today's range would hold none of
 * the mail, docs/metrics.md "Anchored ranges") until the person asks for calendar dates (`now`).
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RangePreset } from '../../../shared/domain.ts';

export const VIEWS = [
  'brief',
  'overview',
  'people',
  'threads',
  'newsletters',
  'labels',
  'activity',
  'settings',
] as const;
export type ViewName = (typeof VIEWS)[number];

export interface ViewState {
  view: ViewName;
  preset: RangePreset | 'custom';
  customFrom: string;
  customTo: string;
  anchor: 'auto' | 'now';
  account: number | 'all';
  setView(view: ViewName): void;
  setPreset(preset: RangePreset | 'custom'): void;
  setCustomDates(from: string, to: string): void;
  setAccount(account: number | 'all'): void;
  setAnchor(anchor: 'auto' | 'now'): void;
}

type Persisted = Pick<ViewState, 'view' | 'preset' | 'customFrom' | 'customTo' | 'anchor' | 'account'>;

export const useView = create<ViewState>()(
  persist(
    (set) => ({
      view: 'overview',
      preset: '30',
      customFrom: '',
      customTo: '',
      anchor: 'auto',
      account: 'all',
      setView: (view) => set({ view }),
      setPreset: (preset) => set({ preset }),
      setCustomDates: (customFrom, customTo) => set({ customFrom, customTo, preset: 'custom' }),
      setAccount: (account) => set({ account }),
      setAnchor: (anchor) => set({ anchor }),
    }),
    {
      name: 'brief.view',
      version: 3,
      partialize: ({ view, preset, customFrom, customTo, anchor, account }): Persisted => ({
        view,
        preset,
        customFrom,
        customTo,
        anchor,
        account,
      }),
      // Version 1 also kept a theme and time zones; those are the app settings' now (settings-store).
      // Versions before 3 knew no anchor: they open anchored `auto`, as a first launch does.
      migrate: (stored) => {
        const { view, preset, customFrom, customTo, account } = stored as Persisted;
        return { view, preset, customFrom, customTo, anchor: 'auto', account };
      },
    },
  ),
);
