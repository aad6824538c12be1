/** The values of `brief` flags: each read into what the engine takes, or refused with a sentence about the flag. */
import { BriefError } from '../../shared/errors.ts';
import type { ParsedCommand } from './args.ts';
import { nearest } from './suggest.ts';

/** Decimal digits only: `Number()` would also take "0x10", "1e3", " 7" and "" (which is 0). */
const DECIMAL_INTEGER = /^-?\d{1,16}$/;

export function parseIntegerOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = DECIMAL_INTEGER.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new BriefError(
      'VALIDATION',
      `--${name} must be a whole number from ${min} to ${max}, written in decimal digits (got "${value}").`,
    );
  }
  return number;
}

/** A job id as `brief jobs` prints it: a positive decimal integer. */
export function parseJobId(value: string | undefined, subcommand: string): number {
  if (value === undefined)
    throw new BriefError(
      'VALIDATION',
      `Name the job: brief jobs ${subcommand} JOB_ID, with its id from \`brief jobs\` (the number each line starts with).`,
    );
  const id = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id))
    throw new BriefError(
      'VALIDATION',
      `A job id is a whole number such as 12, as \`brief jobs\` lists it (got "${value}").`,
    );
  return id;
}

/** `--tz`: absent means this computer's zone; present but empty is a mistake, not "the default". */
export function parseTimeZoneOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '')
    throw new BriefError(
      'VALIDATION',
      "--tz needs a time zone such as Europe/London or America/New_York; leave it out to use this computer's zone.",
    );
  return value;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or ±HH:MM (without one: this computer's zone). */
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * `--as-of`: an ISO time on a real calendar day. `new Date()` alone would move 2026-02-30 to
 * March 2nd and accept forms nobody means; each field is checked before the instant is taken.
 */
export function parseAsOfOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const example = 'such as 2026-11-29T12:00:00Z';
  const match = ISO_TIME.exec(value);
  if (!match) throw new BriefError('VALIDATION', `--as-of must be an ISO time ${example} (got "${value}").`);
  // Absent parts (no time, no offset) are 0.
  const part = (index: number) => Number(match[index] ?? 0);
  const [year, month, day] = [part(1), part(2), part(3)];
  const [hour, minute, second, offsetHours, offsetMinutes] = [part(4), part(5), part(6), part(8), part(9)];
  if (month < 1 || month > 12)
    throw new BriefError(
      'VALIDATION',
      `--as-of has no month ${month} (got "${value}"): months are 01 to 12.`,
    );
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth)
    throw new BriefError(
      'VALIDATION',
      `--as-of names a day that does not exist: ${MONTHS[month - 1]} ${year} has ${daysInMonth} days (got "${value}").`,
    );
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59)
    throw new BriefError(
      'VALIDATION',
      `--as-of has a time of day out of range (got "${value}"): hours are 00 to 23, minutes and seconds 00 to 59.`,
    );
  return new Date(value).toISOString();
}

/** The subcommand typed, or a refusal that names the nearest one. */
export function subcommand<S extends string>(
  command: string,
  typed: string | undefined,
  known: readonly S[],
): S {
  if (typed === undefined) return known[0]!;
  if ((known as readonly string[]).includes(typed)) return typed as S;
  const near = nearest(typed, known);
  throw new BriefError(
    'VALIDATION',
    `Unknown ${command} subcommand "${typed}"${near ? `: did you mean \`brief ${command} ${near}\`?` : '.'} Use ${known.slice(0, -1).join(', ')} or ${known.at(-1)}.`,
  );
}

/** Refuses words past what a subcommand takes, so a stray one is never silently ignored. */
export function expectWords(parsed: ParsedCommand, count: number, usage: string): void {
  const extra = parsed.positionals[count];
  if (extra !== undefined)
    throw new BriefError('VALIDATION', `Too many words: ${usage} (got "${extra}" as well).`);
}

/** A flag whose value is one of a list, or a refusal naming the nearest. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  const near = nearest(value, allowed);
  throw new BriefError(
    'VALIDATION',
    `--${flag} takes ${allowed.join(', ')} (got "${value}")${near ? `: did you mean ${near}?` : '.'}`,
  );
}
