/**
 * An import into an empty account follows the account's derivation as it stores the rows, so
 * that its end derives from memory instead of reading every row back (docs/import.md, "The
 * engine thread (round 9)"). Each inserted row is added to an `AccountDerivation` in storage
 * order, with what its derived columns hold as stored (provisional-derivation.ts); a later copy
 * merged into a stored row relabels it. At the end the threads are reconstructed and only the
 * rows whose derivation differs from what they hold are written: exactly what the whole-account
 * pass (derive-account.ts) would write, without its two reads of the account.
 *
 * Exact only while this import is the account's one writer and its rows are all the account
 * holds. Anything else makes it step aside (`abandon`) and the end derives from the store as
 * before: the account held rows when the import began, another writer moved its data version
 * between this import's batches, a message was already stored, a merge deleted a stored row or
 * made one stop counting (one that starts counting joins the threads late, read back alone), a message came with a provider thread id, the identities or the
 * spam/trash setting changed, or the account grew past `limit` rows (the memory bound: at a
 * million rows the merger and the derivation must not be held together).
 */
import type { AccountService } from '../../cache/account-service.ts';
import type { DerivedRow, MessageCacheService } from '../../cache/message-cache-service.ts';
import type { ProvisionalColumns, StoredRowsObserver } from '../../cache/provisional-derivation.ts';
import type { Store } from '../../db/store.ts';
import { ensureLength } from '../../mail/compact-tables.ts';
import { AccountDerivation } from '../../mail/derive.ts';
import type { DerivedFacts, MessageFacts } from '../../mail/types.ts';

/** What a row's derived columns hold as stored: KNOWN (its own `r:` key and the bits below) or not. */
const KNOWN = 1;
const COUNTED = 2;
const SENT = 4;
const ECHO = 8;

/** Rows followed at the most: ≈ 100 bytes each (the thread tables' arrays and id digests). */
export const FOLLOWED_ROWS_LIMIT = 100_000;

interface Services {
  store: Store;
  accounts: AccountService;
  messages: MessageCacheService;
}

export class ImportDerivation implements StoredRowsObserver {
  readonly #services: Services;
  readonly #accountId: number;
  readonly #limit: number;
  readonly #identities: string;
  readonly #countSpamTrash: boolean;
  #derivation: AccountDerivation | null;
  /** Per row followed (in storage order): what its derived columns hold as stored (KNOWN…). */
  #stored = new Uint8Array(0);
  /** Per row: the index of the row its stored thread key names (its own unless guessed). */
  #keyIndex = new Int32Array(0);
  /** The rows holding each key, as linked lists (indexes + 1; 0 ends): first by key row, next by row. */
  #firstHolding = new Int32Array(0);
  #nextHolding = new Int32Array(0);
  /** The account's data version after this import's last write. */
  #dataVersion: number;

  /** Follows the account only when it holds no message yet; `limit`: the most rows to follow. */
  constructor(services: Services, accountId: number, limit = FOLLOWED_ROWS_LIMIT) {
    const { accounts, messages } = services;
    this.#services = services;
    this.#accountId = accountId;
    this.#limit = limit;
    const account = accounts.getAccount(accountId);
    this.#identities = JSON.stringify(account.identities);
    this.#countSpamTrash = account.settings.includeSpamTrash;
    this.#dataVersion = accounts.getDataVersion(accountId);
    this.#derivation =
      messages.countMessages(accountId) === 0
        ? new AccountDerivation(account.identities, {
            countSpamTrash: this.#countSpamTrash,
            asOfMs: 0,
            guessing: true,
          })
        : null;
  }

  /** Whether the import still follows the account (tests read it). */
  get following(): boolean {
    return this.#derivation !== null;
  }

  abandon(): void {
    this.#derivation = null;
    this.#stored = new Uint8Array(0);
    this.#keyIndex = new Int32Array(0);
    this.#firstHolding = new Int32Array(0);
    this.#nextHolding = new Int32Array(0);
  }

  /** Call inside each batch's transaction, before it writes: another writer since the last one ends the following. */
  beforeWrite(): void {
    if (
      this.#derivation !== null &&
      this.#services.accounts.getDataVersion(this.#accountId) !== this.#dataVersion
    )
      this.abandon();
  }

