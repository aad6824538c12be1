import { BriefError } from '../../../../shared/errors.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const WEEK_HOURS = 7 * 24;

/**
 * UTC offsets of one IANA zone over a span, read once through Intl and then looked up by array
 * index: Intl is far too slow to call per message. The zone is read once a week; where two
 * readings differ (a DST transition) the hour of change is found by bisection, so a year costs
 * about 60 Intl calls. Offsets are kept per UTC hour, which is exact for every zone whose
 * transitions fall on whole UTC hours (all but a handful, such as Lord Howe Island).
 */
export class ZoneTable {
  readonly name: string;
  private readonly firstHour: number;
  private readonly offsets: Int16Array;

  constructor(name: string, from: number, to: number) {
    this.name = name;
    const format = zoneFormat(name);
    const read = (hour: number) => readOffset(format, (this.firstHour + hour) * HOUR);
    this.firstHour = Math.floor(from / HOUR) - 48;
    const hours = Math.ceil(to / HOUR) + 48 - this.firstHour;
    this.offsets = new Int16Array(hours);
    let start = 0;
    let offset = read(0);
    while (start < hours) {
      const end = Math.min(hours, start + WEEK_HOURS);
      const atEnd = read(end);
      if (atEnd === offset) {
        this.offsets.fill(offset, start, end);
        start = end;
        continue;
      }
      // The first hour in (start, end] that reads differently: the offset holds until then.
      let lo = start;
      let hi = end;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (read(mid) === offset) lo = mid;
        else hi = mid;
      }
      this.offsets.fill(offset, start, hi);
      start = hi;
      offset = read(hi);
    }
  }

  /** Minutes east of UTC at the instant t. */
  offsetMinutes(t: number): number {
    let index = Math.floor(t / HOUR) - this.firstHour;
    if (index < 0) index = 0;
    else if (index >= this.offsets.length) index = this.offsets.length - 1;
    return this.offsets[index]!;
  }

  /** The instant as a local wall-clock reading, in ms on a UTC-based scale. */
  toLocal(t: number): number {
    return t + this.offsetMinutes(t) * MINUTE;
  }

  /** The instant at which the local clock shows `local` (the later one in a fold, skipped times move forward). */
  fromLocal(local: number): number {
    const guess = local - this.offsetMinutes(local) * MINUTE;
    return local - this.offsetMinutes(guess) * MINUTE;
  }
}

function zoneFormat(name: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    throw new BriefError(
      'VALIDATION',
      `"${name}" is not a time zone this system knows; use an IANA name such as Europe/London.`,
    );
  }
}

function readOffset(format: Intl.DateTimeFormat, t: number): number {
  const label = format.formatToParts(t).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Monday = 0 … Sunday = 6 for a local ms reading (1970-01-01 was a Thursday). */
export function weekdayOfLocal(local: number): number {
  return (Math.floor(local / DAY) + 3) % 7;
}

export function hourOfLocal(local: number): number {
  return Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR);
}

/** Caches one table per zone name for one span. */
export class Zones {
  private readonly tables = new Map<string, ZoneTable>();
  private readonly from: number;
  private readonly to: number;

  constructor(from: number, to: number) {
    this.from = from;
    this.to = to;
  }

  get(name: string): ZoneTable {
    let table = this.tables.get(name);
    if (!table) {
      table = new ZoneTable(name, this.from, this.to);
      this.tables.set(name, table);
    }
    return table;
  }
}
