import type { Random } from './random.ts';
import { DAY, HOUR, hourOfLocal, MINUTE, weekdayOfLocal, type ZoneTable } from './zones.ts';

/** Relative activity by local hour on a working day and on a weekend day. */
const WEEKDAY_HOURS = [
  0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.12, 0.35, 1, 1, 1, 0.8, 0.9, 1, 1, 1, 0.95, 0.3, 0.25, 0.25,
  0.2, 0.12, 0.05,
];
const WEEKEND_HOURS = [
  0.03, 0.01, 0.01, 0.01, 0.01, 0.01, 0.03, 0.06, 0.12, 0.18, 0.22, 0.22, 0.22, 0.22, 0.22, 0.22, 0.22, 0.2,
  0.18, 0.18, 0.18, 0.15, 0.09, 0.04,
];

const WORK_START_HOUR = 9;
const WORK_END_HOUR = 18;

/**
 * When mail happens in the user's life: the weekly rhythm in the user's own zone (DST-correct
 * through the zone table), a quiet fortnight around new year, and mail volume growing over the
 * years. Thread starts are placed by inverting the cumulative activity, so the i-th share of
 * the mailbox's messages lands where the i-th share of activity is; that keeps starts in order
 * and the last message near the end of the span whatever the message count.
 */
export class Rhythm {
  private readonly from: number;
  private readonly cumulative: Float64Array;

  constructor(zone: ZoneTable, from: number, to: number) {
    this.from = from;
    const hours = Math.max(1, Math.ceil((to - from) / HOUR));
    this.cumulative = new Float64Array(hours + 1);
    let total = 0;
    let day = Number.NaN;
    let holiday = false;
    for (let h = 0; h < hours; h++) {
      const t = from + h * HOUR;
      const local = zone.toLocal(t);
      const hour = hourOfLocal(local);
      const weekend = weekdayOfLocal(local) >= 5;
      if (Math.floor(local / DAY) !== day) {
        day = Math.floor(local / DAY);
        holiday = isHolidaySeason(local);
      }
      let weight = (weekend ? WEEKEND_HOURS : WEEKDAY_HOURS)[hour]!;
      if (holiday) weight *= 0.35;
      weight *= 0.6 + (0.8 * h) / hours;
      total += weight;
      this.cumulative[h + 1] = total;
    }
  }

  /** The instant by which a share q ∈ [0, 1) of all activity has happened. */
  at(q: number): number {
    const target = q * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! <= target) lo = mid;
      else hi = mid;
    }
    const low = this.cumulative[lo]!;
    const width = this.cumulative[lo + 1]! - low;
    const within = width > 0 ? (target - low) / width : 0;
    return this.from + (lo + within) * HOUR;
  }
}

function isHolidaySeason(local: number): boolean {
  const date = new Date(local);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return (month === 11 && day >= 23) || (month === 0 && day <= 2);
}

export function isWorkingTime(local: number): boolean {
  const hour = hourOfLocal(local);
  return weekdayOfLocal(local) < 5 && hour >= WORK_START_HOUR && hour < WORK_END_HOUR;
}

/**
 * Moves an instant that falls outside working hours (Mon–Fri 09–18 in the zone) to the next
 * working morning, a little after nine: what people do with mail that arrives in the evening.
 */
export function deferToWorkingHours(t: number, zone: ZoneTable, random: Random): number {
  const local = zone.toLocal(t);
  if (isWorkingTime(local)) return t;
  let day = Math.floor(local / DAY);
  if (hourOfLocal(local) >= WORK_START_HOUR || weekdayOfLocal(local) >= 5) day += 1;
  while (weekdayOfLocal(day * DAY) >= 5) day += 1;
  const settle = Math.min(random.exponential(50 * MINUTE), 7 * HOUR);
  return zone.fromLocal(day * DAY + WORK_START_HOUR * HOUR + settle);
}
