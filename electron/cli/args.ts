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
                           --tz ZONE (default: this computer's), --as-of ISO-TIME, --json, --csv FIGURE.
  accounts                 List accounts. Subcommands: alias-add ACCOUNT ADDRESS,
                           alias-remove ACCOUNT ADDRESS, aliases ACCOUNT (suggestions), forget ACCOUNT.
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
  tz: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'string' },
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
    tz?: string;
    'as-of'?: string;
    json?: boolean;
    csv?: string;
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

export function parseIntegerOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new BriefError(
      'VALIDATION',
      `--${name} must be a whole number from ${min} to ${max} (got "${value}").`,
    );
  }
  return number;
}
