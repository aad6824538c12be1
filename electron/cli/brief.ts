/**
 * `brief`: everything the app does, from a terminal. The engine runs in-process on the same
 * database as the app (unless --db says otherwise); every command answers exit code 0 on success
 * and a sentence a person can act on otherwise.
 */
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { type Engine, FileVault } from '../engine/index.ts';
import { HELP, type ParsedCommand, parseCommandLine } from './args.ts';
import { accountsCommand, demoCommand, importCommand, jobsCommand, reportCommand } from './commands.ts';
import { digestCommand } from './digest-command.ts';
import { cliDatabasePath, openCliEngine, readsOnly } from './engine.ts';
import { connectCommand, syncCommand } from './gmail-commands.ts';
import { vaultPath } from './google-config.ts';
import { serveCommand } from './serve.ts';

type Command = (engine: Engine, parsed: ParsedCommand) => Promise<number>;

/** Commands that finish; the engine is closed after each. */
const COMMANDS: Record<string, Command> = {
  import: importCommand,
  report: reportCommand,
  digest: digestCommand,
  accounts: accountsCommand,
  jobs: jobsCommand,
  demo: demoCommand,
  connect: connectCommand,
  sync: syncCommand,
};

/** A damaged database was set aside at start: say so, and queue a full sync of every connected Gmail account. */
async function rebuildAfterDamage(engine: Engine, databaseOption: string | undefined): Promise<void> {
  const recovery = engine.services.recovery;
  if (!recovery) return;
  process.stderr.write(
    `brief: the database was damaged (${recovery.reason}). It was set aside at ${recovery.setAsidePath} and a new one started; connected Gmail accounts sync again, imported mail needs importing again.\n`,
  );
  for (const address of new FileVault(vaultPath(cliDatabasePath(databaseOption))).addresses()) {
    await engine.call('accounts.registerGmail', { address });
  }
}

export async function main(argv: string[]): Promise<number> {
  let engine: Engine | null = null;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.values.help || parsed.command === null || parsed.command === 'help') {
      process.stdout.write(HELP);
      return parsed.command === null && !parsed.values.help ? 1 : 0;
    }
    const command = Object.hasOwn(COMMANDS, parsed.command) ? COMMANDS[parsed.command] : undefined;
    // An unknown command is refused before the database is opened (or created).
    if (!command && parsed.command !== 'serve') {
      throw new BriefError(
        'VALIDATION',
        `Unknown command "${parsed.command}". Run \`brief --help\` for the commands.`,
      );
    }
    engine = openCliEngine(parsed.values.db, parsed.values.endpoint, { mustExist: readsOnly(parsed) });
    await rebuildAfterDamage(engine, parsed.values.db);
    if (command) return await command(engine, parsed);
    const running = engine;
    engine = null; // serve owns the engine until the process is stopped
    return await serveCommand(running, parsed);
  } catch (error) {
    const { code, message } = toSerializedError(error);
    process.stderr.write(`brief: ${message}${code === 'INTERNAL' ? '' : ` (${code})`}\n`);
    if (code === 'INTERNAL' && process.env.BRIEF_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return code === 'VALIDATION' ? 2 : 1;
  } finally {
    await engine?.close();
  }
}
