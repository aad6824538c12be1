import { AUTOMATED, SENT } from './message-flags.ts';
import type { ThreadIndex } from './thread-index.ts';

/**
 * Waits and the messages that ended them, as parallel arrays: pair k opened with dataset message
 * `opening[k]` and closed with `closing[k]` (whose time is `closingTime[k]`) after `delay[k]` ms;
 * `contact[k]` is the opener's sender for my replies, the answering contact for theirs. A pair
 * belongs to a range by its closing message's time.
 */
export interface ReplyPairs {
  count: number;
  opening: Int32Array;
  closing: Int32Array;
  openingTime: Float64Array;
  closingTime: Float64Array;
  delay: Float64Array;
  contact: Int32Array;
}

export const replyWalkDefinition =
  "Each thread's counted dated messages are walked in time order (all of them, whatever the range; ties: received before sent, then storage order). A received message that is not automated and whose sender is a contact opens a wait on you if none is open; your next non-automated sent message closes it. A non-automated sent message opens a wait on them if none is open; the next non-automated received message from a contact closes it. Delay = closing time − opening time; pairs with delay ≤ 0 are dropped. A pair belongs to the range holding its closing message.";

type PairColumns = Omit<ReplyPairs, 'count'>;

/** Each column of a pair and its array type: the one list the builder grows, copies and trims. */
const PAIR_TYPES = {
  opening: Int32Array,
  closing: Int32Array,
  openingTime: Float64Array,
  closingTime: Float64Array,
  delay: Float64Array,
  contact: Int32Array,
} as const;
const PAIR_COLUMNS = Object.keys(PAIR_TYPES) as Array<keyof PairColumns>;

/** New columns of `capacity` rows, holding the first `count` rows of `from` when given. */
function pairColumns(capacity: number, from?: PairColumns, count = 0): PairColumns {
  const columns: Partial<Record<keyof PairColumns, Int32Array | Float64Array>> = {};
  for (const name of PAIR_COLUMNS) {
    const column = new PAIR_TYPES[name](capacity);
    if (from !== undefined) column.set(from[name].subarray(0, count));
    columns[name] = column;
  }
  return columns as PairColumns;
}

/** Pairs gathered straight into typed arrays (doubled when full): no boxed numbers, no copy per array. */
class PairsBuilder {
  count = 0;
  #columns: PairColumns;

  constructor(capacity = 1024) {
    this.#columns = pairColumns(capacity);
  }

