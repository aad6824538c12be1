import { BriefError } from '../../../shared/errors.ts';
import type { Store } from '../db/store.ts';
import type { DerivationInput } from '../mail/derive.ts';
import type { DuplicateKeys, OwnKeys } from '../mail/duplicates.ts';
import type { DerivedFacts, MessageFacts } from '../mail/types.ts';
import {
  AccountLabels,
  bitValue,
  type LabelStatements,
  labelBitOf,
  prepareLabelStatements,
} from './account-labels.ts';
import { type CacheItem, type ReportedMessage, validateBatch } from './message-batch.ts';
import { filterParams, type LabelMatch, type MessageFilter, MessageQueries } from './message-query.ts';
import { type CachedMessage, type RowParams, rowParams, toCachedMessage } from './message-row.ts';
import {
  type DerivationInputRow,
  insertValues,
  type MessageStatements,
  prepareMessageStatements,
} from './message-statements.ts';
import { type CacheStats, summarise } from './message-stats.ts';
import type { ProvisionalColumns, ProvisionalDerivation } from './provisional-derivation.ts';

export type { CacheItem, ReportedMessage } from './message-batch.ts';
export type { CacheStats } from './message-stats.ts';

export interface DerivedRow {
  id: number;
  counted: boolean;
  direction: 'sent' | 'received';
  echo: boolean;
  threadKey: string;
}

const NONE: string[] = [];

const IN_CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += IN_CHUNK)
    result.push(items.slice(start, start + IN_CHUNK));
  return result;
}

/**
 * The message cache: one row per (account, provider, provider id) holding the mail model's facts,
 * an optional raw blob, and the per-account derivations. Every write that changes an account's
 * messages bumps its data version, which is what makes cached analytics stale.
 */
export class MessageCacheService {
  readonly #store: Store;
  readonly #sql: MessageStatements;
  readonly #labels: LabelStatements;
  readonly #queries: MessageQueries;

  constructor(store: Store) {
    this.#store = store;
    this.#sql = prepareMessageStatements(store);
    this.#labels = prepareLabelStatements(store);
    this.#queries = new MessageQueries(store);
  }

  cacheMessage(accountId: number, provider: string, facts: MessageFacts, raw?: Buffer) {
    return this.cacheBulk(accountId, provider, [raw === undefined ? { facts } : { facts, raw }]);
  }

  /**
   * Stores a batch in one transaction; a message already stored keeps its row id. A message with
   * a value past the limits is stored cut or skipped, and listed in `reported` (see message-batch.ts).
   */
  cacheBulk(
    accountId: number,
    provider: string,
    items: CacheItem[],
  ): { inserted: number; updated: number; reported: ReportedMessage[] } {
    const account = this.#account(accountId);
    const { items: batch, reported } = validateBatch(items);
    return { ...this.#write(account, provider, batch), reported };
  }

  /**
   * Stores a batch whose facts the caller made and fitted to the limits itself (the import's
   * reader: factsFromRaw, then fitFactsToLimits): the writes of `cacheBulk` without checking every
   * message again, which cost as much as the writes. With `provisional`, new reconstructed
   * messages are stored with that derivation (see #provisionalInsert).
   */
  cacheFitted(
    accountId: number,
    provider: string,
    items: CacheItem[],
    provisional?: ProvisionalDerivation,
  ): { inserted: number; updated: number } {
    return this.#write(this.#account(accountId), provider, items, provisional);
  }

  #write(
    account: number,
    provider: string,
    batch: CacheItem[],
    provisional?: ProvisionalDerivation,
  ): { inserted: number; updated: number } {
    return this.#store.transaction(() => {
      const now = this.#store.nowIso();
      const labels = new AccountLabels(this.#labels, account);
      const insert =
        provisional === undefined
          ? (params: RowParams) => this.#sql.insert.run(insertValues(params)).changes > 0
          : this.#provisionalInsert(account, provisional);
      let inserted = 0;
      let updated = 0;
      for (const { facts, raw } of batch) {
        const params = rowParams(facts, {
          accountId: account,
          provider,
          labelBits: labels.bitsOf(facts.labels),
          raw: raw ?? null,
          now,
        });
        // Most rows of a batch are new: try the insert first and look up the row only on conflict.
        if (insert(params, facts)) {
          inserted += 1;
          continue;
        }
        const existing = this.#sql.findId.get(params)!;
        provisional?.observer?.rewritten();
        params.id = existing.id;
        if (this.#sql.update.run(params).changes === 0) continue;
        updated += 1;
        this.#unthread(account, existing.id, existing.thread_key);
      }
      if (inserted + updated > 0) this.#bump(account, now);
      return { inserted, updated };
    });
  }

