import { DAY, MINUTE } from './zones.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Civil {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hh: string;
  mm: string;
  ss: string;
}

/** Calendar fields of a ms reading (Howard Hinnant's days-to-civil; no Date object on the hot path). */
function civil(ms: number): Civil {
  const days = Math.floor(ms / DAY);
  const secondsOfDay = Math.floor((ms - days * DAY) / 1000);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return {
    year,
    month,
    day,
    weekday: (((days + 3) % 7) + 7) % 7,
    hh: two(Math.floor(secondsOfDay / 3600)),
    mm: two(Math.floor((secondsOfDay % 3600) / 60)),
    ss: two(secondsOfDay % 60),
  };
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** RFC 5322 date as a sender in a zone `offsetMinutes` east of UTC writes it: "Tue, 3 Mar 2026 09:14:05 +0100". */
export function rfc5322Date(t: number, offsetMinutes: number): string {
  const c = civil(t + offsetMinutes * MINUTE);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
  return `${WEEKDAYS[c.weekday]}, ${c.day} ${MONTHS[c.month - 1]} ${c.year} ${c.hh}:${c.mm}:${c.ss} ${zone}`;
}

/** The time stamp of a Takeout mbox separator line: "Wed Jan 29 20:21:51 +0000 2020" (always UTC). */
export function takeoutSeparatorDate(t: number): string {
  const c = civil(t);
  return `${WEEKDAYS[c.weekday]} ${MONTHS[c.month - 1]} ${two(c.day)} ${c.hh}:${c.mm}:${c.ss} +0000 ${c.year}`;
}
