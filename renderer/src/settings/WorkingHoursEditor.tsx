import type { WorkingHours } from '../../../shared/domain.ts';
import { clockToMinutes, minutesToClock, WEEKDAYS } from '../lib/format.ts';

/** Working days and hours for the working-hours response times and the after-hours share. */
export function WorkingHoursEditor({
  value,
  onChange,
}: {
  value: WorkingHours;
  onChange: (next: WorkingHours) => void;
}) {
  const toggleDay = (day: number, on: boolean) => {
    const days = on
      ? [...new Set([...value.days, day])].sort((a, b) => a - b)
      : value.days.filter((d) => d !== day);
    onChange({ ...value, days });
  };
  return (
    <fieldset className="fieldset">
      <legend>Working hours</legend>
      <div className="weekday-picker">
        {WEEKDAYS.map((label, index) => (
          <label key={label} className="checkbox">
            <input
              type="checkbox"
              checked={value.days.includes(index + 1)}
              onChange={(event) => toggleDay(index + 1, event.target.checked)}
            />
            {label}
          </label>
        ))}
      </div>
      <div className="field-row">
        <label className="field">
          <span>Start</span>
          <input
            type="time"
            value={minutesToClock(value.startMinute)}
            onChange={(event) => {
              const minutes = clockToMinutes(event.target.value);
              if (minutes !== null && minutes < value.endMinute) onChange({ ...value, startMinute: minutes });
            }}
          />
        </label>
        <label className="field">
          <span>End</span>
          <input
            type="time"
            value={minutesToClock(value.endMinute === 1440 ? 0 : value.endMinute)}
            onChange={(event) => {
              const minutes = clockToMinutes(event.target.value);
              const end = minutes === 0 ? 1440 : minutes;
              if (end !== null && end > value.startMinute) onChange({ ...value, endMinute: end });
            }}
          />
        </label>
      </div>
    </fieldset>
  );
}
