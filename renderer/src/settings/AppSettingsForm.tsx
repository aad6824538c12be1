import { useState } from 'react';
import type { AppSettings } from '../../../shared/contract.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { currentHost } from '../api/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { TimeZoneSelect } from '../components/TimeZoneSelect.tsx';
import { clockToMinutes, minutesToClock } from '../lib/format.ts';
import { type Theme, useSettings } from '../state/settings-store.ts';
import { MorningBriefFields } from './MorningBriefFields.tsx';

/**
 * App-wide settings: appearance, time zone, background sync, quiet hours, tray, morning brief,
 * retention. Saved as they change. What only the desktop app can honour (its sync schedule, quiet
 * hours, tray, login item and the tray's morning brief) is shown only there; a browser on `brief
 * serve` says where those live instead.
 */
export function AppSettingsForm({ settings }: { settings: AppSettings }) {
  const desktop = currentHost().desktop;
  const update = useSettings((s) => s.update);
  const [error, setError] = useState<SerializedError | null>(null);
  const save = async (patch: Partial<AppSettings>) => setError(await update(patch));
  return (
    <section className="figure figure--half" aria-labelledby="app-settings-title">
      <header className="figure__header">
        <h2 id="app-settings-title">App</h2>
      </header>
      <ErrorNote error={error} />
      <div className="form">
        <label className="field">
          <span>Theme</span>
          <select
            value={settings.theme}
            onChange={(event) => void save({ theme: event.target.value as Theme })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <TimeZoneSelect label="Time zone for days and hours" className="field" />
        {desktop ? (
          <>
            <div className="field">
              <label htmlFor="sync-interval">Sync every (minutes)</label>
              <NumberInput
                id="sync-interval"
                value={settings.syncIntervalMinutes}
                min={1}
                max={1440}
                onCommit={(value) => void save({ syncIntervalMinutes: value })}
              />
            </div>
            <fieldset className="fieldset">
              <legend>Quiet hours (no background sync, no notifications)</legend>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={settings.quietHours.enabled}
                  onChange={(event) =>
                    void save({ quietHours: { ...settings.quietHours, enabled: event.target.checked } })
                  }
                />
                On
              </label>
              <div className="field-row">
                <label className="field">
                  <span>From</span>
                  <input
                    type="time"
                    value={minutesToClock(settings.quietHours.startMinute)}
                    disabled={!settings.quietHours.enabled}
                    onChange={(event) => {
                      const minutes = clockToMinutes(event.target.value);
                      if (minutes !== null && minutes < 1440)
                        void save({ quietHours: { ...settings.quietHours, startMinute: minutes } });
                    }}
                  />
                </label>
                <label className="field">
                  <span>To</span>
                  <input
                    type="time"
                    value={minutesToClock(settings.quietHours.endMinute)}
                    disabled={!settings.quietHours.enabled}
                    onChange={(event) => {
                      const minutes = clockToMinutes(event.target.value);
                      if (minutes !== null && minutes < 1440)
                        void save({ quietHours: { ...settings.quietHours, endMinute: minutes } });
                    }}
                  />
                </label>
              </div>
            </fieldset>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={settings.keepSyncingInTray}
                onChange={(event) => void save({ keepSyncingInTray: event.target.checked })}
              />
              Keep syncing in the tray when the window is closed
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={settings.launchAtLogin}
                onChange={(event) => void save({ launchAtLogin: event.target.checked })}
              />
              Start 360Brief when I log in
            </label>
            <MorningBriefFields settings={settings} save={save} />
          </>
        ) : (
          <p className="muted small">
            The sync schedule, quiet hours, the tray, starting at login and the morning brief belong to the
            360Brief desktop app. Here, in a browser, mail arrives when you sync it (`brief sync`) or add it
            (Add mail).
          </p>
        )}
        <fieldset className="fieldset">
          <legend>Keep messages</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.retentionDays === null}
              onChange={(event) => void save({ retentionDays: event.target.checked ? null : 365 })}
            />
            Forever
          </label>
          {settings.retentionDays !== null ? (
            <div className="field">
              <label htmlFor="retention-days">Days to keep (older messages are removed by cleanup)</label>
              <NumberInput
                id="retention-days"
                value={settings.retentionDays}
                min={1}
                max={36500}
                onCommit={(value) => void save({ retentionDays: value })}
              />
            </div>
          ) : null}
        </fieldset>
      </div>
    </section>
  );
}

/** A number field that saves when it loses focus or on Enter, not on every keystroke. */
function NumberInput({
  id,
  value,
  min,
  max,
  onCommit,
}: {
  id: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}) {
  const [text, setText] = useState(String(value));
  const commit = () => {
    const parsed = Number(text);
    if (Number.isInteger(parsed) && parsed >= min && parsed <= max && parsed !== value) onCommit(parsed);
    else setText(String(value));
  };
  return (
    <input
      id={id}
      type="number"
      min={min}
      max={max}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
