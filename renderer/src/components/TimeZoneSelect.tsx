import { useMemo, useState } from 'react';
import type { SerializedError } from '../../../shared/errors.ts';
import { systemTimeZone, useSettings } from '../state/settings-store.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** The app setting's time zone, which the report's days and hours are counted in; saved as it changes. */
export function TimeZoneSelect({ label, className }: { label: string; className: string }) {
  const zone = useSettings((s) => s.settings?.timeZone ?? null);
  const update = useSettings((s) => s.update);
  const [error, setError] = useState<SerializedError | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <>
      <label className={className}>
        <span>{label}</span>
        <select
          value={zone ?? ''}
          onChange={(event) => void update({ timeZone: event.target.value || null }).then(setError)}
        >
          <option value="">The system's ({systemTimeZone()})</option>
          {zones.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={error} />
    </>
  );
}
