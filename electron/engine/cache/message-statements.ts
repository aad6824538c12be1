import type { Store } from '../db/store.ts';
import { EARLIEST_VALID_TIME } from '../mail/date.ts';
import type { MessageRow, RowParams } from './message-row.ts';
import type { StatsRow } from './message-stats.ts';

/** Processed column → bound parameter (see rowParams in message-row.ts). */
const FACT_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['provider_thread_id', 'providerThreadId'],
  ['message_id', 'messageId'],
  ['in_reply_to', 'inReplyTo'],
  ['refs', 'refs'],
  ['time', 'time'],
  ['from_addr', 'fromAddr'],
  ['from_name', 'fromName'],
  ['sender', 'sender'],
  ['sender_name', 'senderName'],
  ['to_addrs', 'toAddrs'],
  ['cc_addrs', 'ccAddrs'],
  ['bcc_addrs', 'bccAddrs'],
  ['reply_to', 'replyTo'],
  ['subject', 'subject'],
  ['subject_key', 'subjectKey'],
  ['labels', 'labels'],
  ['list_post', 'listPost'],
  ['has_list_post', 'hasListPost'],
  ['unsubscribe', 'unsubscribe'],
  ['automated', 'automated'],
  ['size', 'size'],
  ['content_key', 'contentKey'],
];

const assignments = FACT_COLUMNS.map(([column, param]) => `${column} = @${param}`).join(', ');
// An update that changes nothing writes nothing, so re-storing a batch leaves the data version alone.
const differs = FACT_COLUMNS.map(([column, param]) => `${column} IS NOT @${param}`).join(' OR ');

// Oldest and newest skip times the mail model calls invalid (before 1990): a bad Date is not a date.
const STATS = `SELECT account_id, count(*) AS count, total(size) + total(length(raw_data)) AS bytes,
  min(CASE WHEN time >= ${EARLIEST_VALID_TIME} THEN time END) AS oldest,
  max(CASE WHEN time >= ${EARLIEST_VALID_TIME} THEN time END) AS newest
  FROM message_cache`;

/**
 * The insert's columns and the RowParams field bound to each. A null `id` takes the next row id;
 * an import binds that id itself (the largest plus one: its write transaction holds the file), so
 * that a reconstructed message's provisional thread key can name it (provisional-derivation.ts).
 */
const INSERT_COLUMNS: ReadonlyArray<readonly [string, keyof RowParams]> = [
  ['id', 'id'],
  ['account_id', 'accountId'],
  ['provider', 'provider'],
  ['provider_id', 'providerId'],
  ...FACT_COLUMNS,
  ['label_bits', 'labelBits'],
  ['raw_data', 'raw'],
  ['counted', 'counted'],
  ['direction', 'direction'],
  ['echo', 'echo'],
  ['thread_key', 'threadKey'],
  ['created_at', 'now'],
  ['updated_at', 'now'],
];

/** The insert's parameters in column order. */
export function insertValues(row: RowParams): unknown[] {
  return INSERT_COLUMNS.map(([, field]) => row[field]);
}

