/** What the person is looking at: view, range and account. Persisted across launches. */
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
  account: number | 'all';
  setView(view: ViewName): void;
  setPreset(preset: RangePreset | 'custom'): void;
  setCustomDates(from: string, to: string): void;
  setAccount(account: number | 'all'): void;
}

type Persisted = Pick<ViewState, 'view' | 'preset' | 'customFrom' | 'customTo' | 'account'>;

export const useView = create<ViewState>()(
  persist(
    (set) => ({
      view: 'overview',
      preset: '30',
      customFrom: '',
      customTo: '',
      account: 'all',
      setView: (view) => set({ view }),
      setPreset: (preset) => set({ preset }),
      setCustomDates: (customFrom, customTo) => set({ customFrom, customTo, preset: 'custom' }),
      setAccount: (account) => set({ account }),
    }),
    {
      name: 'brief.view',
      version: 2,
      partialize: ({ view, preset, customFrom, customTo, account }): Persisted => ({
        view,
        preset,
        customFrom,
        customTo,
        account,
      }),
      // Version 1 also kept a theme and time zones; those are the app settings' now (settings-store).
      migrate: (stored) => {
        const { view, preset, customFrom, customTo, account } = stored as Persisted;
        return { view, preset, customFrom, customTo, account };
      },
    },
  ),
);
