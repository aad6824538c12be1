/** Command-line parsing for `brief`: one parser, every command's options, and the help text. */
import { parseArgs } from 'node:util';
import { BriefError } from '../../shared/errors.ts';

export const HELP = `brief — 360Brief from the terminal: your mail's analytics, computed on this device.

Usage: brief <command> [options]

Commands
  import <path>...         Import a Google Takeout .mbox, a folder of mbox files or a folder of
                           message files (.eml), also .gz or .zip. Options: --account ADDRESS
                           (required unless the mail is a Takeout of one account), --alias ADDRESS
                           (repeatable: your other addresses).
  report                   Print the analytics report. Options: --account ADDRESS|ID|all,
                           --range all|today|7|30|90|365|YYYY-MM-DD..YYYY-MM-DD (default all),
                           --anchor now|newest|auto (what a preset range counts back from: today,
                           the day of the newest message, or that day when today's range holds
                           none of the mail; default now),
                           --tz ZONE (default: this computer's), --as-of ISO-TIME, --json, --csv FIGURE.
  digest                   The Brief: what waits on you and on them, who went quiet, your reply time
                           this week, newsletters you never read. Options: --account ADDRESS|ID|all,
                           --format text|html|json (default text), --out FILE (html is written to
                           360brief-<account>-<date>.html in this folder unless --out names another
                           file; --out - prints it), --tz ZONE, --as-of ISO-TIME, --anchor now|newest|auto
                           (default auto: as of the newest mail when all of it is older than 30 days).
                           Printing or writing it moves "new since the last brief" on.
  accounts                 List accounts. Subcommands: alias-add ACCOUNT ADDRESS,
                           alias-remove ACCOUNT ADDRESS, aliases ACCOUNT (suggestions), forget ACCOUNT
                           (asks first; --yes to skip the question).
  jobs                     List jobs (--status S, --type T). Subcommands: retry|cancel|pause|resume ID.
  demo                     Create the demo account from a generated mailbox and print its report
                           (--messages N, default 20000; --seed S).
  connect                  Connect a Gmail account: sign in with Google in your browser (read-only
                           metadata scope), then fetch your mail newest first. Options:
                           --endpoint URL (a Gmail API emulator instead of Google),
                           --client-id ID --client-secret S (or BRIEF_GOOGLE_CLIENT_ID/_SECRET).
  sync                     Bring connected Gmail accounts up to date (--account ADDRESS for one).
  serve                    Serve the dashboard and the contract on 127.0.0.1 for a browser
                           (--port N, default any free port). Prints the URL with its token.

Options for every command
  --db FILE                The database (default: the app's own, so the app and brief share data;
                           the BRIEF_DB environment variable also sets it).
  -h, --help               This help.
`;

const OPTIONS = {
  db: { type: 'string' },
  account: { type: 'string' },
  alias: { type: 'string', multiple: true },
  range: { type: 'string' },
  anchor: { type: 'string' },
  tz: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  status: { type: 'string' },
  type: { type: 'string' },
  messages: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  endpoint: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'no-sync': { type: 'boolean' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ParsedCommand {
  command: string | null;
  positionals: string[];
  values: {
    db?: string;
    account?: string;
    alias?: string[];
    range?: string;
    anchor?: string;
    tz?: string;
    'as-of'?: string;
    json?: boolean;
    csv?: string;
    format?: string;
    out?: string;
    status?: string;
    type?: string;
    messages?: string;
    seed?: string;
    port?: string;
    host?: string;
    endpoint?: string;
    'client-id'?: string;
    'client-secret'?: string;
    'no-sync'?: boolean;
    yes?: boolean;
    help?: boolean;
  };
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command = null, ...rest] = positionals;
    return { command, positionals: rest, values };
  } catch (error) {
    throw new BriefError('VALIDATION', `${(error as Error).message}. Run \`brief --help\` for the options.`);
  }
}

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
  if (value === undefined) throw new BriefError('VALIDATION', `Usage: brief jobs ${subcommand} JOB_ID`);
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
