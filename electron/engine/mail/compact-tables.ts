/**
 * Compact tables for whole-mailbox passes (duplicate merge, thread reconstruction) that must stay
 * small at a million messages: strings are kept as 64-bit digests in typed arrays instead of as
 * string keys of a Map (a string key costs ~100 bytes; a digest slot costs 12).
 *
 * Equal strings always get equal digests. Different strings share a digest with probability
 * ~n²/2⁶⁵ for n distinct strings (about 3 in 10⁸ at a million), which these passes accept.
 */

type Growable = Int32Array | Uint32Array | Float64Array | Uint8Array;

/** `array`, or a copy at least `length` long (doubling), so appends cost amortised O(1). */
export function ensureLength<T extends Growable>(array: T, length: number): T {
  if (length <= array.length) return array;
  let size = Math.max(16, array.length);
  while (size < length) size *= 2;
  const grown = new (array.constructor as new (size: number) => T)(size);
  grown.set(array);
  return grown;
}

let digestHigh = 0;
let digestLow = 0;

/** The 64-bit digest of `text` as [high, low] words, written into `into` (no allocation per call). */
export function digestInto(text: string, into: Uint32Array): void {
  digest(text);
  into[0] = digestHigh;
  into[1] = digestLow;
}

/** cyrb53's mixing kept at 64 bits: sets digestHigh / digestLow. */
function digest(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  digestHigh = h2 >>> 0;
  digestLow = h1 >>> 0;
}

const EMPTY = -1;
const MAX_LOAD = 0.75;

/** string → non-negative integer, keyed by the string's 64-bit digest (open addressing). */
export class DigestMap {
  #high: Uint32Array;
  #low: Uint32Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  constructor(expected = 0) {
    let capacity = 64;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.#high = new Uint32Array(capacity);
    this.#low = new Uint32Array(capacity);
    this.#values = new Int32Array(capacity).fill(EMPTY);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** The value stored for `key`, or -1. */
  get(key: string): number {
    digest(key);
    return this.#values[this.#slot(digestHigh, digestLow)]!;
  }

  /** The value stored for `key`; when there is none, stores `value` and returns -1. */
  getOrSet(key: string, value: number): number {
    digest(key);
    const slot = this.#slot(digestHigh, digestLow);
    const found = this.#values[slot]!;
    if (found !== EMPTY) return found;
    this.#put(slot, digestHigh, digestLow, value);
    return EMPTY;
  }

  /** The dense id of `key` (0, 1, 2… in first-seen order). */
  intern(key: string): number {
    const found = this.getOrSet(key, this.#size);
    return found === EMPTY ? this.#size - 1 : found;
  }

  #slot(high: number, low: number): number {
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & this.#mask;
    while (this.#values[slot] !== EMPTY && (this.#low[slot] !== low || this.#high[slot] !== high)) {
      slot = (slot + 1) & this.#mask;
    }
    return slot;
  }

  #put(slot: number, high: number, low: number, value: number): void {
    this.#high[slot] = high;
    this.#low[slot] = low;
    this.#values[slot] = value;
    this.#size += 1;
    if (this.#size > this.#values.length * MAX_LOAD) this.#grow();
  }

  #grow(): void {
    const high = this.#high;
    const low = this.#low;
    const values = this.#values;
    const capacity = values.length * 2;
    this.#high = new Uint32Array(capacity);
    this.#low = new Uint32Array(capacity);
    this.#values = new Int32Array(capacity).fill(EMPTY);
    this.#mask = capacity - 1;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === EMPTY) continue;
      const slot = this.#slot(high[i]!, low[i]!);
      this.#high[slot] = high[i]!;
      this.#low[slot] = low[i]!;
      this.#values[slot] = values[i]!;
    }
  }
}
