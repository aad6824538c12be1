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

/** Pairs gathered straight into typed arrays (doubled when full): no boxed numbers, no copy per array. */
class PairsBuilder {
  count = 0;
  opening = new Int32Array(1024);
  closing = new Int32Array(1024);
  delay = new Float64Array(1024);
  contact = new Int32Array(1024);

  add(opening: number, closing: number, delay: number, contact: number): void {
    if (this.count === this.opening.length) this.#grow();
    const k = this.count++;
    this.opening[k] = opening;
    this.closing[k] = closing;
    this.delay[k] = delay;
    this.contact[k] = contact;
  }

  #grow(): void {
    const size = this.opening.length * 2;
    const grown = <T extends Int32Array | Float64Array>(from: T, into: T): T => {
      into.set(from);
      return into;
    };
    this.opening = grown(this.opening, new Int32Array(size));
    this.closing = grown(this.closing, new Int32Array(size));
    this.delay = grown(this.delay, new Float64Array(size));
    this.contact = grown(this.contact, new Int32Array(size));
  }

  build(time: Float64Array): ReplyPairs {
    const count = this.count;
    const opening = this.opening.slice(0, count);
    const closing = this.closing.slice(0, count);
    const openingTime = new Float64Array(count);
    const closingTime = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      openingTime[k] = time[opening[k]!]!;
      closingTime[k] = time[closing[k]!]!;
    }
    return {
      count,
      opening,
      closing,
      openingTime,
      closingTime,
      delay: this.delay.slice(0, count),
      contact: this.contact.slice(0, count),
    };
  }
}

/** Figures 6 and 7: one walk of every thread, giving my reply pairs and theirs. */
export function walkThreads(
  threads: ThreadIndex,
  time: Float64Array,
  flags: Uint8Array,
  contact: Int32Array,
): { mine: ReplyPairs; theirs: ReplyPairs } {
  const mine = new PairsBuilder();
  const theirs = new PairsBuilder();
  const { start, members } = threads;
  for (let t = 0; t < threads.count; t++) {
    let waitingOnMe = -1;
    let waitingOnThem = -1;
    for (let k = start[t]!; k < start[t + 1]!; k++) {
      const i = members[k]!;
      const flag = flags[i]!;
      if ((flag & AUTOMATED) !== 0) continue;
      if ((flag & SENT) !== 0) {
        if (waitingOnMe >= 0) {
          const delay = time[i]! - time[waitingOnMe]!;
          if (delay > 0) mine.add(waitingOnMe, i, delay, contact[waitingOnMe]!);
          waitingOnMe = -1;
        }
        if (waitingOnThem < 0) waitingOnThem = i;
      } else if (contact[i]! >= 0) {
        if (waitingOnThem >= 0) {
          const delay = time[i]! - time[waitingOnThem]!;
          if (delay > 0) theirs.add(waitingOnThem, i, delay, contact[i]!);
          waitingOnThem = -1;
        }
        if (waitingOnMe < 0) waitingOnMe = i;
      }
    }
  }
  return { mine: mine.build(time), theirs: theirs.build(time) };
}

/** The pairs (indices into `pairs`) whose closing message lies in [from, to), in pair order. */
export function pairsInRange(pairs: ReplyPairs, from: number, to: number): Int32Array {
  const { closingTime } = pairs;
  let count = 0;
  for (let k = 0; k < pairs.count; k++) if (closingTime[k]! >= from && closingTime[k]! < to) count++;
  const inside = new Int32Array(count);
  for (let k = 0, at = 0; at < count; k++)
    if (closingTime[k]! >= from && closingTime[k]! < to) inside[at++] = k;
  return inside;
}

/** A value per pair of `inside`, in its order (the delay, the working time, …). */
export function perPair(inside: Int32Array, pairValue: (k: number) => number): Float64Array {
  const values = new Float64Array(inside.length);
  for (let j = 0; j < inside.length; j++) values[j] = pairValue(inside[j]!);
  return values;
}

/** The contact of each pair of `inside`, in its order. */
export function contactsOfPairs(pairs: ReplyPairs, inside: Int32Array): Int32Array {
  const contacts = new Int32Array(inside.length);
  for (let j = 0; j < inside.length; j++) contacts[j] = pairs.contact[inside[j]!]!;
  return contacts;
}
