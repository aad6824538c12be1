import { SENT } from './message-flags.ts';

/**
 * The report's threads, numbered in the order their first dated message appears: thread t's
 * messages (dataset indices) are `members[start[t] .. start[t + 1])`, sorted in walk order (time,
 * then received before sent, then storage id). One Int32Array for all of them instead of one
 * array per thread.
 */
export class ThreadIndex {
  /** Thread key per thread number. */
  readonly keys: readonly string[];
  readonly start: Int32Array;
  readonly members: Int32Array;
  #numbers: Map<string, number> | null = null;

  private constructor(keys: readonly string[], start: Int32Array, members: Int32Array) {
    this.keys = keys;
    this.start = start;
    this.members = members;
  }

  /** The number of the thread with this key (drill-downs); undefined when the report has none. */
  numberOf(key: string): number | undefined {
    this.#numbers ??= new Map(this.keys.map((k, t) => [k, t]));
    return this.#numbers.get(key);
  }

  get count(): number {
    return this.keys.length;
  }

  /**
   * Groups the messages with a thread (`threadOf[i] >= 0`), keeping input order, then sorts each
   * thread in walk order.
   */
  static build(
    keys: readonly string[],
    threadOf: Int32Array,
    time: Float64Array,
    flags: Uint8Array,
    rowId: Float64Array,
  ): ThreadIndex {
    const start = new Int32Array(keys.length + 1);
    for (let i = 0; i < threadOf.length; i++) if (threadOf[i]! >= 0) start[threadOf[i]! + 1]!++;
    for (let t = 0; t < keys.length; t++) start[t + 1]! += start[t]!;
    const members = new Int32Array(start[keys.length]!);
    const next = start.slice(0, keys.length);
    for (let i = 0; i < threadOf.length; i++) if (threadOf[i]! >= 0) members[next[threadOf[i]!]!++] = i;
    const before = (a: number, b: number) =>
      time[a]! - time[b]! || (flags[a]! & SENT) - (flags[b]! & SENT) || rowId[a]! - rowId[b]!;
    for (let t = 0; t < keys.length; t++) sortRun(members, start[t]!, start[t + 1]!, before);
    return new ThreadIndex(keys, start, members);
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
 */
export class ThreadNumbering {
  readonly keys: string[] = [];
  readonly #storedKeys: readonly string[];
  /** One account: the thread number of each stored key number (-1 = not met yet). */
  readonly #byStoredKey: Int32Array;
  /** Several accounts: the number of each namespaced key; null for one account. */
  readonly #namespaced: Map<string, number> | null;

  constructor(storedKeys: readonly string[], namespaced: boolean) {
    this.#storedKeys = storedKeys;
    this.#byStoredKey = new Int32Array(namespaced ? 0 : storedKeys.length).fill(-1);
    this.#namespaced = namespaced ? new Map() : null;
  }

  /** The number of the thread whose stored key is number `storedKey`, in the account. */
  of(accountId: number, storedKey: number): number {
    if (this.#namespaced === null) {
      let thread = this.#byStoredKey[storedKey]!;
      if (thread < 0) {
        thread = this.keys.length;
        this.keys.push(this.#storedKeys[storedKey]!);
        this.#byStoredKey[storedKey] = thread;
      }
      return thread;
    }
    const key = `${accountId}:${this.#storedKeys[storedKey]}`;
    let thread = this.#namespaced.get(key);
    if (thread === undefined) {
      thread = this.keys.length;
      this.keys.push(key);
      this.#namespaced.set(key, thread);
    }
    return thread;
  }
}
