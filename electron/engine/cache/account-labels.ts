/**
 * An account's labels as bits (migrations/007_label_bits.sql, docs/store.md "Labels"): each label
 * id the account stores is numbered once, in the order it is first stored, and a message's labels
 * are stored as one integer beside their JSON list. Bits 0–52 (a JavaScript number holds them
 * exactly); a label numbered past those has no bit, and a filter by it reads the JSON lists.
 *
 * Read again in each write transaction (a few rows), never kept between them: another process may
 * number a label of the same account meanwhile, and a forgotten account's id can be given again.
 */
import type { Store } from '../db/store.ts';

export const LABEL_BITS = 53;

export function prepareLabelStatements(store: Store) {
  return {
    numbered: store.prepare<{ label: string; bit: number | null }>(
      'SELECT label, bit FROM account_labels WHERE account_id = ?',
    ),
    number: store.prepare('INSERT INTO account_labels (account_id, label, bit) VALUES (?, ?, ?)'),
    bitOf: store.prepare<{ bit: number | null }>(
      'SELECT bit FROM account_labels WHERE account_id = ? AND label = ?',
    ),
  };
}

export type LabelStatements = ReturnType<typeof prepareLabelStatements>;

/** Where a label stands in an account: its bit, no bit (numbered past the 53), or never stored. */
export type LabelBit = number | 'unbitted' | 'unknown';

export function labelBitOf(sql: LabelStatements, accountId: number, label: string): LabelBit {
  const row = sql.bitOf.get(accountId, label);
  if (row === undefined) return 'unknown';
  return row.bit ?? 'unbitted';
}

/** The value of one bit (2^bit), as bound in a `label_bits & ?` test. */
export function bitValue(bit: number): number {
  return 2 ** bit;
}

/** One account's numbering within one write transaction: numbers labels it has not seen yet. */
export class AccountLabels {
  readonly #sql: LabelStatements;
  readonly #accountId: number;
  readonly #bits = new Map<string, number | null>();
  #next = 0;

  constructor(sql: LabelStatements, accountId: number) {
    this.#sql = sql;
    this.#accountId = accountId;
    for (const row of sql.numbered.all(accountId)) {
      this.#bits.set(row.label, row.bit);
      if (row.bit !== null) this.#next = Math.max(this.#next, row.bit + 1);
    }
  }

  /** The labels' bits as one integer, numbering the new ones. */
  bitsOf(labels: readonly string[]): number {
    let bits = 0;
    for (let index = 0; index < labels.length; index++) {
      const label = labels[index]!;
      // A label listed twice counts once (the sum of distinct powers of two is their OR).
      if (labels.indexOf(label) !== index) continue;
      const bit = this.#bitOf(label);
      if (bit !== null) bits += bitValue(bit);
    }
    return bits;
  }

  #bitOf(label: string): number | null {
    const known = this.#bits.get(label);
    if (known !== undefined) return known;
    const bit = this.#next < LABEL_BITS ? this.#next : null;
    this.#sql.number.run(this.#accountId, label, bit);
    this.#bits.set(label, bit);
    if (bit !== null) this.#next = bit + 1;
    return bit;
  }
}
