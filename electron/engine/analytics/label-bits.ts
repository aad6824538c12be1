import type { ListDictionary } from './list-column.ts';

/**
 * The two labels whose presence the figures test per message (awaiting's INBOX, newsletters'
 * UNREAD), found once per label list instead of by a string search per message.
 */
export const IN_INBOX = 1;
export const IS_UNREAD = 2;

/**
 * INBOX and UNREAD of each list number of `lists`, found once per distinct item (label id), not per
 * list; the bits of the lists `known` already covers are taken from it (a dictionary only grows).
 */
export function labelBitsOf(lists: ListDictionary, known: Uint8Array = new Uint8Array(0)): Uint8Array {
  const items = lists.items.texts;
  const itemBits = new Uint8Array(items.length);
  for (let item = 0; item < items.length; item++)
    itemBits[item] = items[item] === 'INBOX' ? IN_INBOX : items[item] === 'UNREAD' ? IS_UNREAD : 0;
  const { itemStart, itemOf } = lists;
  const bits = new Uint8Array(itemStart.length - 1);
  bits.set(known.subarray(0, bits.length));
  for (let list = known.length; list < bits.length; list++) {
    let listBits = 0;
    for (let k = itemStart[list]!; k < itemStart[list + 1]!; k++) listBits |= itemBits[itemOf[k]!]!;
    bits[list] = listBits;
  }
  return bits;
}

/**
 * The accounts with a message in INBOX, and with an UNREAD one (where those tests apply), noted
 * message by message. Messages come grouped by account, so the sets are asked only when the
 * account changes, not once per message.
 */
export class AccountLabels {
  readonly inbox = new Set<number>();
  readonly unread = new Set<number>();
  #account = Number.NaN;
  /** The bits already noted for #account. */
  #noted = 0;

  note(account: number, bits: number): void {
    if (account !== this.#account) {
      this.#account = account;
      this.#noted = (this.inbox.has(account) ? IN_INBOX : 0) | (this.unread.has(account) ? IS_UNREAD : 0);
    }
    const fresh = bits & ~this.#noted;
    if (fresh === 0) return;
    if ((fresh & IN_INBOX) !== 0) this.inbox.add(account);
    if ((fresh & IS_UNREAD) !== 0) this.unread.add(account);
    this.#noted |= fresh;
  }
}
