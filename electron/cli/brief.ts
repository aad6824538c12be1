/**
 * `brief`: everything the app does, from a terminal. The engine runs in-process on the same
 * database as the app (unless --db says otherwise); every command answers exit code 0 on success
 * and a sentence a person can act on otherwise.
 */
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { HELP, parseCommandLine } from './args.ts';
import { accountsCommand, demoCommand, importCommand, jobsCommand, reportCommand } from './commands.ts';
import { openCliEngine } from './engine.ts';
import { serveCommand } from './serve.ts';

export async function main(argv: string[]): Promise<number> {
  let engine: Awaited<ReturnType<typeof openCliEngine>> | null = null;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.values.help || parsed.command === null || parsed.command === 'help') {
      process.stdout.write(HELP);
      return parsed.command === null && !parsed.values.help ? 1 : 0;
    }
    engine = openCliEngine(parsed.values.db);
    switch (parsed.command) {
      case 'import':
        return await importCommand(engine, parsed);
      case 'report':
        return await reportCommand(engine, parsed);
      case 'accounts':
        return await accountsCommand(engine, parsed);
      case 'jobs':
        return await jobsCommand(engine, parsed);
      case 'demo':
        return await demoCommand(engine, parsed);
      case 'serve': {
        const running = engine;
        engine = null; // serve owns the engine until the process is stopped
        return await serveCommand(running, parsed);
      }
      default:
        throw new BriefError(
          'VALIDATION',
          `Unknown command "${parsed.command}". Run \`brief --help\` for the commands.`,
        );
    }
  } catch (error) {
    const { code, message } = toSerializedError(error);
    process.stderr.write(`brief: ${message}${code === 'INTERNAL' ? '' : ` (${code})`}\n`);
    if (code === 'INTERNAL' && process.env.BRIEF_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return code === 'VALIDATION' ? 2 : 1;
  } finally {
    await engine?.close();
  }
}
