/**
 * How 360Brief knows a file is its own database, so that `--db notes.txt` or another program's
 * SQLite file is refused untouched, and only the app's own database, found damaged, is ever set
 * aside. A file is 360Brief's when:
 *
 * - it starts with the SQLite header and its `application_id` (header offset 68) is 360Brief's,
 *   `0x33363042` ("360B"), which every database gets when 360Brief creates or first opens it; or
 * - (a database from before the application id) its `application_id` is 0, its `user_version` is a
 *   schema version this code knows, and SQLite reads in it the tables `accounts`,
 *   `analytics_jobs` and `message_cache`; it gets the application id when opened.
 *
 * A path with nothing there, an empty file, or a SQLite database with no table and no version at
 * all (another 360Brief process is creating it this instant) is a new database. Anything else is
 * refused, by the header alone before SQLite opens it when the header already tells.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
import { futureDatabaseError } from './migrate.ts';

export const APPLICATION_ID = 0x33363042;
const OUR_TABLES = ['accounts', 'analytics_jobs', 'message_cache'] as const;
const SQLITE_MAGIC = 'SQLite format 3\0';
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;

/** What the path holds, from its bytes alone: nothing yet, or a SQLite file (ours by its header?). */
export type PathState = { kind: 'new' } | { kind: 'sqlite'; oursByHeader: boolean };

/**
 * The path holds a file nothing says is 360Brief's. Refused untouched, unless the path is the
 * app's own database in its own folder: what is there is 360Brief's, so it is damage (open.ts).
 */
export class NotOurDatabase extends BriefError {
  /** What the file is instead, as a phrase. */
  readonly what: string;

  constructor(path: string, what: string) {
    super(
      'UNSUPPORTED_INPUT',
      `${path} is not a 360Brief database (${what}), so 360Brief leaves it as it is. Give --db a new file name, such as brief.db in a folder of your own, or the path of your 360Brief database.`,
    );
    this.what = what;
  }
}

function notOurs(path: string, what: string): NotOurDatabase {
  return new NotOurDatabase(path, what);
}

/** A SQLite file that cannot be read and whose header does not say it is ours: not ours to move. */
export function unreadableNotOurs(path: string, detail: string): NotOurDatabase {
  return notOurs(path, `SQLite cannot read it (${detail}) and nothing in it says it is 360Brief's`);
}

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    return header.subarray(0, readSync(fd, header, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Judges the path without writing a byte (not even a `-wal` beside it): an empty path, a folder
 * or anything but a regular file is refused, and so is a file the header shows is not ours.
 */
export function inspectPath(path: string, knownVersion: number): PathState {
  if (path.trim() === '')
    throw new BriefError(
      'VALIDATION',
      'The database path is empty: give the path of a file, such as brief.db.',
    );
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'new' };
    if (code === 'ENOTDIR')
      throw new BriefError(
        'VALIDATION',
        `${path} cannot be a database: a part of that path is a file, not a folder.`,
      );
    throw error;
  }
  if (stats.isDirectory())
    throw new BriefError(
      'VALIDATION',
      `${path} is a folder; the database is a file in it, such as ${path.replace(/[/\\]+$/, '')}/brief.db.`,
    );
  if (!stats.isFile()) throw notOurs(path, 'it is not a regular file');
  if (stats.size === 0) return { kind: 'new' };
  const header = readHeader(path);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    throw notOurs(path, 'it is not a SQLite database');
  const applicationId = header.readUInt32BE(APPLICATION_ID_OFFSET);
  const version = header.readUInt32BE(USER_VERSION_OFFSET);
  if (applicationId !== 0 && applicationId !== APPLICATION_ID)
    throw notOurs(path, "it is another program's SQLite database");
  if (version > knownVersion) {
    if (applicationId === APPLICATION_ID) throw futureDatabaseError(path, version, knownVersion);
    throw notOurs(path, 'it is a SQLite database of another program');
  }
  return { kind: 'sqlite', oursByHeader: applicationId === APPLICATION_ID };
}

/**
 * Through SQLite (which also reads what is still in the WAL), before anything is written: ours,
 * ours from before the application id (`legacy`), or a new empty database. Refuses the rest.
 */
export function claimDatabase(db: BetterSqlite3.Database, path: string): 'ours' | 'legacy' | 'empty' {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId === APPLICATION_ID) return 'ours';
  if (applicationId !== 0) throw notOurs(path, "it is another program's SQLite database");
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map(
      (row) => row.name,
    ),
  );
  if (version === 0 && tables.size === 0) return 'empty';
  if (version > 0 && OUR_TABLES.every((table) => tables.has(table))) return 'legacy';
  throw notOurs(path, 'it is a SQLite database of another program');
}