  /**
   * Inserts new reconstructed messages (no provider thread id) as threads of their own, at the row
   * id SQLite would give them, with their provisional derivation (provisional-derivation.ts); the
   * others as `insert` does, their thread key left empty. Storing a reconstructed message forgets
   * the account's derivation, so the next one is whole: what its thread key left empty asked for
   * before (derive-changes.ts), while the whole pass now writes only the rows that differ.
   */
  #provisionalInsert(
    account: number,
    provisional: ProvisionalDerivation,
  ): (params: RowParams, facts: MessageFacts) => boolean {
    let next = this.#sql.lastId.get()!.id + 1;
    let forgotten = false;
    const observer = provisional.observer;
    return (params, facts) => {
      const reconstructed = facts.providerThreadId === null;
      params.id = next;
      let own: ProvisionalColumns | null = null;
      if (reconstructed) {
        own = provisional.columnsOf(facts, next);
        params.counted = own.counted;
        params.direction = own.direction;
        params.echo = own.echo;
        params.threadKey = `r:${own.threadRow}`;
      }
      if (this.#sql.insert.run(insertValues(params)).changes === 0) return false;
      observer?.inserted(next, facts, own);
      next += 1;
      if (reconstructed && !forgotten) {
        this.#sql.forgetDerivation.run(account);
        forgotten = true;
      }
      return true;
    };
  }

  getMessage(accountId: number, provider: string, providerId: string): CachedMessage | null {
    const params = this.#key(accountId, provider, providerId);
    const row = this.#sql.byProviderId.get(params);
    return row ? toCachedMessage(row) : null;
  }

  getRawData(accountId: number, provider: string, providerId: string): Buffer | null {
    return this.#sql.raw.get(this.#key(accountId, provider, providerId))?.raw_data ?? null;
  }

  /** One page of messages in time order (ties by storage order). */
  getMessages(filter: MessageFilter, page: { limit?: number; offset?: number } = {}) {
    const { limit = 100, offset = 0 } = page;
    const label = this.#labelMatch(filter);
    if (label === undefined) return { messages: [], nextOffset: null };
    const rows = this.#queries
      .statement(filter, true, label)
      .all({ ...filterParams(filter, label), limit, offset });
    return {
      messages: rows.map(toCachedMessage),
      nextOffset: rows.length === limit ? offset + limit : null,
    };
  }

  /** Every message matching the filter, streamed in time order (for analytics and derivations). */
  *iterateMessages(filter: MessageFilter): Generator<CachedMessage> {
    const label = this.#labelMatch(filter);
    if (label === undefined) return;
    for (const row of this.#queries.statement(filter, false, label).iterate(filterParams(filter, label))) {
      yield toCachedMessage(row);
    }
  }

  /** How the filter's label is matched: null without one; undefined when the account never stored it (nothing matches). */
  #labelMatch(filter: MessageFilter): LabelMatch | null | undefined {
    if (filter.label === undefined) return null;
    const bit = labelBitOf(this.#labels, filter.accountId, filter.label);
    if (bit === 'unknown') return undefined;
    return bit === 'unbitted'
      ? { test: 'listed', label: filter.label }
      : { test: 'bit', value: bitValue(bit) };
  }

  /** What the duplicate rule reads of every stored message, in `iterateMessages` order. */
  *iterateDuplicateKeys(accountId: number): Generator<DuplicateKeys> {
    for (const row of this.#sql.duplicateKeys.iterate(accountId)) {
      yield {
        provider: row.provider,
        providerId: row.provider_id,
        messageId: row.message_id,
        contentKey: row.content_key,
        labels: JSON.parse(row.labels) as string[],
      };
    }
  }

  /** A stored message's Message-ID and content key; undefined when it is not stored. */
  duplicateKeysOf(accountId: number, provider: string, providerId: string): OwnKeys | undefined {
    const row = this.#sql.duplicateKeysOf.get(accountId, provider, providerId);
    return row && { messageId: row.message_id, contentKey: row.content_key };
  }

  /** What the per-account derivations read of every stored message, in storage (rowId) order. */
  *iterateDerivationInputs(accountId: number): Generator<DerivationInput> {
    for (const row of this.#sql.derivationInputs.iterate(accountId)) yield derivationInput(row);
  }

  /** What the derivations read of one stored message; undefined when it is not the account's. */
  derivationInputOf(accountId: number, rowId: number): DerivationInput | undefined {
    const row = this.#sql.derivationInputOf.get(rowId, accountId);
    return row && derivationInput(row);
  }

  /** Up to `limit` rows after row `afterId`, in storage order: the provider thread id and the stored derivations. */
  threadIdsAfter(
    accountId: number,
    afterId: number,
    limit: number,
  ): Array<{ id: number; providerThreadId: string | null; derived: DerivedFacts }> {
    return this.#sql.threadIdsAfter.all(accountId, afterId, limit).map((row) => ({
      id: row.id,
      providerThreadId: row.provider_thread_id,
      derived: {
        counted: row.counted === 1,
        direction: row.direction,
        echo: row.echo === 1,
        threadKey: row.thread_key ?? '',
      },
    }));
  }

  /** The messages of one (derived) thread, oldest first. */
  getThread(accountId: number, threadKey: string): CachedMessage[] {
    return [...this.iterateMessages({ accountId, threadKey })];
  }

  /** Which of these provider ids are already stored (asked before any fetch). */
  checkCached(accountId: number, provider: string, providerIds: string[]): Set<string> {
    const found = new Set<string>();
    for (const chunk of chunks(providerIds)) {
      const params = { accountId, provider, ids: JSON.stringify(chunk) };
      for (const row of this.#sql.cachedIds.all(params)) found.add(row.provider_id);
    }
    return found;
  }

  getCacheStats(accountId?: number): CacheStats {
    return summarise(accountId === undefined ? this.#sql.stats.all() : this.#sql.statsFor.all(accountId));
  }

  /** How many messages the account stores (counted in an index, without reading the rows). */
  countMessages(accountId: number): number {
    return this.#sql.count.get(accountId)!.n;
  }

  /** Writes the mail model's per-account derivations; every id must be a message of this account. */
  updateDerived(accountId: number, rows: DerivedRow[]): number {
    const account = this.#account(accountId);
    return this.#store.transaction(() => {
      const now = this.#store.nowIso();
      let changed = 0;
      for (const row of rows) {
        const params = {
          ...row,
          accountId: account,
          counted: row.counted ? 1 : 0,
          echo: row.echo ? 1 : 0,
          now,
        };
        if (this.#sql.derive.run(params).changes === 1) {
          changed += 1;
        } else if (!this.#sql.belongs.get(row.id, account)) {
          throw new BriefError(
            'NOT_FOUND',
            `Message ${row.id} is not stored for account ${account}; derive again from the stored messages.`,
          );
        }
      }
      if (changed > 0) this.#bump(account, now);
      return changed;
    });
  }

  /**
   * Replaces one message's labels (incremental sync: labels added or removed); returns whether they
   * changed. Reads only the row's key columns: the callers go on without the message.
   */
  updateLabels(accountId: number, provider: string, providerId: string, labels: string[]): boolean {
    return this.updateLabelsOf(accountId, provider, [[providerId, labels]]) === 1;
  }

  /**
   * Replaces the labels of several messages in one transaction (an import merging later copies
   * into stored messages); returns how many changed, and tells `changed` each row whose labels did.
   */
  updateLabelsOf(
    accountId: number,
    provider: string,
    changes: ReadonlyArray<readonly [providerId: string, labels: string[]]>,
    changed?: (rowId: number, labels: readonly string[]) => void,
  ): number {
    return this.#store.transaction(() => {
      const now = this.#store.nowIso();
      const numbering = new AccountLabels(this.#labels, accountId);
      let count = 0;
      for (const [providerId, labels] of changes) {
        const row = this.#sql.findId.get(this.#key(accountId, provider, providerId));
        if (!row) throw this.#missing(providerId);
        const params = {
          id: row.id,
          labels: JSON.stringify(labels),
          labelBits: numbering.bitsOf(labels),
          now,
        };
        if (this.#sql.setLabels.run(params).changes === 0) continue;
        this.#unthread(accountId, row.id, row.thread_key);
        changed?.(row.id, labels);
        count += 1;
      }
      if (count > 0) this.#bump(accountId, now);
      return count;
    });
  }

  deleteMessages(accountId: number, provider: string, providerIds: string[]): number {
    const account = this.#account(accountId);
    return this.#store.transaction(() => {
      let deleted = 0;
      for (const chunk of chunks(providerIds)) {
        const params = { accountId: account, provider, ids: JSON.stringify(chunk) };
        this.#sql.unthreadDeleted.run(params);
        deleted += this.#sql.deleteIds.run(params).changes;
      }
      if (deleted > 0) this.#bump(account, this.#store.nowIso());
      return deleted;
    });
  }

  clearCache(accountId: number): number {
    const account = this.#account(accountId);
    return this.#store.transaction(() => {
      const deleted = this.#sql.deleteAll.run(account).changes;
      if (deleted > 0) this.#bump(account, this.#store.nowIso());
      this.#sql.forgetDerivation.run(account);
      return deleted;
    });
  }

  /** Removes the account's messages older than `cutoffMs` (the retention window). */
  deleteOlderThan(accountId: number, cutoffMs: number): number {
    const account = this.#account(accountId);
    return this.#store.transaction(() => {
      const deleted = this.#sql.deleteBefore.run(account, cutoffMs).changes;
      if (deleted > 0) {
        this.#bump(account, this.#store.nowIso());
        // A sweep may cut through any thread: derive the whole account again.
        this.#sql.forgetDerivation.run(account);
      }
      return deleted;
    });
  }

  /**
   * Marks what a changed message may change the derivation of (see unthreadRow in
   * message-statements.ts): its reconstructed thread whole, or the message alone.
   */
  #unthread(accountId: number, id: number, threadKey: string | null): void {
    if (threadKey?.startsWith('r:')) this.#sql.unthreadThread.run(accountId, threadKey);
    else this.#sql.unthreadRow.run(id);
  }

  /** The rows marked for derivation (stored or changed since the last), in storage order. */
  pendingDerivation(
    accountId: number,
  ): Array<Pick<DerivationInput, 'rowId' | 'providerThreadId' | 'sender' | 'labels'>> {
    return this.#sql.pendingDerivation.all(accountId).map((row) => ({
      rowId: row.id,
      providerThreadId: row.provider_thread_id,
      sender: row.sender,
      labels: JSON.parse(row.labels) as string[],
    }));
  }

  /** Whether a stored message of the account has the SENT label (direction follows it when one does). */
  hasSentLabel(accountId: number): boolean {
    const bit = labelBitOf(this.#labels, accountId, 'SENT');
    if (bit === 'unknown') return false;
    if (bit === 'unbitted') return this.#sql.anyListing.get(accountId, 'SENT') !== undefined;
    return this.#sql.anyWithBit.get(accountId, bitValue(bit)) !== undefined;
  }

  /** Whether a stored message's time lies in (from, to]. */
  anyTimeBetween(accountId: number, from: number, to: number): boolean {
    return this.#sql.anyTimeBetween.get(accountId, from, to) !== undefined;
  }

  #bump(accountId: number, now: string): void {
    this.#sql.bumpVersion.run({ id: accountId, now });
  }

  #account(accountId: number): number {
    if (!this.#sql.accountExists.get(accountId)) {
      throw new BriefError(
        'NOT_FOUND',
        `Account ${accountId} does not exist; it may have been removed. Reconnect it first.`,
      );
    }
    return accountId;
  }

  #key(accountId: number, provider: string, providerId: string) {
    return { accountId, provider, providerId };
  }

  #missing(providerId: string): BriefError {
    return new BriefError('NOT_FOUND', `Message ${providerId} is not stored; sync the account again.`);
  }
}

function derivationInput(row: DerivationInputRow): DerivationInput {
  // A message with the provider's thread id takes no part in reconstructing threads: its
  // references and recipients are not needed (most of the cost of a synced account's pass).
  const reconstructed = row.provider_thread_id === null;
  return {
    rowId: row.id,
    providerThreadId: row.provider_thread_id,
    messageId: row.message_id,
    inReplyTo: reconstructed ? (JSON.parse(row.in_reply_to) as string[]) : NONE,
    references: reconstructed ? (JSON.parse(row.refs) as string[]) : NONE,
    time: row.time,
    sender: row.sender,
    to: reconstructed ? (JSON.parse(row.to_addrs) as string[]) : NONE,
    cc: reconstructed ? (JSON.parse(row.cc_addrs) as string[]) : NONE,
    subjectKey: row.subject_key,
    labels: JSON.parse(row.labels) as string[],
  };
}
