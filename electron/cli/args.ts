/**
 * Command-line parsing for `brief`: the command first, then exactly that command's flags
 * (command-specs.ts). Every refusal is a sentence about what was typed, with the nearest flag or
 * command when there is one ("did you mean --json?").
 */
import { BriefError } from '../../shared/errors.ts';
import type { Engine } from '../engine/index.ts';
import { COMMAND_SPECS, type CommandSpec, commandSpec, type FlagSpec, flagsOf } from './command-specs.ts';
import { nearest } from './suggest.ts';

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
    endpoint?: string;
    'client-id'?: string;
    'client-secret'?: string;
    'no-sync'?: boolean;
    yes?: boolean;
    help?: boolean;
  };
}

/**
 * A command checks its whole command line first and only then runs, on the opened engine: a
 * mistake on the command line never opens (or creates) the database.
 */
export type Command = (parsed: ParsedCommand) => (engine: Engine) => Promise<number>;

type Values = Record<string, string | string[] | boolean>;

/** What brief takes where no command was named: only the flags of every command. */
const NO_COMMAND: CommandSpec = {
  name: '',
  summary: '',
  usage: [],
  flags: [],
  takesArguments: true,
};

/** Every flag of every command, to know while looking for the command which words are flag values. */
const ANY_FLAG = new Map(COMMAND_SPECS.flatMap(flagsOf).map((flag) => [flag.name, flag]));

/** A word that is a flag, not a value: "-1" or "-" are values. */
function isFlagLike(word: string): boolean {
  return word.startsWith('-') && word !== '-' && !/^-\d/.test(word);
}

function endOfFlags(argv: string[]): number {
  const end = argv.indexOf('--');
  return end < 0 ? argv.length : end;
}

/** The first word that is neither a flag nor a flag's value. */
function findCommand(argv: string[]): string | null {
  const end = endOfFlags(argv);
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!;
    if (index >= end) return argv[index + 1] ?? null;
    if (!isFlagLike(word)) return word;
    if (word.startsWith('--') && !word.includes('=') && ANY_FLAG.get(word.slice(2))?.value) index += 1;
  }
  return null;
}

const where = (spec: CommandSpec) => (spec.name ? `brief ${spec.name}` : 'brief');
const helpHint = (spec: CommandSpec) =>
  spec.name ? `Run \`brief ${spec.name} --help\` for its options.` : 'Run `brief --help` for the commands.';

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

export function unknownCommand(command: string): BriefError {
  const near = nearest(
    command,
    COMMAND_SPECS.map((spec) => spec.name),
  );
  return new BriefError(
    'VALIDATION',
    `Unknown command "${command}"${near ? `: did you mean \`brief ${near}\`?` : '.'} Run \`brief --help\` for the commands.`,
  );
}

function unknownFlag(typed: string, spec: CommandSpec): BriefError {
  const name = typed.replace(/^-+/, '').replace(/=.*$/, '');
  const owners = COMMAND_SPECS.filter((other) => other.flags.some((flag) => flag.name === name));
  if (typed.startsWith('--') && owners.length > 0)
    return new BriefError(
      'VALIDATION',
      `--${name} is an option of ${orList(owners.map(where))}, not of ${where(spec)}. ${helpHint(spec)}`,
    );
  const near = nearest(
    name,
    flagsOf(spec).map((flag) => flag.name),
  );
  const shown = typed.replace(/=.*$/, '');
  return new BriefError(
    'VALIDATION',
    `Unknown option ${shown} for ${where(spec)}${near ? `: did you mean --${near}?` : '.'} ${helpHint(spec)}`,
  );
}

function missingValue(flag: FlagSpec): BriefError {
  return new BriefError(
    'VALIDATION',
    `--${flag.name} needs a value, such as --${flag.name} ${flag.example}.`,
  );
}

function strayArgument(word: string, spec: CommandSpec): BriefError {
  const near = nearest(
    word,
    spec.flags.map((flag) => flag.name),
  );
  return new BriefError(
    'VALIDATION',
    `${where(spec)} takes no arguments, only options (got "${word}")${near ? `: did you mean --${near}?` : '.'} ${helpHint(spec)}`,
  );
}

/** Reads the flags of one command; the first word that is not a flag is the command itself. */
function readFlags(argv: string[], spec: CommandSpec): { values: Values; words: string[] } {
  const accepted = new Map(flagsOf(spec).map((flag) => [flag.name, flag]));
  const values: Values = {};
  const words: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!;
    if (word === '--') {
      words.push(...argv.slice(index + 1));
      break;
    }
    if (!isFlagLike(word)) {
      words.push(word);
      continue;
    }
    if (word === '-h') {
      values.help = true;
      continue;
    }
    const equals = word.indexOf('=');
    const flag = word.startsWith('--')
      ? accepted.get(word.slice(2, equals < 0 ? undefined : equals))
      : undefined;
    if (!flag) throw unknownFlag(word, spec);
    const inline = equals < 0 ? undefined : word.slice(equals + 1);
    if (!flag.value) {
      if (inline !== undefined)
        throw new BriefError(
          'VALIDATION',
          `--${flag.name} takes no value (got "${word}"): write just --${flag.name}.`,
        );
      values[flag.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[index + 1];
      if (next === undefined || isFlagLike(next)) throw missingValue(flag);
      value = next;
      index += 1;
    }
    const before = values[flag.name];
    if (flag.repeatable) values[flag.name] = [...((before as string[] | undefined) ?? []), value];
    else if (before !== undefined && before !== value)
      throw new BriefError(
        'VALIDATION',
        `--${flag.name} was given twice ("${before}" and "${value}"); give it once.`,
      );
    else values[flag.name] = value;
  }
  return { values, words };
}

/**
 * The command, its words and its flags. `--help` (or `-h`) anywhere before `--` asks for help and
 * nothing else is checked, so a half-typed command line still gets its help.
 */
export function parseCommandLine(argv: string[]): ParsedCommand {
  const command = findCommand(argv);
  const spec = command === null ? NO_COMMAND : commandSpec(command);
  if (!spec) throw unknownCommand(command!);
  const flags = argv.slice(0, endOfFlags(argv));
  if (flags.includes('--help') || flags.includes('-h'))
    return { command, positionals: [], values: { help: true } };
  const { values, words } = readFlags(argv, spec);
  const positionals = words.slice(1);
  if (!spec.takesArguments && positionals.length > 0) throw strayArgument(positionals[0]!, spec);
  return { command, positionals, values: values as ParsedCommand['values'] };
}

/** Whether the command line asks for JSON, so that a failure is printed as JSON too. */
export function wantsJson(argv: string[]): boolean {
  return argv.slice(0, endOfFlags(argv)).includes('--json');
}
