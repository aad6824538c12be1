/** How numbers, durations, shares and times read on the dashboard. */

const integer = new Intl.NumberFormat('en-US');

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const percent = value * 100;
  return `${percent > 0 && percent < 1 ? percent.toFixed(1) : Math.round(percent)} %`;
}

/** A signed relative change; null (nothing to compare with) reads as a dash. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const percent = Math.round(value * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)} %`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as a person says it; none (null) is a dash, and a zero is "0 min", never "0 ms". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms === 0) return '0 min';
  if (ms < 1000) return '< 1 s';
  // Rounded once, to the unit shown, before it is split: 2 h 59.7 min reads "3 h", never "2 h 60 min".
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 10) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  if (Math.round(ms / HOUR) < 24) return `${Math.round(ms / HOUR)} h`;
  const days = ms / DAY;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} d`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function formatIn(
  iso: string | null | undefined,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...options,
  }).format(date);
}

/** An ISO instant as a local date and time in the report's zone. */
export function formatInstant(iso: string | null | undefined, timeZone: string): string {
  return formatIn(iso, timeZone, { hour: '2-digit', minute: '2-digit' });
}

/** An ISO instant as a local date in the report's zone. */
export function formatDay(iso: string | null | undefined, timeZone: string): string {
  return formatIn(iso, timeZone, {});
}

/** How long ago an instant was, relative to `now`. */
export function formatAgo(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const elapsed = now - new Date(iso).getTime();
  if (!Number.isFinite(elapsed)) return 'never';
  if (elapsed < MINUTE) return 'just now';
  return `${formatDuration(elapsed)} ago`;
}

export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'estimating…';
  return `about ${formatDuration(Math.max(1, seconds) * 1000)} left`;
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const RESPONSE_BUCKETS = ['< 1 h', '1–4 h', '4–24 h', '1–3 d', '3–7 d', '≥ 7 d'] as const;

export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function clockToMinutes(clock: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes >= 0 && minutes <= 1440 ? minutes : null;
}
