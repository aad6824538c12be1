import { SENT } from './message-flags.ts';
import type { TextDictionary } from './text-dictionary.ts';

/**
 * The report's threads, numbered in the order their first dated message appears: thread t's
 * messages (dataset indices) are `members[start[t] .. start[t + 1])`, sorted in walk order (time,
 * then received before sent, then storage id). One Int32Array for all of them instead of one
 * array per thread.
 */
export class ThreadIndex {
  readonly count: number;
  readonly start: Int32Array;
  readonly members: Int32Array;
  readonly #keys: ThreadNumbering;
  #numbers: Map<string, number> | null = null;

  private constructor(keys: ThreadNumbering, start: Int32Array, members: Int32Array) {
    this.count = keys.count;
    this.#keys = keys;
    this.start = start;
    this.members = members;
  }

  /** Thread t's key, made when asked: a report lists the keys of a few dozen threads. */
  key(t: number): string {
    return this.#keys.key(t);
  }

  /** The number of the thread with this key (drill-downs); undefined when the report has none. */
  numberOf(key: string): number | undefined {
    if (this.#numbers === null) {
      this.#numbers = new Map();
      for (let t = 0; t < this.count; t++) this.#numbers.set(this.key(t), t);
    }
    return this.#numbers.get(key);
  }

  /**
   * Groups the messages with a thread (`threadOf[i] >= 0`), keeping input order, then sorts each
   * thread in walk order.
   */
  static build(
    keys: ThreadNumbering,
    threadOf: Int32Array,
    time: Float64Array,
    flags: Uint8Array,
    rowId: Float64Array,
  ): ThreadIndex {
    const count = keys.count;
    const start = new Int32Array(count + 1);
    for (let i = 0; i < threadOf.length; i++) if (threadOf[i]! >= 0) start[threadOf[i]! + 1]!++;
    for (let t = 0; t < count; t++) start[t + 1]! += start[t]!;
    const members = new Int32Array(start[count]!);
    const next = start.slice(0, count);
    for (let i = 0; i < threadOf.length; i++) if (threadOf[i]! >= 0) members[next[threadOf[i]!]!++] = i;
    const before = walkOrder(time, flags, rowId);
    for (let t = 0; t < count; t++) sortRun(members, start[t]!, start[t + 1]!, before);
    return new ThreadIndex(keys, start, members);
  }

  /**
   * `previous` with the messages [from, to) added (`threadOf` of each, -1 for none): the threads
   * they join are sorted again, the others' runs copied as they are. Equal to a whole build, which
   * sorts each thread by a total order. Also gives the threads the new messages touched, ascending.
   */
  static patched(
    previous: ThreadIndex,
    keys: ThreadNumbering,
    threadOf: Int32Array,
    from: number,
    to: number,
    order: { time: Float64Array; flags: Uint8Array; rowId: Float64Array },
  ): { threads: ThreadIndex; touched: Int32Array } {
    const count = keys.count;
    const had = previous.count;
    const old = previous.start;
    const added = new Int32Array(count);
    const joined: number[] = [];
    for (let i = from; i < to; i++) {
      const t = threadOf[i]!;
      if (t >= 0 && added[t]!++ === 0) joined.push(t);
    }
    const touched = Int32Array.from(joined).sort();
    // Each thread starts where it did, moved by what the touched threads before it gained.
    const start = new Int32Array(count + 1);
    start.set(old);
    start.fill(old[had]!, had + 1);
    let shift = 0;
    for (let k = 0; k < touched.length; k++) {
      shift += added[touched[k]!]!;
      const end = k + 1 < touched.length ? touched[k + 1]! : count;
      for (let t = touched[k]!; t < end; t++) start[t + 1]! += shift;
    }
    const members = new Int32Array(start[count]!);
    // The old runs, in one copy per stretch that ends with a touched thread (its gain comes after it).
    let stretch = 0;
    for (const t of touched) {
      if (t >= had) break;
      members.set(previous.members.subarray(old[stretch]!, old[t + 1]!), start[stretch]!);
      stretch = t + 1;
    }
    if (stretch < had) members.set(previous.members.subarray(old[stretch]!, old[had]!), start[stretch]!);
    // The new messages after each touched thread's old run, in input order; then sorted.
    for (let i = from; i < to; i++) {
      const t = threadOf[i]!;
      if (t >= 0) members[start[t + 1]! - added[t]!--] = i;
    }
    const before = walkOrder(order.time, order.flags, order.rowId);
    for (const t of touched) sortRun(members, start[t]!, start[t + 1]!, before);
    return { threads: new ThreadIndex(keys, start, members), touched };
  }

