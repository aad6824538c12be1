import { BriefError } from '../../../../shared/errors.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Sampling step of the transition search: zones do not change offset twice within a week. */
const SAMPLE_STEP_MS = 7 * DAY_MS;
/** Widest distance between a wall time and its instant (UTC-12 … UTC+14, with room for history). */
const MAX_OFFSET_MS = 26 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new BriefError(
        'VALIDATION',
        `"${zone}" is not a time zone this computer knows. Pick one from the list.`,
        {
          cause: error,
        },
      );
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset at an instant, asked of Intl (slow: used only to find transitions). */
function intlOffset(formatter: Intl.DateTimeFormat, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(second)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  return wall - second;
}

/**
 * A time zone's offsets over a span of instants, found once through Intl (one sample a week and a
 * binary search per transition), then answered by binary search: mapping a million instants to
 * local days and hours costs no Intl call.
 */
export class ZoneClock {
  readonly zone: string;
  readonly spanFrom: number;
  readonly spanTo: number;
  /** Segment i covers [starts[i], starts[i + 1]) with offsets[i]; starts[0] is -Infinity. */
  private readonly starts: number[];
  private readonly offsets: number[];

  private constructor(zone: string, spanFrom: number, spanTo: number) {
    this.zone = zone;
    this.spanFrom = spanFrom;
    this.spanTo = spanTo;
    const formatter = formatterFor(zone);
    this.starts = [Number.NEGATIVE_INFINITY];
    this.offsets = [intlOffset(formatter, spanFrom)];
    let previous = spanFrom;
    let previousOffset = this.offsets[0]!;
    while (previous < spanTo) {
      const next = Math.min(previous + SAMPLE_STEP_MS, spanTo);
      const nextOffset = intlOffset(formatter, next);
      if (nextOffset !== previousOffset) {
        let low = previous;
        let high = next;
        while (high - low > 1000) {
          const middle = Math.floor((low + high) / 2000) * 1000;
          if (middle <= low) break;
          if (intlOffset(formatter, middle) === previousOffset) low = middle;
          else high = middle;
        }
        this.starts.push(high);
        this.offsets.push(intlOffset(formatter, high));
      }
      previous = next;
      previousOffset = nextOffset;
    }
  }

  private static readonly cache = new Map<string, ZoneClock>();

  /** A clock for the zone valid at least over [from, to]; reused across reports while it covers the span. */
  static covering(zone: string, from: number, to: number): ZoneClock {
    const cached = ZoneClock.cache.get(zone);
    if (cached && cached.spanFrom <= from && cached.spanTo >= to) return cached;
    const spanFrom = Math.min(from, cached?.spanFrom ?? from) - 2 * DAY_MS;
    const spanTo = Math.max(to, cached?.spanTo ?? to) + 2 * DAY_MS;
    const clock = new ZoneClock(zone, spanFrom, spanTo);
    ZoneClock.cache.set(zone, clock);
    return clock;
  }

  private lastSegment = 0;

  private segmentAt(instant: number): number {
    const last = this.lastSegment;
    if (
      this.starts[last]! <= instant &&
      (last + 1 === this.starts.length || instant < this.starts[last + 1]!)
    ) {
      return last;
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= instant) low = middle;
      else high = middle - 1;
    }
    this.lastSegment = low;
    return low;
  }

  offsetAt(instant: number): number {
    return this.offsets[this.segmentAt(instant)]!;
  }

  /** The local wall time as ms since the epoch of a UTC-reading clock. */
  wall(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /** The local day number (days since 1970-01-01 on the local calendar). */
  dayOf(instant: number): number {
    return Math.floor(this.wall(instant) / DAY_MS);
  }

  /**
   * The earliest instant whose local wall time is `wall`; in a gap (the wall time is skipped by a
   * spring-forward), the first instant after it: the transition itself.
   */
  instantOfWall(wall: number): number {
    const first = this.segmentAt(wall - MAX_OFFSET_MS);
    const last = this.segmentAt(wall + MAX_OFFSET_MS);
    for (let i = first; i <= last; i++) {
      const instant = wall - this.offsets[i]!;
      const end = i + 1 < this.starts.length ? this.starts[i + 1]! : Number.POSITIVE_INFINITY;
      if (instant >= this.starts[i]! && instant < end) return instant;
    }
    for (let i = Math.max(first, 1); i <= last; i++) {
      if (this.starts[i]! + this.offsets[i]! > wall) return this.starts[i]!;
    }
    return wall - this.offsets[last]!;
  }

  /** Local midnight starting the local day (the day's first instant). */
  startOfDay(day: number): number {
    return this.instantOfWall(day * DAY_MS);
  }
}

/** Monday = 0 … Sunday = 6 for a local day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday starting the ISO week of a local day. */
export function weekStartOfDay(day: number): number {
  return day - weekdayOfDay(day);
}

const dateStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a local day number. */
export function dateOfDay(day: number): string {
  let text = dateStrings.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateStrings.set(day, text);
  }
  return text;
}

/** The local day number of `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function dayOfDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / DAY_MS;
  return dateOfDay(day) === text ? day : null;
}

/** ISO 8601 UTC with milliseconds and Z. */
export function isoOf(instant: number): string {
  return new Date(instant).toISOString();
}
