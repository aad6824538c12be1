import { BriefError } from '../../../shared/errors.ts';
import { AnalyticsReads } from '../cache/analytics-reads.ts';
import type { Store } from '../db/store.ts';
import { noteOrigin } from './column-origin.ts';
import { roomFor } from './dataset-rows.ts';
import { lazyList } from './lazy-list.ts';
import {
  BATCH_ROWS,
  type CaughtUp,
  caughtUpColumns,
  columnData,
  rowsAfter,
  writeRow,
} from './load-changes.ts';
import { filledWithRoom } from './load-in-place.ts';
import { emptyColumns, type MessageColumns, registerColumns, resizedColumns } from './message-columns.ts';
import { RareFactsLoader } from './rare-facts.ts';
import { RowTextsReader } from './row-texts.ts';
import { ColumnSnapshot } from './snapshot/column-snapshot.ts';
import type { ColumnData } from './snapshot/format.ts';
import { identityOf, type LoadStamp, stampOf } from './snapshot/load-stamp.ts';
import { StoredMessage, type StoredSet } from './stored-message.ts';
import { carryTimeBound } from './time-bound.ts';
import type { AnalyticsMessage, ReportAccount } from './types.ts';

export interface LoadOptions {
  /**
   * The set of the same accounts loaded before: brought up to date from the change log instead of
   * read again. It stays as it was (the new set's columns are new arrays, or its own arrays
   * written only past its rows: load-in-place.ts; the dictionaries they share only grow).
   */
  previous?: readonly AnalyticsMessage[] | null;
  /** Runs the snapshot write; by default at once. The view computer runs it after the batch's views. */
  saveLater?: (save: () => void) => void;
}

/** A loaded set's columns and stamp, for the next load of the same accounts to start from. */
interface Loaded {
  set: StoredSet;
  stamp: LoadStamp | null;
  /** Rows dropped or read since the columns the snapshot file holds: what a cold start would catch up. */
  unsaved: number;
  /** The set's listed texts read so far: a set caught up from this one keeps those of unchanged rows. */
  texts: RowTextsReader;
}

/**
 * How far the snapshot file may lag behind the loaded columns before it is written again: a cold
 * start catches it up like any other set, so rewriting 64 MB (at 1,000,000 messages) after every
 * sync of a hundred messages would cost each sync ≈ 0.2–0.5 s of CPU and the disk its bytes for
 * nothing. Well inside what a catch-up takes (load-changes.ts) and the log keeps.
 */
function snapshotLag(count: number): number {
  return Math.max(2048, Math.floor(count / 64));
}
const loadedSets = new WeakMap<readonly AnalyticsMessage[], Loaded>();

/**
 * Every row of the accounts, read whole (grown as it goes, then trimmed to its rows and the room
 * a catch-up appends into: load-in-place.ts).
 */
function readWhole(reads: AnalyticsReads, make: (count: number) => ColumnData): ColumnData {
  let columns = make(BATCH_ROWS);
  let count = 0;
  rowsAfter(reads, Number.MIN_SAFE_INTEGER, (rows) => {
    if (count + rows.length > columns.rowId.length)
      columns = resizedColumns(columns as MessageColumns, count, Math.max(count * 2, count + rows.length));
    for (const row of rows) writeRow(columns, count++, row);
    return true;
  });
  return filledWithRoom(resizedColumns(columns as MessageColumns, count, roomFor(count)));
}

/** Where a load starts from: the previous set when it is of these accounts, else the snapshot file. */
function startingPoint(
  previous: Loaded | undefined,
  snapshot: ColumnSnapshot | null,
): { data: ColumnData; stamp: LoadStamp } | null {
  if (previous?.stamp) return { data: previous.set.columns, stamp: previous.stamp };
  return snapshot?.restore() ?? null;
}

