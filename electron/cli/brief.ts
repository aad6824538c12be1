/**
 * `brief`: everything the app does, from a terminal. The engine runs in-process on the same
 * database as the app (unless --db says otherwise). Exit code 0 when the command did what it was
 * asked, 1 when it failed, 2 when the command line is wrong; a failure is one sentence a person can
 * act on (or, with --json, one JSON object), never a stack trace or an internal name.
 */
import { BriefError } from '../../shared/errors.ts';
import { createFileLogger, type Engine, FileVault } from '../engine/index.ts';
import { type Command, type ParsedCommand, parseCommandLine, unknownCommand, wantsJson } from './args.ts';
import { commandSpec } from './command-specs.ts';
import { accountsCommand, jobsCommand } from './commands.ts';
import { digestCommand } from './digest-command.ts';
import { cliDatabasePath, cliLogFolder, openCliEngine, readsOnly } from './engine.ts';
import { describeFailure } from './failure-text.ts';
import { connectCommand, syncCommand } from './gmail-commands.ts';
import { vaultPath } from './google-config.ts';
import { commandHelp, generalHelp } from './help.ts';
import { demoCommand, importCommand } from './import-commands.ts';
import { guardPipes, out, printFailure } from './output.ts';
import { reportCommand } from './report-command.ts';
import { serveCommand } from './serve.ts';

/** Every command but help; each checks its command line before the database is opened. */
const COMMANDS: Record<string, Command> = {
  import: importCommand,
  report: reportCommand,
  digest: digestCommand,
  accounts: accountsCommand,
  jobs: jobsCommand,
  demo: demoCommand,
  connect: connectCommand,
  sync: syncCommand,
  serve: serveCommand,
};

/** A damaged database was set aside at start: say so, and queue a full sync of every connected Gmail account. */
async function rebuildAfterDamage(engine: Engine, databaseOption: string | undefined): Promise<void> {
  const recovery = (await engine.call('app.info', {})).storeRecovery;
  if (!recovery) return;
  process.stderr.write(
    `brief: the database was damaged (${recovery.reason}). It was set aside at ${recovery.setAsidePath} and a new one started; connected Gmail accounts sync again, imported mail needs importing again.\n`,
  );
  for (const address of new FileVault(vaultPath(cliDatabasePath(databaseOption))).addresses()) {
    await engine.call('accounts.registerGmail', { address });
  }
}

/** `brief help [command]`, `brief --help`, `brief <command> --help`, and `brief` alone. */
function printHelp(parsed: ParsedCommand): number {
  const named = parsed.command === 'help' ? parsed.positionals : parsed.command ? [parsed.command] : [];
  if (named.length > 1)
    throw new BriefError('VALIDATION', `brief help takes one command (got "${named.join(' ')}").`);
  const name = named[0];
  if (name === undefined) {
    out(generalHelp());
    return 0;
  }
  const spec = commandSpec(name);
  if (!spec) throw unknownCommand(name);
  out(commandHelp(spec));
  return 0;
}

/** Keeps what the person was not told in the CLI's log: the stack of a failure without a known cause. */
async function logFailure(error: unknown, databaseOption: string | undefined): Promise<void> {
  // A log that cannot be written gives up quietly; the sentence on stderr still stands.
  const logger = createFileLogger({ folder: logFolderFor(databaseOption) });
  logger.error('brief failed', { error, stack: error instanceof Error ? error.stack : String(error) });
  await logger.close();
}

/** The log's folder, also when --db itself was the mistake. */
function logFolderFor(databaseOption: string | undefined): string {
  try {
    return cliLogFolder(databaseOption);
  } catch {
    return cliLogFolder(undefined);
  }
}

export async function main(argv: string[]): Promise<number> {
  guardPipes();
  let engine: Engine | null = null;
  let parsed: ParsedCommand | null = null;
  try {
    parsed = parseCommandLine(argv);
    if (parsed.values.help || parsed.command === null || parsed.command === 'help') return printHelp(parsed);
    const run = COMMANDS[parsed.command]!(parsed);
    engine = openCliEngine(parsed.values.db, parsed.values.endpoint, {
      mustExist: readsOnly(parsed),
      analyticsWorker: parsed.command === 'serve',
    });
    await rebuildAfterDamage(engine, parsed.values.db);
    return await run(engine);
  } catch (error) {
    const failure = describeFailure(error, {
      endpoint: parsed?.values.endpoint,
      logFolder: logFolderFor(parsed?.values.db),
    });
    if (failure.code === 'INTERNAL') await logFailure(error, parsed?.values.db);
    printFailure(failure, wantsJson(argv));
    if (failure.code === 'INTERNAL' && process.env.BRIEF_DEBUG)
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return failure.code === 'VALIDATION' ? 2 : 1;
  } finally {
    await engine?.close();
  }
}
