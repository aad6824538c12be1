import type { WorkingHours } from '../../../../shared/domain.ts';
import { DAY_MS, weekdayOfDay, type ZoneClock } from './zone-clock.ts';

const MINUTE_MS = 60_000;

/**
 * Working hours in the report's zone: whether an instant falls inside them, and how much working
 * time lies between two instants. Day intervals are summed into a prefix table over the span of
 * days the report touches, so each pair costs two partial days and one subtraction.
 */
export class WorkingCalendar {
  private readonly clock: ZoneClock;
  private readonly workingWeekdays: boolean[];
  private readonly startMs: number;
  private readonly endMs: number;
  private readonly firstDay: number;
  /** prefix[k] = working ms of the days firstDay … firstDay + k - 1. */
  private readonly prefix: Float64Array;
  /** Each table day's working interval as instants (start = end on a day off). */
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;

  constructor(clock: ZoneClock, hours: WorkingHours, firstDay: number, lastDay: number) {
    this.clock = clock;
    this.workingWeekdays = Array.from({ length: 7 }, (_, weekday) => hours.days.includes(weekday + 1));
    this.startMs = hours.startMinute * MINUTE_MS;
    this.endMs = hours.endMinute * MINUTE_MS;
    this.firstDay = firstDay;
    const count = Math.max(0, lastDay - firstDay + 1);
    this.prefix = new Float64Array(count + 1);
    this.starts = new Float64Array(count);
    this.ends = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const interval = this.intervalOfDay(firstDay + k);
      if (interval) [this.starts[k], this.ends[k]] = interval;
      this.prefix[k + 1] = this.prefix[k]! + this.ends[k]! - this.starts[k]!;
    }
  }

  /** The day's working interval as instants, or null on a day off. */
  private intervalOfDay(day: number): [number, number] | null {
    if (!this.workingWeekdays[weekdayOfDay(day)] || this.endMs <= this.startMs) return null;
    const midnight = day * DAY_MS;
    return [
      this.clock.instantOfWall(midnight + this.startMs),
      this.clock.instantOfWall(midnight + this.endMs),
    ];
  }

  /** Whether a local weekday (Monday = 0) and time of day (ms after local midnight) are inside working hours. */
  isWorkingWall(weekday: number, msOfDay: number): boolean {
    return this.workingWeekdays[weekday]! && msOfDay >= this.startMs && msOfDay < this.endMs;
  }

  private fullDays(fromDay: number, toDay: number): number {
    if (toDay <= fromDay) return 0;
    const last = this.prefix.length - 1;
    const from = Math.min(Math.max(fromDay - this.firstDay, 0), last);
    const to = Math.min(Math.max(toDay - this.firstDay, 0), last);
    let total = this.prefix[to]! - this.prefix[from]!;
    // Days outside the table (rare: instants beyond the messages' span) are summed one by one.
    for (let day = fromDay; day < Math.min(toDay, this.firstDay); day++)
      total += this.overlap(day, -Infinity, Infinity);
    for (let day = Math.max(fromDay, this.firstDay + last); day < toDay; day++) {
      total += this.overlap(day, -Infinity, Infinity);
    }
    return total;
  }

  private overlap(day: number, from: number, to: number): number {
    const k = day - this.firstDay;
    if (k >= 0 && k < this.starts.length) {
      return Math.max(0, Math.min(to, this.ends[k]!) - Math.max(from, this.starts[k]!));
    }
    const interval = this.intervalOfDay(day);
    if (!interval) return 0;
    return Math.max(0, Math.min(to, interval[1]) - Math.max(from, interval[0]));
  }

  /** Working time in [from, to), in ms. */
  between(from: number, to: number): number {
    return to <= from ? 0 : this.betweenOnDays(from, to, this.clock.dayOf(from), this.clock.dayOf(to));
  }

  /** The same, given the local days of the two instants (a report has each message's already). */
  betweenOnDays(from: number, to: number, fromDay: number, toDay: number): number {
    if (to <= from) return 0;
    if (toDay <= fromDay) return this.overlap(fromDay, from, to);
    return (
      this.overlap(fromDay, from, to) + this.fullDays(fromDay + 1, toDay) + this.overlap(toDay, from, to)
    );
  }
}
