import { type ContactIndex, IDENTITY } from './contacts.ts';
import type { ListDictionary } from './list-column.ts';

const UNSEEN = -3;

/** `values` with at least `length` entries, the new ones `fill` (the same array when it is long enough). */
function grownTo(values: Int32Array, length: number, fill: number): Int32Array {
  if (values.length >= length) return values;
  const grown = new Int32Array(length);
  grown.set(values);
  if (fill !== 0) grown.fill(fill, values.length);
  return grown;
}

/**
 * Every counted message's recipient contact numbers in one Int32Array: message i's are
 * `pool[start[i] .. start[i] + length[i])`, distinct contacts of To and Cc first (`toCc[i]` of
 * them), then those only in Bcc; identities are left out. Messages whose To, Cc and Bcc lists have
 * the same numbers (see ListDictionary) share one slice, so most messages add nothing to the pool. The pool is made once the set's lists are all numbered.
 */
export class RecipientPool {
  pool = new Int32Array(1024);
  size = 0;
  start: Int32Array;
  length: Int32Array;
  toCc: Int32Array;
  readonly #contacts: ContactIndex;
  /** The lists' items, as ListDictionary numbers them (the pool is made once they are all numbered). */
  #itemStart: Int32Array;
  #itemOf: Int32Array;
  #items: readonly string[];
  /** Each list item's contact number (IDENTITY for an identity), looked up once per address (UNSEEN until then). */
  #itemContact: Int32Array;
  /**
   * The slice of each To list number for messages with neither Cc nor Bcc (start -1 = none yet),
   * indexed by list so that sharing it reads a small array, not a random earlier message's entry.
   */
  #aloneStart: Int32Array;
  #aloneLength: Int32Array;
  /**
   * Each list number's contact numbers, once resolved (see #resolve): `#listContacts[#listStart[l] ..
   * + #listLength[l])`, start -1 until then. One array for all lists, not one per list.
   */
  #listStart: Int32Array;
  #listLength: Int32Array;
  #listContacts = new Int32Array(1024);
  #listContactsSize = 0;

  constructor(capacity: number, contacts: ContactIndex, lists: ListDictionary) {
    this.#itemStart = lists.itemStart;
    this.#itemOf = lists.itemOf;
    this.#items = lists.items.texts;
    this.#itemContact = new Int32Array(lists.items.texts.length).fill(UNSEEN);
    this.#aloneStart = new Int32Array(lists.lists.length).fill(-1);
    this.#aloneLength = new Int32Array(lists.lists.length);
    this.#listStart = new Int32Array(lists.lists.length).fill(-1);
    this.#listLength = new Int32Array(lists.lists.length);
    this.start = new Int32Array(capacity);
    this.length = new Int32Array(capacity);
    this.toCc = new Int32Array(capacity);
    this.#contacts = contacts;
  }

  /**
   * Room for `capacity` messages and for every list and item of `lists` (the dictionary the pool
   * was made with, grown since): a kept dataset appends the messages stored after it
   * (dataset-rows.ts). Slices already in the pool stay where they are.
   */
  reserve(capacity: number, lists: ListDictionary): void {
    if (capacity > this.start.length) {
      this.start = grownTo(this.start, capacity, 0);
      this.length = grownTo(this.length, capacity, 0);
      this.toCc = grownTo(this.toCc, capacity, 0);
    }
    this.#itemStart = lists.itemStart;
    this.#itemOf = lists.itemOf;
    this.#items = lists.items.texts;
    this.#itemContact = grownTo(this.#itemContact, this.#items.length, UNSEEN);
    const count = lists.lists.length;
    this.#aloneStart = grownTo(this.#aloneStart, count, -1);
    this.#aloneLength = grownTo(this.#aloneLength, count, 0);
    this.#listStart = grownTo(this.#listStart, count, -1);
    this.#listLength = grownTo(this.#listLength, count, 0);
  }

  /** Records the recipients of message `index`, given its To, Cc and Bcc list numbers. */
  add(index: number, to: number, cc: number, bcc: number): void {
    const alone = cc === 0 && bcc === 0;
    if (alone && this.#aloneStart[to]! >= 0) {
      this.start[index] = this.#aloneStart[to]!;
      this.length[index] = this.#aloneLength[to]!;
      this.toCc[index] = this.#aloneLength[to]!;
      return;
    }
    const begin = this.size;
    this.#append(begin, to);
    this.#append(begin, cc);
    const toCc = this.size - begin;
    this.#append(begin, bcc);
    this.start[index] = begin;
    this.length[index] = this.size - begin;
    this.toCc[index] = toCc;
    if (alone) {
      this.#aloneStart[to] = begin;
      this.#aloneLength[to] = toCc;
    }
  }

  /**
   * Works out the contact numbers of list number `list` (identities left out) the first time the
   * list is met, each address interned the first time any list carries it: contacts are still
   * numbered in the order the messages meet them.
   */
  #resolve(list: number): void {
    const first = this.#itemStart[list]!;
    const end = this.#itemStart[list + 1]!;
    if (this.#listContactsSize + (end - first) > this.#listContacts.length) {
      const grown = new Int32Array(
        Math.max(this.#listContacts.length * 2, this.#listContactsSize + end - first),
      );
      grown.set(this.#listContacts);
      this.#listContacts = grown;
    }
    const begin = this.#listContactsSize;
    for (let k = first; k < end; k++) {
      const item = this.#itemOf[k]!;
      let id = this.#itemContact[item]!;
      if (id === UNSEEN) {
        id = this.#contacts.intern(this.#items[item]!);
        this.#itemContact[item] = id;
      }
      if (id !== IDENTITY) this.#listContacts[this.#listContactsSize++] = id;
    }
    this.#listStart[list] = begin;
    this.#listLength[list] = this.#listContactsSize - begin;
  }

  #append(begin: number, list: number): void {
    if (list === 0) return;
    if (this.#listStart[list]! < 0) this.#resolve(list);
    const ids = this.#listContacts;
    for (let k = this.#listStart[list]!, end = k + this.#listLength[list]!; k < end; k++) {
      const id = ids[k]!;
      if (this.#holds(begin, id)) continue;
      if (this.size === this.pool.length) {
        const grown = new Int32Array(this.pool.length * 2);
        grown.set(this.pool);
        this.pool = grown;
      }
      this.pool[this.size++] = id;
    }
  }

  #holds(begin: number, id: number): boolean {
    for (let k = begin; k < this.size; k++) if (this.pool[k] === id) return true;
    return false;
  }
}
