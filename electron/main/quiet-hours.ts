/** Quiet hours: a daily window, possibly across midnight, in which background syncs wait. */
import type { AppSettings } from '../../shared/contract.ts';

export type QuietHours = AppSettings['quietHours'];

/** Whether `minuteOfDay` (0–1439, local) falls inside the window; start inclusive, end exclusive. */
export function isQuietMinute(minuteOfDay: number, quiet: QuietHours): boolean {
  if (!quiet.enabled || quiet.startMinute === quiet.endMinute) return false;
  if (quiet.startMinute < quiet.endMinute)
    return minuteOfDay >= quiet.startMinute && minuteOfDay < quiet.endMinute;
  // The window wraps midnight, e.g. 22:00–07:00.
  return minuteOfDay >= quiet.startMinute || minuteOfDay < quiet.endMinute;
}

/** Minutes after midnight at `epochMs` in `timeZone` (the system's zone when null). */
export function minuteOfDayIn(epochMs: number, timeZone: string | null): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(epochMs));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}
