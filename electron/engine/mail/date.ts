/**
 * The Date header, parsed the way Python's `email.utils.parsedate_tz` does (RFC 5322 with the
 * obsolete forms: optional weekday, named zones, dotted times, month and day swapped), except
 * that years below 100 follow RFC 5322's two-digit rule (00–49 → 20xx, 50–99 → 19xx) and
 * three-digit years add 1900. A missing or unknown zone is UTC. Returns milliseconds since the epoch, or null.
 */
const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
/** Zone offsets in ±hhmm form, as RFC 5322 (and Python) name them. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  AST: -400,
  ADT: -300,
  EST: -500,
  EDT: -400,
  CST: -600,
  CDT: -500,
  MST: -700,
  MDT: -600,
  PST: -800,
  PDT: -700,
};

const DIGITS = /^\d+$/;
const SIGNED = /^[+-]?\d+$/;

/**
 * The form nearly all mail writes ("Mon, 14 May 2001 16:39:00 -0700 (PDT)": every Date of the four
 * shared Enron users), read with one expression instead of split into words: the same tokens the
 * general reading finds, so the same result (test/mail/dates-common-form.test.ts).
 */
const COMMON =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})(?:\s|$)/;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function parseMailDate(value: string | undefined | null): number | null {
  if (!value) return null;
  const common = COMMON.exec(value);
  if (common === null) return parseAnyMailDate(value);
  const [, dd, mm, yy, hh, mi, ss, hhmm] = common;
  const local = utcTime(
    Number(yy),
    SHORT_MONTHS.indexOf(mm!),
    Number(dd),
    Number(hh),
    Number(mi),
    Number(ss),
  );
  return local === null ? null : local - offsetMs(Number(hhmm));
}

/** Every form parseMailDate takes, word by word (exported for the test that the common form agrees). */
export function parseAnyMailDate(value: string): number | null {
  let data = value.trim().split(/\s+/);
  const head = data[0] ?? '';
  if (head === '') return null;
  if (head.endsWith(',') || DAYS.has(head.toLowerCase())) data.shift();
  else {
    const comma = head.lastIndexOf(',');
    if (comma >= 0) data[0] = head.slice(comma + 1);
  }
  if (data.length === 3) {
    const parts = (data[0] ?? '').split('-');
    if (parts.length === 3) data = [...parts, ...data.slice(1)];
  }
  if (data.length === 4) {
    const s = data[3] ?? '';
    let i = s.indexOf('+');
    if (i === -1) i = s.indexOf('-');
    if (i > 0) data = [...data.slice(0, 3), s.slice(0, i), s.slice(i)];
    else data.push('');
  }
  if (data.length < 5) return null;
  let [dd = '', mm = '', yy = '', tm = '', tz = ''] = data;
  if (!dd || !mm || !yy) return null;
  let month = MONTHS.indexOf(mm.toLowerCase());
  if (month === -1) {
    [dd, mm] = [mm, dd.toLowerCase()];
    month = MONTHS.indexOf(mm);
    if (month === -1) return null;
  }
  month = month % 12;
  if (dd.endsWith(',')) dd = dd.slice(0, -1);
  if (yy.indexOf(':') > 0) [yy, tm] = [tm, yy];
  if (yy.endsWith(',')) yy = yy.slice(0, -1);
  if (!yy) return null;
  if (!/^\d/.test(yy)) [yy, tz] = [tz, yy];
  if (tm.endsWith(',')) tm = tm.slice(0, -1);
  let clock = tm.split(':');
  if (clock.length === 1 && tm.includes('.')) clock = tm.split('.');
  if (clock.length === 2) clock.push('0');
  if (clock.length !== 3) return null;
  const numbers = [yy, dd, ...clock];
  if (!numbers.every((n) => DIGITS.test(n))) return null;
  const [hour = 0, minute = 0, second = 0] = clock.map(Number);
  const local = utcTime(Number(yy), month, Number(dd), hour, minute, second);
  return local === null ? null : local - zoneOffsetMs(tz);
}

/** The date's instant as if it were UTC (month 0–11), or null when it is not a date. */
function utcTime(
  written: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | null {
  // By value, as Python does: "0002" (seen in the Enron corpus) is the two-digit year 02.
  const year = written < 50 ? written + 2000 : written < 1000 ? written + 1900 : written;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month, day, hour, minute, second);
  if (new Date(local).getUTCDate() !== day) return null;
  return local;
}

function zoneOffsetMs(zone: string): number {
  const upper = zone.toUpperCase();
  let hhmm = ZONES[upper];
  if (hhmm === undefined) {
    if (!SIGNED.test(upper)) return 0;
    hhmm = Number(upper);
  }
  return offsetMs(hhmm);
}

/** A ±hhmm zone as milliseconds east of UTC. */
function offsetMs(hhmm: number): number {
  const sign = hhmm < 0 ? -1 : 1;
  const abs = Math.abs(hhmm);
  return sign * (Math.floor(abs / 100) * 3_600_000 + (abs % 100) * 60_000);
}

/** 1990-01-01T00:00Z: earlier times are invalid. */
export const EARLIEST_VALID_TIME = Date.UTC(1990, 0, 1);
const DAY_MS = 86_400_000;

/** Whether a message time is valid: at or after 1990-01-01T00:00Z and at most one day after the as-of time. */
export function isValidTime(time: number | null, asOfMs: number): time is number {
  return time !== null && time >= EARLIEST_VALID_TIME && time <= asOfMs + DAY_MS;
}
