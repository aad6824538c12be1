import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
import { type Logger, silentLogger } from './logger.ts';
import { makeFolder } from './make-folder.ts';
import { migrate } from './migrate.ts';
import { latestVersion, loadMigrations, type Migration } from './migrations.ts';
import {
  APPLICATION_ID,
  claimDatabase,
  inspectPath,
  NotOurDatabase,
  unreadableNotOurs,
} from './ownership.ts';
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
  /** Refuse (NOT_FOUND) instead of creating a database: for commands that only read. */
  mustExist?: boolean;
  /**
   * The path is the app's own database in its own data folder (`paths.ts`), not one a person named
   * with --db or BRIEF_DB: whatever is there is 360Brief's, so a file there that cannot be read as
   * a 360Brief database (its header overwritten, say) is damage, CORRUPT_STORE, not someone else's.
   */
  appOwnsPath?: boolean;
}

function corrupt(path: string, detail: string, cause?: unknown): BriefError {
  return new BriefError(
    'CORRUPT_STORE',
    `The 360Brief database at ${path} is damaged (${detail}). Move the file aside and start 360Brief again; your mail will be synced again.`,
    { cause },
  );
}

/**
 * Creates the new database file readable by the user alone (0600; SQLite gives its `-wal` and
 * `-shm` the same mode), and its folder, when 360Brief creates it, 0700. Another process creating
 * it at the same instant is fine: both then open the same new file.
 */
function createPrivately(path: string): void {
  makeFolder(dirname(path), 0o700);
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** A database of ours made by an earlier version may be readable by others: tighten it to 0600. */
function tightenModes(path: string, logger: Logger): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    } catch (error) {
      logger.warn('could not make the database private', { file, error });
    }
  }
}

/**
 * Opens (creating if needed) the database, migrates it to the latest schema and returns the store.
 * Refuses, untouched, whatever is not a 360Brief database (see ownership.ts), except at the app's
 * own path (`appOwnsPath`), where it is damage (CORRUPT_STORE, which recover.ts sets aside); with
 * `mustExist`, a path with no database yet is NOT_FOUND instead of a new database.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Store {
  try {
    return openOwnedOrRefuse(path, options);
  } catch (error) {
    if (options.appOwnsPath && error instanceof NotOurDatabase)
      throw corrupt(path, `${error.what}, where 360Brief keeps its own database`, error);
    throw error;
  }
}

function openOwnedOrRefuse(path: string, options: OpenOptions): Store {
  const logger = options.logger ?? silentLogger;
  const migrations = options.migrations ?? loadMigrations();
  const state = inspectPath(path, latestVersion(migrations));
  if (state.kind === 'new') {
    if (options.mustExist) {
      throw new BriefError(
        'NOT_FOUND',
        `There is no 360Brief database at ${path} yet: run \`brief demo\`, \`brief import <path> --account you@example.com\` or \`brief connect\` first.`,
      );
    }
    createPrivately(path);
  }
  const oursByHeader = state.kind === 'sqlite' && state.oursByHeader;
  // Damage is only ours to handle (set aside) in a file that says it is ours.
  const damaged = (detail: string, cause?: unknown) =>
    oursByHeader ? corrupt(path, detail, cause) : unreadableNotOurs(path, detail);
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // Reading the schema first finds a damaged first page before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const claim = claimDatabase(db, path);
    if (claim !== 'ours') db.pragma(`application_id = ${APPLICATION_ID}`);
    if (claim !== 'empty') tightenModes(path, logger);
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
      if (result !== 'ok') throw damaged(String(result));
    }
  } catch (error) {
    db?.close();
    if (error instanceof BriefError) throw error;
    const translated = translateStorageError(error, path);
    if (translated instanceof BriefError && translated.code === 'CORRUPT_STORE')
      throw damaged((error as Error).message, error);
    if (translated instanceof BriefError) throw translated;
    logger.error('database open failed', { path, error: String(error) });
    throw new BriefError(
      'INTERNAL',
      `360Brief could not prepare its database at ${path}. Restart 360Brief; if it keeps happening, send us the files in the logs folder beside it.`,
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
