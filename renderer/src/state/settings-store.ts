/**
 * The app's settings (theme, time zone, sync, retention): the one copy in the renderer. Kept as
 * last loaded across launches, so a relaunch asks for the report in the right zone and paints in
 * the right theme before the engine answers; the engine's copy wins as soon as it loads.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AppSettings } from '../../../shared/contract.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { asError } from './errors.ts';

export type Theme = AppSettings['theme'];

export interface SettingsState {
  /** null until the engine has answered once on this device. */
  settings: AppSettings | null;
  error: SerializedError | null;
  load(): Promise<void>;
  /** Saves part of the settings, shown at once; answers the error to show (the change undone), or null. */
  update(patch: Partial<AppSettings>): Promise<SerializedError | null>;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set, get) => ({
      settings: null,
      error: null,
      async load() {
        try {
          set({ settings: await api.call('settings.get', {}), error: null });
        } catch (error) {
          set({ error: asError(error) });
        }
      },
      async update(patch) {
        const before = get().settings;
        if (before) set({ settings: { ...before, ...patch } });
        try {
          set({ settings: await api.call('settings.update', patch) });
          return null;
        } catch (error) {
          set({ settings: before });
          return asError(error);
        }
      },
    }),
    { name: 'brief.settings', version: 1, partialize: ({ settings }) => ({ settings }) },
  ),
);

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zone days and hours are counted in: the setting's, else the system's. */
export function timeZoneOf(settings: AppSettings | null): string {
  return settings?.timeZone ?? systemTimeZone();
}

export function useTimeZone(): string {
  return useSettings((s) => timeZoneOf(s.settings));
}

export function useThemeSetting(): Theme {
  return useSettings((s) => s.settings?.theme ?? 'system');
}
