import { useMemo } from 'react';
import { useAccounts } from '../state/accounts-store.ts';
import { systemTimeZone, useView } from '../state/view-store.ts';

/** The zone the report's days and hours are counted in. */
export function TimeZoneSelect() {
  const timeZone = useView((s) => s.timeZone);
  const setTimeZone = useView((s) => s.setTimeZone);
  const settingZone = useAccounts((s) => s.settings?.timeZone ?? null);
  const fallback = settingZone ?? systemTimeZone();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <label className="inline-field">
      <span>Time zone</span>
      <select value={timeZone ?? ''} onChange={(event) => setTimeZone(event.target.value || null)}>
        <option value="">Default ({fallback})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </label>
  );
}
