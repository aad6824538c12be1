/** What the person is looking at: view, range, time zone, account, theme. Persisted across launches. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RangePreset } from '../../../shared/domain.ts';

export const VIEWS = [
  'overview',
  'people',
  'threads',
  'newsletters',
  'labels',
  'activity',
  'settings',
] as const;
export type ViewName = (typeof VIEWS)[number];
export type Theme = 'system' | 'light' | 'dark';

export interface ViewState {
  view: ViewName;
  preset: RangePreset | 'custom';
  customFrom: string;
  customTo: string;
  /** null: the app setting's zone, else the system's. */
  timeZone: string | null;
  account: number | 'all';
  theme: Theme;
  /**
   * The app setting's time zone as last loaded (null: the system's), so a relaunch can ask for
   * the report before the settings answer; undefined until first loaded.
   */
  settingsZone?: string | null;
  setView(view: ViewName): void;
  setPreset(preset: RangePreset | 'custom'): void;
  setCustomDates(from: string, to: string): void;
  setTimeZone(zone: string | null): void;
  setAccount(account: number | 'all'): void;
  setTheme(theme: Theme): void;
  setSettingsZone(zone: string | null): void;
}

export const useView = create<ViewState>()(
  persist(
    (set) => ({
      view: 'overview',
      preset: '30',
      customFrom: '',
      customTo: '',
      timeZone: null,
      account: 'all',
      theme: 'system',
      setView: (view) => set({ view }),
      setPreset: (preset) => set({ preset }),
      setCustomDates: (customFrom, customTo) => set({ customFrom, customTo, preset: 'custom' }),
      setTimeZone: (timeZone) => set({ timeZone }),
      setAccount: (account) => set({ account }),
      setTheme: (theme) => set({ theme }),
      setSettingsZone: (settingsZone) => set({ settingsZone }),
    }),
    {
      name: 'brief.view',
      version: 1,
      partialize: ({ view, preset, customFrom, customTo, timeZone, account, theme, settingsZone }) => ({
        view,
        preset,
        customFrom,
        customTo,
        timeZone,
        account,
        theme,
        settingsZone,
      }),
    },
  ),
);

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
