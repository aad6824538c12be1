import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
import { type Logger, silentLogger } from './logger.ts';
import { futureDatabaseError, migrate } from './migrate.ts';
import { latestVersion, loadMigrations, type Migration } from './migrations.ts';
import { translateStorageError } from './storage-errors.ts';
import { Store } from './store.ts';
import { SLOW_QUERY_MS } from './timed-statement.ts';

export interface OpenOptions {
  /** Milliseconds since the epoch; the time every service writes. */
  clock?: () => number;
  logger?: Logger;
  /** The schema steps; by default read from the repository's `migrations/` folder. */
  migrations?: readonly Migration[];
  /** Monotonic milliseconds for the slow-query log. */
  timer?: () => number;
  slowQueryMs?: number;
  /** Also run `PRAGMA quick_check` (reads the whole file: finds damage deep inside, costs time). */
  verify?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Where `PRAGMA user_version` lives in the database header (big-endian 32-bit). */
const USER_VERSION_OFFSET = 60;

function corrupt(path: string, detail: string, cause?: unknown): BriefError {
  return new BriefError(
    'CORRUPT_STORE',
    `The 360Brief database at ${path} is damaged (${detail}). Move the file aside and start 360Brief again; your mail will be synced again.`,
    { cause },
  );
}

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    const length = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Looks at an existing file without writing a byte (not even a `-wal` beside it): it must start
 * with the SQLite header, and the schema version in that header must be one this code knows.
 * Refusing here, before any connection, keeps a newer app's file intact.
 */
function inspectExisting(path: string, known: number): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const header = readHeader(path);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw corrupt(path, 'it is not a SQLite database');
  }
  const version = header.readUInt32BE(USER_VERSION_OFFSET);
  if (version > known) throw futureDatabaseError(path, version, known);
}

/** Opens (creating if needed) the database, migrates it to the latest schema and returns the store. */
export function openDatabase(path: string, options: OpenOptions = {}): Store {
  const logger = options.logger ?? silentLogger;
  const migrations = options.migrations ?? loadMigrations();
  mkdirSync(dirname(path), { recursive: true });
  inspectExisting(path, latestVersion(migrations));
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // Reading the schema first finds a damaged first page before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Imports and syncs write into several indexes keyed by random ids; a 64 MB page cache keeps
    // them in memory instead of re-reading pages (SQLite's default is 2 MB).
    db.pragma('cache_size = -65536');
    migrate(db, migrations, path, logger);
    if (options.verify) {
      const result = db.pragma('quick_check(1)', { simple: true });
      if (result !== 'ok') throw corrupt(path, String(result));
    }
  } catch (error) {
    db?.close();
    if (error instanceof BriefError) throw error;
    const translated = translateStorageError(error, path);
    if (translated instanceof BriefError) throw translated;
    logger.error('database open failed', { path, error: String(error) });
    throw new BriefError(
      'INTERNAL',
      `360Brief could not prepare its database at ${path}. Restart 360Brief; if it keeps happening, export diagnostics from Settings and send them to us.`,
      { cause: error },
    );
  }
  return new Store(db, path, options.clock ?? Date.now, {
    logger,
    timer: options.timer ?? (() => performance.now()),
    slowQueryMs: options.slowQueryMs ?? SLOW_QUERY_MS,
    path,
  });
}
