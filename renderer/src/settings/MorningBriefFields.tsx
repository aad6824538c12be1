import type { AppSettings } from '../../../shared/contract.ts';
import { clockToMinutes, minutesToClock } from '../lib/format.ts';

const DAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun'],
] as const;

/**
 * The tray's morning brief (desktop app): on or off, at which local time, on which days. A
 * notification says how many threads wait on you and opens the Brief; quiet hours hold it back.
 */
export function MorningBriefFields({
  settings,
  save,
}: {
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<void>;
}) {
  const brief = settings.morningBrief;
  const change = (patch: Partial<AppSettings['morningBrief']>) =>
    void save({ morningBrief: { ...brief, ...patch } });
  return (
    <fieldset className="fieldset">
      <legend>Morning brief (a notification when threads wait on you)</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={brief.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
        />
        On
      </label>
      <label className="field">
        <span>At</span>
        <input
          type="time"
          value={minutesToClock(brief.minute)}
          disabled={!brief.enabled}
          onChange={(event) => {
            const minute = clockToMinutes(event.target.value);
            if (minute !== null && minute < 1440) change({ minute });
          }}
        />
      </label>
      <fieldset className="field-row brief-days">
        <legend className="sr-only">Morning brief days</legend>
        {DAYS.map(([day, label]) => (
          <label key={day} className="checkbox">
            <input
              type="checkbox"
              checked={brief.days.includes(day)}
              disabled={!brief.enabled}
              onChange={(event) =>
                change({
                  days: event.target.checked
                    ? [...brief.days, day].sort((a, b) => a - b)
                    : brief.days.filter((d) => d !== day),
                })
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
