/**
 * Command-line parsing for the development tools, `npm run bench` and `npm run emulator`, so both
 * answer alike: `--help` prints the usage on stdout and exits 0; a wrong option is one sentence on
 * stderr, with the nearest option when there is one, and exit 2 (as `brief` does).
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { nearest } from '../electron/cli/suggest.ts';

export interface Tool {
  /** The npm script, such as "bench": messages start with it and point to `npm run <name> -- --help`. */
  name: string;
  usage: string;
}

/** The sentence for what parseArgs refused, in terms of what was typed. */
export function toolArgumentError(tool: Tool, options: ParseArgsOptionsConfig, error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const hint = `Run \`npm run ${tool.name} -- --help\` for the options.`;
  const typed = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearest(typed.replace(/^-+/, ''), Object.keys(options));
    return `${tool.name}: unknown option ${typed}${near ? `: did you mean --${near}?` : '.'} ${hint}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `${tool.name}: ${typed} ${message.includes('argument missing') ? 'needs a value' : 'takes no value'}. ${hint}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `${tool.name} takes only options (got "${/'([^']*)'/.exec(message)?.[1] ?? ''}"). ${hint}`;
  return `${tool.name}: ${message} ${hint}`;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The options' values; prints the usage and exits 0 on --help, or the refusal and exits 2. */
export function parseToolArguments<O extends ParseArgsOptionsConfig>(
  tool: Tool,
  options: O,
  args: string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<{ options: O }>>['values'] {
  const all = { ...options, ...HELP };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof all }>>;
  try {
    parsed = parseArgs({ args, options: all });
  } catch (error) {
    process.stderr.write(`${toolArgumentError(tool, all, error)}\n`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(tool.usage);
    process.exit(0);
  }
  return parsed.values as ReturnType<typeof parseArgs<{ options: O }>>['values'];
}