  /** Call inside each batch's transaction, after it wrote. */
  afterWrite(): void {
    if (this.#derivation !== null)
      this.#dataVersion = this.#services.accounts.getDataVersion(this.#accountId);
  }

  placed(rowId: number, facts: MessageFacts): number {
    const derivation = this.#derivation;
    if (derivation === null) return rowId;
    if (derivation.size >= this.#limit) {
      this.abandon();
      return rowId;
    }
    derivation.addRow(rowId, facts);
    return derivation.guessedThreadRow(derivation.size - 1);
  }

  inserted(rowId: number, _facts: MessageFacts, columns: ProvisionalColumns | null): void {
    const derivation = this.#derivation;
    if (derivation === null) return;
    const index = derivation.size - 1;
    // Placed just before (a row stored to derive, with a thread id, never is).
    const keyIndex =
      columns === null || index < 0 || derivation.rowIdAt(index) !== rowId
        ? -1
        : derivation.indexOfRow(columns.threadRow);
    if (keyIndex === -1 || columns === null) {
      this.abandon();
      return;
    }
    this.#stored = ensureLength(this.#stored, index + 1);
    this.#keyIndex = ensureLength(this.#keyIndex, index + 1);
    this.#firstHolding = ensureLength(this.#firstHolding, index + 1);
    this.#nextHolding = ensureLength(this.#nextHolding, index + 1);
    this.#stored[index] =
      KNOWN |
      (columns.counted === 1 ? COUNTED : 0) |
      (columns.direction === 'sent' ? SENT : 0) |
      (columns.echo === 1 ? ECHO : 0);
    this.#keyIndex[index] = keyIndex;
    this.#nextHolding[index] = this.#firstHolding[keyIndex]!;
    this.#firstHolding[keyIndex] = index + 1;
  }

  rewritten(): void {
    this.abandon();
  }

  /**
   * A stored row got other labels; the thread key it held was cleared on every row holding it
   * (message-cache-service `#unthread`), so none of them holds what was stored any more.
   */
  readonly relabelled = (rowId: number, labels: readonly string[]): void => {
    const derivation = this.#derivation;
    if (derivation === null) return;
    const index = derivation.indexOfRow(rowId);
    const stored = () => this.#services.messages.derivationInputOf(this.#accountId, rowId);
    if (index === -1 || !derivation.relabel(index, labels, stored)) {
      this.abandon();
      return;
    }
    for (let at = this.#firstHolding[this.#keyIndex[index]!]!; at !== 0; at = this.#nextHolding[at - 1]!)
      this.#stored[at - 1] = 0;
    this.#stored[index] = 0;
  };

  /**
   * Writes the account's derivation from what was followed, in one transaction, and returns the
   * rows written; null, writing nothing, when the import stopped following (derive from the store
   * instead).
   */
  finish(asOfMs: number): number | null {
    const derivation = this.#derivation;
    if (derivation === null) return null;
    this.#derivation = null;
    const { store, accounts, messages } = this.#services;
    const accountId = this.#accountId;
    return store.transaction(() => {
      const account = accounts.getAccount(accountId);
      if (
        accounts.getDataVersion(accountId) !== this.#dataVersion ||
        JSON.stringify(account.identities) !== this.#identities ||
        account.settings.includeSpamTrash !== this.#countSpamTrash ||
        messages.countMessages(accountId) !== derivation.size
      )
        return null;
      derivation.finish(asOfMs);
      const updates: DerivedRow[] = [];
      for (let index = 0; index < derivation.size; index++) {
        const next = derivation.derivedAt(index, null);
        const id = derivation.rowIdAt(index);
        if (!this.#holds(index, derivation.rowIdAt(this.#keyIndex[index]!), next))
          updates.push({ id, ...next });
      }
      this.abandon();
      if (updates.length > 0) messages.updateDerived(accountId, updates);
      accounts.setDerived(accountId, asOfMs, derivation.anySent);
      return updates.length;
    });
  }

  /** Whether the `index`-th row holds `next` as stored; `keyRow`: the row its stored key names. */
  #holds(index: number, keyRow: number, next: DerivedFacts): boolean {
    const stored = this.#stored[index]!;
    return (
      (stored & KNOWN) !== 0 &&
      next.counted === ((stored & COUNTED) !== 0) &&
      next.direction === ((stored & SENT) !== 0 ? 'sent' : 'received') &&
      next.echo === ((stored & ECHO) !== 0) &&
      next.threadKey === `r:${keyRow}`
    );
  }
}
