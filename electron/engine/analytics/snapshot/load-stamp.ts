import type { AnalyticsReads, ChangeMarks } from '../../cache/analytics-reads.ts';
import { storeIdentity } from './file.ts';

/**
 * What a loaded set of columns is of (docs/analytics.md "Incremental load"): which store file and
 * accounts, how far into the change log (migrations/006) its rows were read, and up to which row
 * id the log follows them. A later load starts from these columns when the identity still holds.
 */
export interface LoadStamp {
  /** The store file (device and inode: a database set aside and created again starts over) and the accounts. */
  identity: string;
  /** The change log's last seq when the rows were read: changes after it are still to apply. */
  seq: number;
  /** Rows up to this id are followed by the log; every row above it is read again. */
  covered: number;
}

/** The identity of these accounts in this store now; null when one of them is gone. */
export function identityOf(databasePath: string | null, reads: AnalyticsReads): string | null {
  const accounts = reads.accountsIdentity();
  if (accounts === null) return null;
  return `${databasePath === null ? 'memory' : storeIdentity(databasePath)} ${accounts}`;
}

/** The stamp of columns read now, in the same read transaction as the rows, whose last (largest) row id is `lastRowId`. */
export function stampOf(identity: string, marks: ChangeMarks, lastRowId: number): LoadStamp {
  // Rows above the watermark may change without a log entry: the next load reads them again.
  return { identity, seq: marks.seq, covered: Math.min(lastRowId, marks.watermark) };
}

/** A stamp as a snapshot keeps it. */
export function stampText(stamp: LoadStamp): string {
  return JSON.stringify([stamp.identity, stamp.seq, stamp.covered]);
}

/** A snapshot's stamp text read back; null when it is not one (an older layout's, damage). */
export function parseStamp(text: string): LoadStamp | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [identity, seq, covered] = value as unknown[];
    if (typeof identity !== 'string' || !Number.isSafeInteger(seq) || !Number.isSafeInteger(covered))
      return null;
    return { identity, seq: seq as number, covered: covered as number };
  } catch {
    return null;
  }
}
