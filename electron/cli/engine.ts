/** The CLI's engine: in-process, on the app's database by default, logging to the data folder. */
import { dirname, join } from 'node:path';
import { createFileLogger, defaultDatabasePath, Engine } from '../engine/index.ts';

export function openCliEngine(databaseOption: string | undefined): Engine {
  const databasePath = databaseOption ?? defaultDatabasePath();
  const logger = createFileLogger({ path: join(dirname(databasePath), 'logs', 'cli.log') });
  return Engine.open({ databasePath, logger, mode: 'in-process' });
}