  add(opening: number, closing: number, openingTime: number, closingTime: number, contact: number): void {
    if (this.count === this.#columns.opening.length) this.#grow(this.count * 2);
    const k = this.count++;
    const columns = this.#columns;
    columns.opening[k] = opening;
    columns.closing[k] = closing;
    columns.openingTime[k] = openingTime;
    columns.closingTime[k] = closingTime;
    columns.delay[k] = closingTime - openingTime;
    columns.contact[k] = contact;
  }

  /** Pairs [from, to) of `pairs`, as they are. */
  copy(pairs: ReplyPairs, from: number, to: number): void {
    if (to <= from) return;
    if (this.count + to - from > this.#columns.opening.length)
      this.#grow(Math.max(this.count * 2, this.count + to - from));
    for (const name of PAIR_COLUMNS) this.#columns[name].set(pairs[name].subarray(from, to), this.count);
    this.count += to - from;
  }

  #grow(size: number): void {
    this.#columns = pairColumns(size, this.#columns, this.count);
  }

  /** The pairs, in columns trimmed to them (a copy: a whole walk's columns may be twice as long). */
  build(): ReplyPairs {
    return { count: this.count, ...pairColumns(this.count, this.#columns, this.count) };
  }

  /** The pairs as views of the columns, without the copy: when the columns were sized for them. */
  views(): ReplyPairs {
    const columns: Partial<Record<keyof PairColumns, Int32Array | Float64Array>> = {};
    for (const name of PAIR_COLUMNS) columns[name] = this.#columns[name].subarray(0, this.count);
    return { count: this.count, ...(columns as PairColumns) };
  }
}

/** What the walk reads of each message: time, flags (SENT, AUTOMATED) and sender contact. */
export interface WalkFacts {
  time: Float64Array;
  flags: Uint8Array;
  contact: Int32Array;
}

/** Walks thread t, adding the pairs it closes to `mine` and `theirs`. */
function walkThread(
  t: number,
  threads: ThreadIndex,
  facts: WalkFacts,
  mine: PairsBuilder,
  theirs: PairsBuilder,
) {
  const { start, members } = threads;
  const { time, flags, contact } = facts;
  let waitingOnMe = -1;
  let waitingOnThem = -1;
  for (let k = start[t]!; k < start[t + 1]!; k++) {
    const i = members[k]!;
    const flag = flags[i]!;
    if ((flag & AUTOMATED) !== 0) continue;
    if ((flag & SENT) !== 0) {
      if (waitingOnMe >= 0) {
        if (time[i]! - time[waitingOnMe]! > 0)
          mine.add(waitingOnMe, i, time[waitingOnMe]!, time[i]!, contact[waitingOnMe]!);
        waitingOnMe = -1;
      }
      if (waitingOnThem < 0) waitingOnThem = i;
    } else if (contact[i]! >= 0) {
      if (waitingOnThem >= 0) {
        if (time[i]! - time[waitingOnThem]! > 0)
          theirs.add(waitingOnThem, i, time[waitingOnThem]!, time[i]!, contact[i]!);
        waitingOnThem = -1;
      }
      if (waitingOnMe < 0) waitingOnMe = i;
    }
  }
}

/** Figures 6 and 7: one walk of every thread, giving my reply pairs and theirs. */
export function walkThreads(
  threads: ThreadIndex,
  facts: WalkFacts,
): { mine: ReplyPairs; theirs: ReplyPairs } {
  const mine = new PairsBuilder();
  const theirs = new PairsBuilder();
  for (let t = 0; t < threads.count; t++) walkThread(t, threads, facts, mine, theirs);
  return { mine: mine.build(), theirs: theirs.build() };
}

/**
 * The walk after messages joined the threads `touched` (ascending): those threads are walked
 * again, every other thread's pairs are kept, and the pairs stay in thread order, as a whole walk
 * gives them. `threadOf` names each message's thread.
 */
export function walkTouchedThreads(
  previous: { mine: ReplyPairs; theirs: ReplyPairs },
  threads: ThreadIndex,
  touched: Int32Array,
  threadOf: Int32Array,
  facts: WalkFacts,
): { mine: ReplyPairs; theirs: ReplyPairs } {
  return {
    mine: keptAndWalked(previous.mine, true, threads, touched, threadOf, facts),
    theirs: keptAndWalked(previous.theirs, false, threads, touched, threadOf, facts),
  };
}

/** One side's pairs (mine or theirs): the kept ones copied in stretches, the touched threads' walked again in their place. */
function keptAndWalked(
  old: ReplyPairs,
  mine: boolean,
  threads: ThreadIndex,
  touched: Int32Array,
  threadOf: Int32Array,
  facts: WalkFacts,
): ReplyPairs {
  const out = new PairsBuilder(old.count + 1024);
  const otherSide = new PairsBuilder(16);
  // Pairs are in thread order: the first pair of a thread at or after t, by bisection.
  const firstPairFrom = (t: number, low: number): number => {
    let high = old.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (threadOf[old.opening[middle]!]! < t) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let k = 0;
  for (const t of touched) {
    const first = firstPairFrom(t, k);
    out.copy(old, k, first);
    k = firstPairFrom(t + 1, first);
    if (mine) walkThread(t, threads, facts, out, otherSide);
    else walkThread(t, threads, facts, otherSide, out);
  }
  out.copy(old, k, old.count);
  // Sized for the old pairs and a thousand more: trimming would copy every pair a second time.
  return out.count <= old.count + 1024 ? out.views() : out.build();
}

/** The ranges asked of each set of pairs lately, with their answers (shared: read-only). */
const ranges = new WeakMap<ReplyPairs, Array<{ from: number; to: number; inside: Int32Array }>>();

/**
 * The pairs (indices into `pairs`) whose closing message lies in [from, to), in pair order. A
 * report asks the same range of each side three times (response times, working hours,
 * relationships), a pass over every pair each: the last few answers are kept with the pairs.
 * Callers only read the answer.
 */
export function pairsInRange(pairs: ReplyPairs, from: number, to: number): Int32Array {
  const asked = ranges.get(pairs) ?? [];
  ranges.set(pairs, asked);
  const known = asked.find((entry) => Object.is(entry.from, from) && Object.is(entry.to, to));
  if (known !== undefined) return known.inside;
  const { closingTime } = pairs;
  let count = 0;
  for (let k = 0; k < pairs.count; k++) if (closingTime[k]! >= from && closingTime[k]! < to) count++;
  const inside = new Int32Array(count);
  for (let k = 0, at = 0; at < count; k++)
    if (closingTime[k]! >= from && closingTime[k]! < to) inside[at++] = k;
  asked.push({ from, to, inside });
  if (asked.length > 4) asked.shift();
  return inside;
}

/** The delays of the pairs `inside`, in its order (read only: the figures of one range share them). */
const delaysByList = new WeakMap<Int32Array, Float64Array>();

/**
 * The delay of each pair of `inside` (a list {@link pairsInRange} answered for `pairs`), in its
 * order: response times, relationships and the comparison ask the same range's, so they are made
 * once per list.
 */
export function delaysOf(pairs: ReplyPairs, inside: Int32Array): Float64Array {
  let values = delaysByList.get(inside);
  if (values === undefined) {
    const { delay } = pairs;
    values = new Float64Array(inside.length);
    for (let j = 0; j < inside.length; j++) values[j] = delay[inside[j]!]!;
    delaysByList.set(inside, values);
  }
  return values;
}

/** The contact of each pair of `inside`, in its order. */
export function contactsOfPairs(pairs: ReplyPairs, inside: Int32Array): Int32Array {
  const contacts = new Int32Array(inside.length);
  for (let j = 0; j < inside.length; j++) contacts[j] = pairs.contact[inside[j]!]!;
  return contacts;
}
