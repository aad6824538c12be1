/** The help `brief --help` and `brief <command> --help` print, made from command-specs.ts. */
import { COMMAND_SPECS, type CommandSpec, type FlagSpec, flagsOf, GLOBAL_FLAGS } from './command-specs.ts';

const WIDTH = 100;

/**
 * Words filled into lines of at most WIDTH characters; every line but the first indented by
 * `indent` (the first starts `firstLineUsed` characters in). A usage line keeps each [bracketed
 * group] whole.
 */
function wrap(text: string, indent: number, firstLineUsed = indent): string[] {
  const lines: string[] = [];
  let line = '';
  let room = WIDTH - firstLineUsed;
  for (const word of text.match(/\[[^\]]*\]|\S+/g) ?? []) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
      room = WIDTH - indent;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : `${' '.repeat(indent)}${text}`));
}

/** Two columns: a term and its text, the texts aligned and wrapped; a long term gets a line of its own. */
function table(rows: Array<[string, string]>): string[] {
  const column = Math.min(30, Math.max(...rows.map(([term]) => term.length)) + 4);
  return rows.flatMap(([term, text]) => {
    const head = `  ${term}`;
    const [first = '', ...rest] = wrap(text, column);
    if (head.length + 2 > column) return [head, `${' '.repeat(column)}${first}`, ...rest];
    return [`${head.padEnd(column)}${first}`, ...rest];
  });
}

function flagTerm(flag: FlagSpec): string {
  const name = flag.name === 'help' ? '-h, --help' : `--${flag.name}`;
  return flag.value ? `${name} ${flag.value}` : name;
}

const EXIT_CODES = [
  'Exit codes: 0 done; 1 the command failed (the message says why); 2 the command line is wrong',
  '(an unknown command or option, or a value that cannot be used). A failure is one sentence on',
  'stderr; with --json it is one line of JSON on stderr, {"error":{"code":…,"message":…}}.',
];

export function generalHelp(): string {
  const commands = COMMAND_SPECS.map((spec): [string, string] => [
    spec.arguments ? `${spec.name} ${spec.arguments}` : spec.name,
    spec.summary,
  ]);
  return [
    "brief: 360Brief from the terminal, your mail's analytics computed on this device.",
    '',
    'Usage: brief <command> [options]',
    '',
    'Commands',
    ...table(commands),
    '',
    "Run `brief <command> --help` (or `brief help <command>`) for a command's options.",
    '',
    'Options of every command',
    ...table(GLOBAL_FLAGS.map((flag) => [flagTerm(flag), flag.help])),
    '',
    ...EXIT_CODES,
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  return [
    ...wrap(`brief ${spec.name}: ${spec.summary}`, 0),
    '',
    'Usage',
    ...spec.usage.flatMap((line) =>
      wrap(`brief ${line}`, spec.name.length + 9, 2).map((text, index) => (index === 0 ? `  ${text}` : text)),
    ),
    ...(spec.details ?? []).flatMap((paragraph) => ['', ...wrap(paragraph, 0)]),
    '',
    'Options',
    ...table(flagsOf(spec).map((flag) => [flagTerm(flag), flag.help])),
    '',
    ...EXIT_CODES,
    '',
  ].join('\n');
}
