import { type ContactIndex, IDENTITY } from './contacts.ts';

/**
 * Every counted message's recipient contact numbers in one Int32Array: message i's are
 * `pool[start[i] .. start[i] + length[i])`, distinct contacts of To and Cc first (`toCc[i]` of
 * them), then those only in Bcc; identities are left out. Messages with neither Cc nor Bcc whose
 * To list has the same number (see ListDictionary) share one slice, so most messages add nothing
 * to the pool. The pool is made once the set's lists are all numbered.
 */
export class RecipientPool {
  pool = new Int32Array(1024);
  size = 0;
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly toCc: Int32Array;
  readonly #contacts: ContactIndex;
  readonly #lists: ReadonlyArray<readonly string[]>;
  /** The first message of each To list number among messages with neither Cc nor Bcc (-1 = none yet). */
  readonly #firstWith: Int32Array;

  constructor(capacity: number, contacts: ContactIndex, lists: ReadonlyArray<readonly string[]>) {
    this.#lists = lists;
    this.#firstWith = new Int32Array(lists.length).fill(-1);
    this.start = new Int32Array(capacity);
    this.length = new Int32Array(capacity);
    this.toCc = new Int32Array(capacity);
    this.#contacts = contacts;
  }

  /** Records the recipients of message `index`, given its To, Cc and Bcc list numbers. */
  add(index: number, to: number, cc: number, bcc: number): void {
    const alone = cc === 0 && bcc === 0;
    if (alone) {
      const first = this.#firstWith[to]!;
      if (first >= 0) {
        this.start[index] = this.start[first]!;
        this.length[index] = this.length[first]!;
        this.toCc[index] = this.toCc[first]!;
        return;
      }
    }
    const begin = this.size;
    this.#append(begin, this.#lists[to]!);
    this.#append(begin, this.#lists[cc]!);
    const toCc = this.size - begin;
    this.#append(begin, this.#lists[bcc]!);
    this.start[index] = begin;
    this.length[index] = this.size - begin;
    this.toCc[index] = toCc;
    if (alone) this.#firstWith[to] = index;
  }

  #append(begin: number, list: readonly string[]): void {
    for (let k = 0; k < list.length; k++) {
      const id = this.#contacts.intern(list[k]!);
      if (id === IDENTITY || this.#holds(begin, id)) continue;
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
