/**
 * What an import stores as a reconstructed message's derivation, so that the whole-account pass
 * after it (derive-account.ts) rewrites only the rows whose derivation differs (docs/store.md
 * "Deriving what changed"). A message without a provider thread id is stored as a thread of its
 * own (`r:` + its row id) with its counted, direction and echo worked out from itself, the
 * account's identities, its spam/trash setting and whether a message with the SENT label was
 * seen. Most reconstructed messages open their thread (four in five of the Enron users'), so
 * most rows are right as stored, and the pass after the import writes a fifth of them, not all.
 */
import { factsFromFlags, identitySet, ownFlags } from '../mail/derive.ts';
import type { MessageFacts } from '../mail/types.ts';

/** The derived columns of a reconstructed message as stored before its account is derived whole. */
export interface ProvisionalColumns {
  counted: 0 | 1;
  direction: 'sent' | 'received';
  echo: 0 | 1;
  /** Its thread key is `r:` + this row id: its own, or the one the import's own derivation guessed. */
  threadRow: number;
}

/**
 * Told of every row the import writes, in storage order, so that it can follow the account's
 * derivation as the rows arrive (sources/import/import-derivation.ts).
 */
export interface StoredRowsObserver {
  /** A new reconstructed row about to be inserted at `rowId`: the row id its thread key names. */
  placed(rowId: number, facts: MessageFacts): number;
  /** A new row; `columns` are its provisional ones, null when it was stored to derive (a thread id). */
  inserted(rowId: number, facts: MessageFacts, columns: ProvisionalColumns | null): void;
  /** A message of the batch was stored already: its row was written again. */
  rewritten(): void;
}

export class ProvisionalDerivation {
  readonly #own: ReadonlySet<string>;
  readonly #countSpamTrash: boolean;
  readonly #observer: StoredRowsObserver | null;
  #anySent: boolean;

  /** `anySent`: whether a stored message of the account has the SENT label already. */
  constructor(
    identities: readonly string[],
    countSpamTrash: boolean,
    anySent: boolean,
    observer: StoredRowsObserver | null = null,
  ) {
    this.#own = identitySet(identities);
    this.#countSpamTrash = countSpamTrash;
    this.#anySent = anySent;
    this.#observer = observer;
  }

  /** Whoever follows the rows written (the import's own derivation), if anyone does. */
  get observer(): StoredRowsObserver | null {
    return this.#observer;
  }

  /**
   * The columns of the message to be stored at `rowId`; told in storage order, so a SENT label
   * seen counts for what follows.
   */
  columnsOf(facts: MessageFacts, rowId: number): ProvisionalColumns {
    if (!this.#anySent && facts.labels.includes('SENT')) this.#anySent = true;
    const derived = factsFromFlags(ownFlags(facts, this.#own, this.#countSpamTrash), this.#anySent, '');
    return {
      counted: derived.counted ? 1 : 0,
      direction: derived.direction,
      echo: derived.echo ? 1 : 0,
      threadRow: this.#observer === null ? rowId : this.#observer.placed(rowId, facts),
    };
  }
}
