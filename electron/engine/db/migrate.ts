import type BetterSqlite3 from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
import type { Logger } from './logger.ts';
import { latestVersion, type Migration } from './migrations.ts';

export function readUserVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function futureDatabaseError(path: string, version: number, known: number): BriefError {
  return new BriefError(
    'UNSUPPORTED_INPUT',
    `The database at ${path} was written by a newer 360Brief (schema ${version}; this version knows ${known}). Update 360Brief, or choose another database file.`,
  );
}

/**
 * Brings the schema to the latest version: every pending migration in one immediate transaction,
 * so a failure leaves the previous version intact and two processes cannot migrate at once.
 * Returns the versions applied.
 */
export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[],
  path: string,
  logger: Logger,
): number[] {
  const latest = latestVersion(migrations);
  const apply = db.transaction(() => {
    const current = readUserVersion(db);
    if (current > latest) throw futureDatabaseError(path, current, latest);
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) db.exec(migration.sql);
    if (pending.length > 0) db.pragma(`user_version = ${latest}`);
    return pending.map((migration) => migration.version);
  });
  const applied = apply.immediate();
  if (applied.length > 0) logger.info('database migrated', { path, applied, version: latest });
  return applied;
}
