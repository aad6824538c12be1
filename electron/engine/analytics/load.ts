import { BriefError } from '../../../shared/errors.ts';
import { AnalyticsReads, type EagerRow } from '../cache/analytics-reads.ts';
import type { Store } from '../db/store.ts';
import { lazyList } from './lazy-list.ts';
import { emptyColumns, registerColumns, resizedColumns } from './message-columns.ts';
import { RareFactsLoader } from './rare-facts.ts';
import { RowTextsReader } from './row-texts.ts';
import { ColumnSnapshot } from './snapshot/column-snapshot.ts';
import { StoredMessage, type StoredSet } from './stored-message.ts';
import type { AnalyticsMessage, ReportAccount } from './types.ts';

/** Rows read per query: few enough that each batch dies young instead of being promoted whole. */
const BATCH_ROWS = 4096;

/** Writes one row at position i of the set's columns (growing them when full). */
function append(set: StoredSet, i: number, row: EagerRow): void {
  if (i === set.columns.rowId.length) set.columns = resizedColumns(set.columns, i, i * 2);
  const columns = set.columns;
  const { texts, lists } = columns;
  columns.rowId[i] = row[0];
  columns.accountId[i] = row[1];
  columns.time[i] = row[2] ?? Number.NaN;
  columns.flags[i] = row[3];
  columns.size[i] = row[4];
  columns.sender[i] = texts.id(row[5]);
  columns.to[i] = lists.ofJson(row[6]);
  columns.cc[i] = lists.ofJson(row[7]);
  columns.bcc[i] = lists.ofJson(row[8]);
  columns.labels[i] = lists.ofJson(row[9]);
  columns.threadKey[i] = columns.threadKeys.id(row[10] ?? `r:${row[0]}`);
}

/** The columns of every stored message of the accounts, read from message_cache in one read transaction: how many, and the stamp. */
function readColumns(
  reads: AnalyticsReads,
  set: StoredSet,
  snapshot: ColumnSnapshot | null,
): { count: number; stamp: string | null } {
  return reads.snapshot(() => {
    let count = 0;
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = reads.eagerBatch(after, BATCH_ROWS);
      for (const row of rows) append(set, count++, row);
      if (rows.length < BATCH_ROWS) break;
      after = rows[rows.length - 1]![0];
    }
    return { count, stamp: snapshot?.stamp() ?? null };
  });
}

/**
 * Every stored message of the accounts, in storage order, as the analytics read them. A message
 * not derived yet (no thread key) gets a thread of its own; reports re-derive threads when the
 * stored derivation may not match their as-of time.
 *
 * Speed: a cold start reads the accounts' column snapshot (snapshot/), one file read, when its
 * stamp matches the database; otherwise the store's reads (cache/analytics-reads.ts) scan the
 * table in rowid order, read only the columns the figures use and the six flags as one number,
 * and the columns read are written as the new snapshot. The facts only re-derivation, drill-downs
 * and listed rows need are read on first use (see StoredMessage). Rows are read in batches inside
 * one read transaction (one snapshot of the file) and go straight into columns (see
 * MessageColumns), which reports read without touching the message objects; the set is read-only
 * so that its columns always describe it, and its message objects are made only when read.
 */
export function loadAnalyticsMessages(store: Store, accountIds: number[]): AnalyticsMessage[] {
  if (accountIds.length === 0) return [];
  const reads = new AnalyticsReads(store, accountIds);
  const snapshot = ColumnSnapshot.of(store, reads, accountIds);
  const texts = new RowTextsReader(reads);
  const rowTexts = (i: number) => texts.read(set.columns.rowId[i]!);
  const rowTextsOf = (indices: readonly number[]) =>
    texts.readMany(indices.map((i) => set.columns.rowId[i]!));
  const restored = snapshot?.restore() ?? null;
  const set: StoredSet = {
    columns:
      restored === null
        ? emptyColumns([], BATCH_ROWS, rowTexts, rowTextsOf)
        : { ...restored, messages: [], rowTexts, rowTextsOf },
    rare: null,
  };
  if (restored === null) {
    const { count, stamp } = readColumns(reads, set, snapshot);
    set.columns = resizedColumns(set.columns, count, count);
    if (stamp !== null) snapshot!.save(stamp, set.columns);
  }
  // The messages are views of the columns' rows, made when read (see lazyList): reports read the columns.
  const messages = lazyList(set.columns.count, (i): AnalyticsMessage => new StoredMessage(set, i));
  set.columns = { ...set.columns, messages };
  set.rare = new RareFactsLoader(reads, set.columns.rowId);
  registerColumns(set.columns);
  return messages as AnalyticsMessage[];
}

/**
 * The accounts of a report: address, provider, identities (the address first, then the aliases)
 * and, for coverage, the mailbox total and last sync a Gmail sync recorded.
 */
export function loadReportAccounts(store: Store, accountIds: number[]): ReportAccount[] {
  if (accountIds.length === 0) return [];
  const rows = new AnalyticsReads(store, accountIds).accounts();
  if (rows.length !== new Set(accountIds).size) {
    throw new BriefError(
      'NOT_FOUND',
      'One of the accounts asked for is not in this 360Brief database any more. Reload the account list.',
    );
  }
  return rows.map((row) => {
    const aliases = JSON.parse(row.identities) as string[];
    return {
      id: row.id,
      address: row.address,
      provider: row.provider,
      identities: [row.address, ...aliases],
      mailboxTotal: row.mailbox_total,
      lastSync: row.last_sync_at,
    };
  });
}