export function prepareMessageStatements(store: Store) {
  const inList = 'IN (SELECT value FROM json_each(@ids))';
  return {
    accountExists: store.prepare<{ found: number }>('SELECT 1 AS found FROM accounts WHERE id = ?'),
    bumpVersion: store.prepare(
      'UPDATE accounts SET data_version = data_version + 1, updated_at = @now WHERE id = @id',
    ),
    findId: store.prepare<{ id: number; thread_key: string | null }>(
      'SELECT id, thread_key FROM message_cache WHERE account_id = @accountId AND provider = @provider AND provider_id = @providerId',
    ),
    // Bound by position (insertValues): a third cheaper than by name, and `changes` says whether
    // the row was new (RETURNING cost as much again).
    insert: store.prepare(
      `INSERT INTO message_cache (${INSERT_COLUMNS.map(([column]) => column).join(', ')})
       VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (account_id, provider, provider_id) DO NOTHING`,
    ),
    lastId: store.prepare<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM message_cache'),
    update: store.prepare(
      `UPDATE message_cache SET ${assignments}, label_bits = @labelBits, raw_data = coalesce(@raw, raw_data), updated_at = @now
       WHERE id = @id AND (${differs} OR (@raw IS NOT NULL AND raw_data IS NOT @raw))`,
    ),
    setLabels: store.prepare(
      'UPDATE message_cache SET labels = @labels, label_bits = @labelBits, updated_at = @now WHERE id = @id AND labels IS NOT @labels',
    ),
    byProviderId: store.prepare<MessageRow>(
      'SELECT * FROM message_cache WHERE account_id = @accountId AND provider = @provider AND provider_id = @providerId',
    ),
    raw: store.prepare<{ raw_data: Buffer | null }>(
      'SELECT raw_data FROM message_cache WHERE account_id = @accountId AND provider = @provider AND provider_id = @providerId',
    ),
    cachedIds: store.prepare<{ provider_id: string }>(
      `SELECT provider_id FROM message_cache
       WHERE account_id = @accountId AND provider = @provider AND provider_id ${inList}`,
    ),
    deleteIds: store.prepare(
      `DELETE FROM message_cache WHERE account_id = @accountId AND provider = @provider AND provider_id ${inList}`,
    ),
    deleteAll: store.prepare('DELETE FROM message_cache WHERE account_id = ?'),
    // A NULL thread key marks a row to derive again (see derive-changes.ts). A reconstructed
    // thread ('r:' key) is marked whole when one of its messages changes or goes: the others'
    // key or joins may follow from it. A Gmail thread's messages derive one by one.
    unthreadRow: store.prepare('UPDATE message_cache SET thread_key = NULL WHERE id = ?'),
    unthreadThread: store.prepare(
      'UPDATE message_cache SET thread_key = NULL WHERE account_id = ? AND thread_key = ?',
    ),
    unthreadDeleted: store.prepare(
      `UPDATE message_cache SET thread_key = NULL WHERE account_id = @accountId AND thread_key IN (
         SELECT thread_key FROM message_cache WHERE account_id = @accountId AND provider = @provider
           AND provider_id ${inList} AND thread_key LIKE 'r:%')`,
    ),
    forgetDerivation: store.prepare('UPDATE accounts SET derived_any_sent = NULL WHERE id = ?'),
    pendingDerivation: store.prepare<Pick<MessageRow, 'id' | 'provider_thread_id' | 'sender' | 'labels'>>(
      'SELECT id, provider_thread_id, sender, labels FROM message_cache WHERE account_id = ? AND thread_key IS NULL ORDER BY id',
    ),
    // Whether a message carries a label: by its bit, in the time index's entries alone, or (a label
    // numbered past the bits) by the JSON lists.
    anyWithBit: store.prepare<{ found: number }>(
      'SELECT 1 AS found FROM message_cache INDEXED BY message_cache_time WHERE account_id = ? AND (label_bits & ?) <> 0 LIMIT 1',
    ),
    anyListing: store.prepare<{ found: number }>(
      'SELECT 1 AS found FROM message_cache WHERE account_id = ? AND EXISTS (SELECT 1 FROM json_each(labels) WHERE value = ?) LIMIT 1',
    ),
    anyTimeBetween: store.prepare<{ found: number }>(
      'SELECT 1 AS found FROM message_cache WHERE account_id = ? AND time > ? AND time <= ? LIMIT 1',
    ),
    deleteBefore: store.prepare('DELETE FROM message_cache WHERE account_id = ? AND time < ?'),
    derive: store.prepare(
      `UPDATE message_cache SET counted = @counted, direction = @direction, echo = @echo, thread_key = @threadKey,
         updated_at = @now
       WHERE id = @id AND account_id = @accountId
         AND (counted IS NOT @counted OR direction IS NOT @direction OR echo IS NOT @echo OR thread_key IS NOT @threadKey)`,
    ),
    belongs: store.prepare<{ found: number }>(
      'SELECT 1 AS found FROM message_cache WHERE id = ? AND account_id = ?',
    ),
    // Lean reads for whole-account passes: only the columns the pass needs.
    duplicateKeys: store.prepare<{
      provider: string;
      provider_id: string;
      message_id: string | null;
      content_key: string | null;
      labels: string;
    }>(
      // The order iterateMessages streams in (time, then storage order): the merger's first-read copy.
      `SELECT provider, provider_id, message_id, content_key, labels FROM message_cache
       WHERE account_id = ? ORDER BY time ASC, id ASC`,
    ),
    // One message's keys, through the (account, provider, provider id) unique index: the duplicate
    // merger confirms a fingerprint here instead of holding every key.
    duplicateKeysOf: store.prepare<{ message_id: string | null; content_key: string | null }>(
      'SELECT message_id, content_key FROM message_cache WHERE account_id = ? AND provider = ? AND provider_id = ?',
    ),
    derivationInputs: store.prepare<DerivationInputRow>(
      `SELECT ${DERIVATION_INPUTS} FROM message_cache WHERE account_id = ? ORDER BY id`,
    ),
    derivationInputOf: store.prepare<DerivationInputRow>(
      `SELECT ${DERIVATION_INPUTS} FROM message_cache WHERE id = ? AND account_id = ?`,
    ),
    threadIdsAfter: store.prepare<
      Pick<MessageRow, 'id' | 'provider_thread_id' | 'counted' | 'direction' | 'echo' | 'thread_key'>
    >(
      'SELECT id, provider_thread_id, counted, direction, echo, thread_key FROM message_cache WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    stats: store.prepare<StatsRow>(`${STATS} GROUP BY account_id ORDER BY account_id`),
    // One account's: reads its rows only, not every account's (an import asks before and after).
    statsFor: store.prepare<StatsRow>(`${STATS} WHERE account_id = ? GROUP BY account_id`),
    count: store.prepare<{ n: number }>('SELECT count(*) AS n FROM message_cache WHERE account_id = ?'),
  };
}

export type MessageStatements = ReturnType<typeof prepareMessageStatements>;

/** What the per-account derivations read of a row. */
const DERIVATION_INPUTS =
  'id, provider_thread_id, message_id, in_reply_to, refs, time, sender, to_addrs, cc_addrs, subject_key, labels';

export type DerivationInputRow = Pick<
  MessageRow,
  | 'id'
  | 'provider_thread_id'
  | 'message_id'
  | 'in_reply_to'
  | 'refs'
  | 'time'
  | 'sender'
  | 'to_addrs'
  | 'cc_addrs'
  | 'subject_key'
  | 'labels'
>;
