/**
 * Every `brief` command with its options, described once: the parser accepts exactly these flags
 * per command (so a flag of another command, or a typo, is refused with a suggestion), and the
 * general and per-command help are printed from the same table.
 */
import { DIGEST_FORMATS } from '../../shared/brief-types.ts';
import { JOB_STATUSES, JOB_TYPES, RANGE_ANCHORS, RANGE_PRESETS } from '../../shared/domain.ts';
import { CSV_FIGURES } from '../engine/index.ts';

export interface FlagSpec {
  /** The long name, without the dashes. */
  name: string;
  /** What the value stands for in the help (`--tz ZONE`); absent for a switch such as --json. */
  value?: string;
  /** A value to show when the flag was given without one. */
  example?: string;
  repeatable?: boolean;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** The arguments after the name in the command list, such as `<path>...`. */
  arguments?: string;
  /** One line for `brief --help`. */
  summary: string;
  /** The usage lines of `brief <command> --help`, each without the leading `brief `. */
  usage: string[];
  /** Paragraphs after the usage. */
  details?: string[];
  flags: FlagSpec[];
  /** Whether words after the command are the command's business (paths, a subcommand); otherwise refused. */
  takesArguments: boolean;
}

export const DB_FLAG: FlagSpec = {
  name: 'db',
  value: 'FILE',
  example: './brief.db',
  help: "The database. Default: the app's own (so the app and brief share data); the BRIEF_DB environment variable also sets it.",
};
export const HELP_FLAG: FlagSpec = { name: 'help', help: 'Print this help and exit.' };
/** Every command takes these. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [DB_FLAG, HELP_FLAG];

const ENDPOINT: FlagSpec = {
  name: 'endpoint',
  value: 'URL',
  example: 'http://127.0.0.1:8790',
  help: 'A Gmail API emulator (or another Google-compatible server) instead of Google. `brief connect` remembers it for later commands; here it applies to this run.',
};
const CLIENT_ID: FlagSpec = {
  name: 'client-id',
  value: 'ID',
  example: '1234-abc.apps.googleusercontent.com',
  help: 'Your Google OAuth client (type Desktop app). Default: BRIEF_GOOGLE_CLIENT_ID, or what `brief connect` saved.',
};
const CLIENT_SECRET: FlagSpec = {
  name: 'client-secret',
  value: 'SECRET',
  example: 'GOCSPX-…',
  help: "That client's secret. Default: BRIEF_GOOGLE_CLIENT_SECRET, or what `brief connect` saved.",
};

const ANCHOR: FlagSpec = {
  name: 'anchor',
  value: 'ANCHOR',
  example: 'newest',
  help: `What a preset range counts back from: ${RANGE_ANCHORS.join(', ')} (today; the day of the newest message, for an archive's "last 30 days"; or that day only when today's range would hold none of the mail, as the dashboard does).`,
};
const TIME_ZONE: FlagSpec = {
  name: 'tz',
  value: 'ZONE',
  example: 'Europe/London',
  help: "The time zone for days, hours and the times printed: an IANA name such as Europe/London. Default: the app's setting, else this computer's.",
};
const AS_OF: FlagSpec = {
  name: 'as-of',
  value: 'ISO-TIME',
  example: '2026-11-29T12:00:00Z',
  help: 'Compute as of this instant, such as 2026-11-29T12:00:00Z (always computed, never from the cache). Default: now.',
};
const WHOSE: FlagSpec = {
  name: 'account',
  value: 'ADDRESS|ID|all',
  example: 'you@example.com',
  help: 'Whose: an address or id from `brief accounts`, or all. Default: the only account, or all of them.',
};

const list = (values: readonly string[]) => values.join(', ');

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'import',
    arguments: '<path>...',
    summary: 'Import mail files: a Google Takeout .mbox, mbox files or .eml messages (also .gz or .zip).',
    usage: ['import <path>... --account ADDRESS [--alias ADDRESS]...'],
    details: [
      'Each path is a file or a folder: a Google Takeout .mbox, a folder of mbox files or a folder of message files (.eml), each also gzipped (.gz) or in a .zip. Importing the same mail again adds nothing.',
    ],
    flags: [
      {
        name: 'account',
        value: 'ADDRESS',
        example: 'you@example.com',
        help: 'Whose mail this is: your address (required unless the mail is a Takeout of one account).',
      },
      {
        name: 'alias',
        value: 'ADDRESS',
        example: 'you@work.example.com',
        repeatable: true,
        help: 'Another address of yours, so mail from it counts as sent (repeat for each).',
      },
    ],
    takesArguments: true,
  },
  {
    name: 'report',
    summary: 'Print the analytics report (readable, --json, or one figure with --csv).',
    usage: [
      'report [--account ADDRESS|ID|all] [--range RANGE] [--tz ZONE] [--as-of ISO-TIME] [--json | --csv FIGURE]',
    ],
    details: [
      'Without --as-of the report comes from the analytics cache when it can; the readable report says so and as of when (on stderr with --json or --csv).',
    ],
    flags: [
      WHOSE,
      {
        name: 'range',
        value: 'RANGE',
        example: '30',
        help: `Which days: ${list(RANGE_PRESETS)} (the last N days), or YYYY-MM-DD..YYYY-MM-DD. Default: all.`,
      },
      { ...ANCHOR, help: `${ANCHOR.help} Default: now.` },
      TIME_ZONE,
      AS_OF,
      { name: 'json', help: 'The whole report as JSON on stdout.' },
      {
        name: 'csv',
        value: 'FIGURE',
        example: 'volume',
        help: `One figure as CSV on stdout. FIGURE is one of: ${list(CSV_FIGURES)}.`,
      },
    ],
    takesArguments: false,
  },
  {
    name: 'digest',
    summary:
      'Print the Brief: what waits on you and on them, who went quiet, your reply time, unread newsletters.',
    usage: [
      'digest [--account ADDRESS|ID|all] [--format text|html|json] [--out FILE] [--tz ZONE] [--as-of ISO-TIME] [--anchor ANCHOR]',
    ],
    details: [
      'Text and JSON print to the terminal; html is written to one self-contained page, 360brief-<account>-<date>.html in this folder unless --out names another file. Printing or writing it counts as a brief delivered: the next one says what is new since.',
    ],
    flags: [
      WHOSE,
      {
        name: 'format',
        value: 'FORMAT',
        example: 'html',
        help: `${list(DIGEST_FORMATS)}. Default: text.`,
      },
      {
        name: 'out',
        value: 'FILE',
        example: 'brief.html',
        help: 'Where to write it; - prints it. Default: html to 360brief-<account>-<date>.html here, the others printed.',
      },
      TIME_ZONE,
      AS_OF,
      { ...ANCHOR, help: `${ANCHOR.help} Default: auto.` },
    ],
    takesArguments: false,
  },
  {
    name: 'accounts',
    summary: 'List accounts; add or remove your other addresses; forget an account.',
    usage: [
      'accounts [list]',
      'accounts alias-add ACCOUNT ADDRESS',
      'accounts alias-remove ACCOUNT ADDRESS',
      'accounts aliases ACCOUNT',
      'accounts forget ACCOUNT [--yes]',
    ],
    details: [
      'ACCOUNT is an address or an id as `brief accounts` lists them. `aliases` suggests addresses your sent mail comes from that are not yet yours. `forget` removes the account with its mail, jobs and figures from this device; it asks first.',
    ],
    flags: [{ name: 'yes', help: 'Forget without asking (for scripts).' }],
    takesArguments: true,
  },
  {
    name: 'jobs',
    summary: 'List jobs; retry, cancel, pause or resume one.',
    usage: ['jobs [list] [--status STATUS] [--type TYPE]', 'jobs retry|cancel|pause|resume JOB_ID'],
    details: [
      'JOB_ID is the number `brief jobs` prints first on each line. retry and resume run the job to its end.',
    ],
    flags: [
      {
        name: 'status',
        value: 'STATUS',
        example: 'failed',
        help: `Only jobs in this state: ${list(JOB_STATUSES)}.`,
      },
      {
        name: 'type',
        value: 'TYPE',
        example: 'import_mail',
        help: `Only jobs of this type: ${list(JOB_TYPES)}.`,
      },
    ],
    takesArguments: true,
  },
  {
    name: 'demo',
    summary: 'Create the demo account from a generated mailbox and print its report.',
    usage: ['demo [--messages N] [--seed S]'],
    flags: [
      {
        name: 'messages',
        value: 'N',
        example: '20000',
        help: 'How many messages, from 100 to 1,000,000. Default: 20,000.',
      },
      {
        name: 'seed',
        value: 'S',
        example: '7',
        help: 'The generator seed, a whole number from 0 to 2147483648.',
      },
    ],
    takesArguments: false,
  },
  {
    name: 'connect',
    summary: 'Connect a Gmail account: sign in with Google in your browser, then fetch your mail.',
    usage: ['connect [--endpoint URL] [--client-id ID --client-secret SECRET] [--no-sync]'],
    details: [
      'Asks Google only for read-only metadata (headers and labels). The refresh token is kept beside the database, readable only by you; the mail is fetched newest first.',
    ],
    flags: [
      ENDPOINT,
      CLIENT_ID,
      CLIENT_SECRET,
      { name: 'no-sync', help: 'Connect only; the first sync waits for `brief sync` or the app.' },
    ],
    takesArguments: false,
  },
  {
    name: 'sync',
    summary: 'Bring connected Gmail accounts up to date.',
    usage: ['sync [--account ADDRESS|ID] [--endpoint URL]'],
    flags: [
      {
        name: 'account',
        value: 'ADDRESS|ID',
        example: 'you@gmail.com',
        help: 'Only this Gmail account. Default: every connected one.',
      },
      ENDPOINT,
    ],
    takesArguments: false,
  },
  {
    name: 'serve',
    summary: 'Serve the dashboard to a browser on 127.0.0.1 (prints the URL with its token).',
    usage: ['serve [--port N] [--endpoint URL] [--client-id ID --client-secret SECRET]'],
    details: [
      'Runs until Ctrl+C. The first stdout line is JSON with the URL and the tokens; the dashboard answers only that address.',
    ],
    flags: [
      {
        name: 'port',
        value: 'N',
        example: '8080',
        help: 'The port, from 0 to 65535. Default (or 0): any free port.',
      },
      ENDPOINT,
      CLIENT_ID,
      CLIENT_SECRET,
    ],
    takesArguments: false,
  },
  {
    name: 'help',
    arguments: '[command]',
    summary: "This help, or a command's.",
    usage: ['help [COMMAND]'],
    flags: [],
    takesArguments: true,
  },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((spec) => spec.name === name);
}

/** The flags a command accepts: its own, then those of every command. */
export function flagsOf(spec: CommandSpec): readonly FlagSpec[] {
  return [...spec.flags, ...GLOBAL_FLAGS];
}