  /** The first position in thread t whose message time is at or after `instant`. */
  firstAtOrAfter(t: number, instant: number, time: Float64Array): number {
    let low = this.start[t]!;
    let high = this.start[t + 1]!;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (time[this.members[middle]!]! < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Walk order: time, then received before sent, then storage id (a total order: ids are distinct). */
function walkOrder(time: Float64Array, flags: Uint8Array, rowId: Float64Array) {
  return (a: number, b: number) =>
    time[a]! - time[b]! || (flags[a]! & SENT) - (flags[b]! & SENT) || rowId[a]! - rowId[b]!;
}

/** Stable sort of `values[from, to)`: insertion sort for the short runs most threads are. */
function sortRun(
  values: Int32Array,
  from: number,
  to: number,
  before: (a: number, b: number) => number,
): void {
  if (to - from < 2) return;
  if (to - from > 32) {
    values.subarray(from, to).sort(before);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const value = values[k]!;
    let j = k - 1;
    while (j >= from && before(values[j]!, value) > 0) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}

/**
 * Numbers the threads of a report as their first dated message is met. A report over several
 * accounts namespaces the keys by account (`<account>:<key>`), so threads never cross accounts.
 * Threads are numbered by their stored key's number (and account): a key's text is made only when
 * asked for (`key`), for the few threads a report lists.
 */
export class ThreadNumbering {
  readonly #storedKeys: TextDictionary;
  readonly #namespaced: boolean;
  /** Per account (one entry, 0, for one account): the thread number of each stored key number, -1 = not met yet. */
  readonly #byStoredKey = new Map<number, Int32Array>();
  /** Per thread: its stored key number and account. */
  #storedKey = new Int32Array(1024);
  #account = new Int32Array(1024);
  count = 0;

  constructor(storedKeys: TextDictionary, namespaced: boolean) {
    this.#storedKeys = storedKeys;
    this.#namespaced = namespaced;
  }

  /** The table of #lastAccount: messages come grouped by account, so the map is asked when it changes. */
  #lastAccount = Number.NaN;
  #lastNumbers: Int32Array = new Int32Array(0);

  /** Room for every key the stored keys' dictionary holds now (it grows between loads of one set). */
  reserve(): void {
    const size = this.#storedKeys.size;
    for (const [account, table] of this.#byStoredKey) {
      if (table.length >= size) continue;
      const grown = new Int32Array(size).fill(-1);
      grown.set(table);
      this.#byStoredKey.set(account, grown);
    }
    this.#lastAccount = Number.NaN;
  }

  /** The number of the thread whose stored key is number `storedKey`, in the account. */
  of(accountId: number, storedKey: number): number {
    const account = this.#namespaced ? accountId : 0;
    if (account !== this.#lastAccount) {
      let table = this.#byStoredKey.get(account);
      if (table === undefined) {
        table = new Int32Array(this.#storedKeys.size).fill(-1);
        this.#byStoredKey.set(account, table);
      }
      this.#lastAccount = account;
      this.#lastNumbers = table;
    }
    const numbers = this.#lastNumbers;
    let thread = numbers[storedKey]!;
    if (thread < 0) {
      thread = this.#add(storedKey, accountId);
      numbers[storedKey] = thread;
    }
    return thread;
  }

  /** Thread t's key, namespaced by its account for several accounts. */
  key(t: number): string {
    const stored = this.#storedKeys.text(this.#storedKey[t]!)!;
    return this.#namespaced ? `${this.#account[t]}:${stored}` : stored;
  }

  #add(storedKey: number, accountId: number): number {
    if (this.count === this.#storedKey.length) {
      const grow = (from: Int32Array) => {
        const grown = new Int32Array(from.length * 2);
        grown.set(from);
        return grown;
      };
      this.#storedKey = grow(this.#storedKey);
      this.#account = grow(this.#account);
    }
    this.#storedKey[this.count] = storedKey;
    this.#account[this.count] = accountId;
    return this.count++;
  }
}
