/**
 * A second connection to a database the engine has already opened and migrated, for reading
 * only: the analytics worker reads through it while the engine's thread writes (WAL lets a
 * reader keep its snapshot while a writer commits). It never creates, migrates or writes.
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { type Logger, silentLogger } from './logger.ts';
import { translateStorageError } from './storage-errors.ts';
import { Store } from './store.ts';
import { SLOW_QUERY_MS } from './timed-statement.ts';

export function openReader(path: string, options: { logger?: Logger; clock?: () => number } = {}): Store {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // As the engine's connection: a whole-table scan keeps its pages instead of re-reading them.
    db.pragma('cache_size = -65536');
  } catch (error) {
    db?.close();
    throw translateStorageError(error, path);
  }
  const logger = options.logger ?? silentLogger;
  return new Store(db, path, options.clock ?? Date.now, {
    logger,
    timer: () => performance.now(),
    slowQueryMs: SLOW_QUERY_MS,
    path,
  });
}
