/** App-wide settings (sync interval, quiet hours, tray, time zone, retention, theme, morning brief) in the `settings` table. */
import { type AppSettings, appSettingsSchema } from '../../../shared/contract.ts';
import { DEFAULTS } from '../../../shared/domain.ts';
import type { Store } from '../db/store.ts';

export const DEFAULT_APP_SETTINGS: AppSettings = {
  syncIntervalMinutes: DEFAULTS.syncIntervalMinutes,
  quietHours: { enabled: false, startMinute: 22 * 60, endMinute: 7 * 60 },
  keepSyncingInTray: true,
  launchAtLogin: false,
  timeZone: null,
  retentionDays: null,
  theme: 'system',
  // The tray's morning brief: 08:30 local, Monday to Friday.
  morningBrief: { enabled: true, minute: 8 * 60 + 30, days: [1, 2, 3, 4, 5] },
};

const KEY = 'app';
/** As read back from the database (a row written by a newer build may hold more). */
const storedSettingsSchema = appSettingsSchema.partial();

export class AppSettingsService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  get(): AppSettings {
    const row = this.#store.prepare<{ value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
    if (!row) return DEFAULT_APP_SETTINGS;
    const parsed = storedSettingsSchema.safeParse(JSON.parse(row.value));
    // Settings written by a newer or damaged build fall back field by field to the defaults.
    return { ...DEFAULT_APP_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  /** The patch was parsed by the contract's `settings.update` schema at the boundary. */
  update(patch: Partial<AppSettings>): AppSettings {
    const next = { ...this.get(), ...patch };
    this.#store
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(KEY, JSON.stringify(next));
    return next;
  }
}