/**
 * Every stored message of the accounts, in storage (row id) order, as the analytics read them. A
 * message not derived yet (no thread key) gets a thread of its own; reports re-derive threads when
 * the stored derivation may not match their as-of time.
 *
 * Speed (docs/analytics.md "Incremental load"): a load starts from the columns it has — the
 * previous set of the same accounts, else their column snapshot (snapshot/, one file read) — and
 * reads only the rows changed since their stamp (load-changes.ts); with nothing to start from, or
 * when the change log does not reach back, the store's reads (cache/analytics-reads.ts) scan the
 * table in rowid order for only the columns the figures use. The snapshot is written after a
 * whole read and once the columns have moved far enough from it (snapshotLag). The facts only re-derivation, drill-downs and listed rows need are read on
 * first use (see StoredMessage). Rows are read inside one read transaction (one snapshot of the
 * file) and go straight into columns (see MessageColumns), which reports read without touching
 * the message objects; the set is read-only so that its columns always describe it, and its
 * message objects are made only when read.
 */
export function loadAnalyticsMessages(
  store: Store,
  accountIds: number[],
  options: LoadOptions = {},
): AnalyticsMessage[] {
  if (accountIds.length === 0) return [];
  const reads = new AnalyticsReads(store, accountIds);
  const snapshot = ColumnSnapshot.of(store, accountIds);
  const previous = options.previous ? loadedSets.get(options.previous) : undefined;
  const start = startingPoint(previous, snapshot);
  const set: StoredSet = { columns: undefined as unknown as MessageColumns, rare: null };
  let texts = new RowTextsReader(reads);
  const rowTexts = (i: number) => texts.read(set.columns.rowId[i]!);
  const rowTextsOf = (indices: readonly number[]) =>
    texts.readMany(indices.map((i) => set.columns.rowId[i]!));
  const make = (shared: ColumnData | null) => (count: number) => {
    const fresh = emptyColumns([], count, rowTexts, rowTextsOf);
    return shared
      ? { ...fresh, texts: shared.texts, threadKeys: shared.threadKeys, lists: shared.lists }
      : fresh;
  };
  const { columns, stamp, unsaved, caught } = reads.snapshot(() => {
    const identity = identityOf(snapshot?.databasePath ?? null, reads);
    const marks = reads.changeMarks();
    let caught: CaughtUp | null = null;
    if (start !== null && identity !== null && start.stamp.identity === identity)
      caught = caughtUpColumns(reads, start.data, start.stamp, marks, make(start.data));
    if (start !== null && caught === null && previous === undefined)
      snapshot?.reject(
        identity === start.stamp.identity
          ? 'the change log does not reach back, or holds too many changes'
          : 'another store file or other accounts',
      );
    const data = caught?.columns ?? readWhole(reads, make(null));
    const last = data.count === 0 ? 0 : data.rowId[data.count - 1]!;
    return {
      columns: data,
      stamp: identity === null ? null : stampOf(identity, marks, last),
      // A whole read has no file behind it; a catch-up adds to the lag of what it started from.
      unsaved: caught === null ? Number.POSITIVE_INFINITY : (previous?.unsaved ?? 0) + caught.rows,
      caught,
    };
  });
  // Caught up from the set before: the texts it read of rows the log does not name still hold.
  if (caught !== null && previous?.stamp && start?.data === previous.set.columns)
    texts = previous.texts.carriedTo(reads, caught.keptThrough, caught.named);
  // The messages are views of the columns' rows, made when read (see lazyList): reports read the columns.
  const messages = lazyList(columns.count, (i): AnalyticsMessage => new StoredMessage(set, i));
  set.columns = { ...columns, messages, rowTexts, rowTextsOf } as MessageColumns;
  // The set's rows only: a caught-up set's arrays may have room past them (load-in-place.ts).
  set.rare = new RareFactsLoader(reads, set.columns.rowId.subarray(0, columns.count));
  registerColumns(set.columns);
  if (caught !== null && start !== null) {
    noteOrigin(set.columns, start.data, caught.reread, caught.readFrom);
    carryTimeBound(set.columns, start.data, caught.reread, caught.readFrom);
  }
  const saved = set.columns;
  // A file a little behind stays as it is: its stamp is older, but the log still leads from it to now.
  const write = snapshot !== null && stamp !== null && unsaved > snapshotLag(columns.count);
  loadedSets.set(messages, { set, stamp, unsaved: write ? 0 : unsaved, texts });
  if (write) {
    const save = () => snapshot.save(stamp, columnData(saved));
    if (options.saveLater) options.saveLater(save);
    else save();
  }
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
