/**
 * Where column snapshots live and how they are read, written and removed (docs/analytics.md
 * "Column snapshot"). A snapshot sits beside its database, readable by the user alone (0600):
 * `<database>-columns-<account ids>`. It is a cache of the user's mail, so it goes with the
 * account (accounts.forget) and is never trusted unless its stamp and checksum match.
 *
 * Two processes may share a store: a snapshot is written under a private temporary name
 * (exclusive create) and renamed over the old one, so a reader sees a whole old file or a whole
 * new one, never a mix; the checksum catches a file torn by a crash.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../../db/logger.ts';
import { isRunning } from '../../process-alive.ts';

const INFIX = '-columns-';
const TEMPORARY = '.partial-';

/** The snapshot of these accounts' messages beside the database; null for a database with no file. */
export function snapshotPath(databasePath: string, accountIds: readonly number[]): string | null {
  if (databasePath === '' || databasePath === ':memory:' || databasePath.startsWith('file:')) return null;
  const ids = [...new Set(accountIds)].sort((a, b) => a - b);
  return `${databasePath}${INFIX}${ids.join('-')}`;
}

/**
 * Which store file the snapshot belongs to: a database set aside and created again starts its
 * accounts and data versions over, so the stamp names the file as well (device and inode).
 */
export function storeIdentity(databasePath: string): string {
  const stats = statSync(databasePath);
  return `${stats.dev}:${stats.ino}`;
}

/** The snapshot's bytes, or null when there is none (or it cannot be read: then it is rebuilt). */
export function readSnapshot(path: string, logger: Logger): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      logger.warn('could not read the analytics column snapshot; reading the database instead', {
        path,
        error,
      });
    return null;
  }
}

/**
 * Writes the snapshot's bytes in place of the old ones: exclusive create of a private temporary
 * file, rename (no fsync: a file torn by a crash fails its checksum and is rebuilt). A failure (disk full, a read-only folder) only costs the next cold start
 * the database read, so it is logged and the temporary file removed.
 */
export function writeSnapshot(path: string, bytes: Uint8Array, logger: Logger): boolean {
  removeStalePartials(path);
  const temporary = `${path}${TEMPORARY}${process.pid}-${randomUUID()}`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      for (let written = 0; written < bytes.length; )
        written += writeSync(fd, bytes, written, bytes.length - written);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    return true;
  } catch (error) {
    rmSync(temporary, { force: true });
    logger.warn('could not write the analytics column snapshot; the next cold start reads the database', {
      path,
      error,
    });
    return false;
  }
}

/** Removes the temporary files of this snapshot left by processes that died while writing them. */
function removeStalePartials(path: string): void {
  const prefix = `${basename(path)}${TEMPORARY}`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dirname(path), name), { force: true });
  }
}

/**
 * Removes every snapshot (and temporary one) beside the database whose accounts include
 * `accountId`: the account's mail leaves the device with the account.
 */
export function removeSnapshots(databasePath: string, accountId: number): number {
  const folder = dirname(databasePath);
  const prefix = `${basename(databasePath)}${INFIX}`;
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const ids = name.slice(prefix.length).split(TEMPORARY)[0]!.split('-').map(Number);
    if (!ids.includes(accountId)) continue;
    rmSync(join(folder, name), { force: true });
    removed += 1;
  }
  return removed;
}
