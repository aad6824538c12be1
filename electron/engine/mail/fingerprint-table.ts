/**
 * A multimap from string keys to non-negative integers that holds no string: a slot is 8 bytes,
 * the key's 32-bit fingerprint and its value. A lookup therefore gives candidates, the values
 * stored under any key of the same fingerprint (and segment); the caller confirms each against
 * the real key where that is kept (for the duplicate merger, the stored message), so a shared
 * fingerprint never makes two different keys equal. Keys are told apart by 38 bits (6 choose the
 * segment, 32 are the fingerprint): at a million keys about one lookup in 100,000 meets a stranger.
 *
 * The slots are split into SEGMENTS tables, each grown on its own, so the table never holds an
 * old and a new copy of all its slots at once (one table doubling from 32 to 64 MB holds 96 MB
 * for a moment; a segment's growth holds 1/SEGMENTS of that).
 *
 * A segment grows by a quarter, not by doubling: a key's home slot is its fingerprint scaled to
 * the segment's size (any size, not only powers of two), so the slots stay 64–80 % full and a
 * key costs 10–12.5 bytes. Doubling left them 37.5–75 % full (up to 21 bytes a key): at a million
 * messages (two million keys) 32 MB where 21 MB now do. Linear probing at 80 % looks at ≈ 13 slots
 * for an absent key instead of ≈ 3, which at a million messages is tens of milliseconds of a
 * minutes-long import.
 */
import { digestInto } from './compact-tables.ts';

const SEGMENT_BITS = 6;
const SEGMENTS = 1 << SEGMENT_BITS;
const FIRST_SLOTS = 16;
const MAX_LOAD = 0.8;
const GROWTH = 1.25;
const TWO_TO_32 = 2 ** 32;

/** The 64-bit digest of a key as [high, low]; the default is compact-tables'. Replaced in tests only. */
export type KeyDigest = (key: string, into: Uint32Array) => void;

export class FingerprintTable {
  /** Per segment, two words a slot: the fingerprint, then the value + 1 (0: empty). */
  readonly #segments: Uint32Array[] = [];
  readonly #sizes = new Int32Array(SEGMENTS);
  readonly #digest: KeyDigest;
  readonly #words = new Uint32Array(2);
  #cursorSlots: Uint32Array = new Uint32Array(2);
  #cursorFingerprint = 0;
  #cursor = 0;

  constructor(digest: KeyDigest = digestInto) {
    this.#digest = digest;
    for (let segment = 0; segment < SEGMENTS; segment++)
      this.#segments.push(new Uint32Array(2 * FIRST_SLOTS));
  }

  /** Adds `value` under `key`; values already under it, or under another key of its fingerprint, stay. */
  add(key: string, value: number): void {
    const segment = this.#locate(key);
    if (this.#sizes[segment]! + 1 > (this.#segments[segment]!.length / 2) * MAX_LOAD) this.#grow(segment);
    place(this.#segments[segment]!, this.#words[0]!, value + 1);
    this.#sizes[segment]! += 1;
  }

  /**
   * Starts a lookup of `key`: `nextCandidate()` then gives every value stored under it, and under
   * any other key of its fingerprint, then -1. (A cursor, not a callback: no closure per lookup.)
   */
  lookup(key: string): void {
    this.#cursorSlots = this.#segments[this.#locate(key)]!;
    this.#cursorFingerprint = this.#words[0]!;
    this.#cursor = home(this.#cursorFingerprint, this.#cursorSlots.length / 2);
  }

  /** Bytes the slots take (for the memory tests and measurements). */
  get bytes(): number {
    let bytes = 0;
    for (const slots of this.#segments) bytes += slots.byteLength;
    return bytes;
  }

  nextCandidate(): number {
    const slots = this.#cursorSlots;
    const count = slots.length / 2;
    for (; ; this.#cursor = next(this.#cursor, count)) {
      const stored = slots[this.#cursor * 2 + 1]!;
      if (stored === 0) return -1;
      if (slots[this.#cursor * 2] === this.#cursorFingerprint) {
        this.#cursor = next(this.#cursor, count);
        return stored - 1;
      }
    }
  }

  /** Digests `key` into #words (fingerprint: the high word) and returns its segment (low bits of the low word). */
  #locate(key: string): number {
    this.#digest(key, this.#words);
    return this.#words[1]! & (SEGMENTS - 1);
  }

  #grow(segment: number): void {
    const old = this.#segments[segment]!;
    const slots = new Uint32Array(2 * Math.ceil((old.length / 2) * GROWTH));
    // A slot's home is its fingerprint's low bits, so entries are re-placed from what they hold.
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== 0) place(slots, old[at]!, old[at + 1]!);
    this.#segments[segment] = slots;
  }
}

/** The fingerprint's home among `count` slots: scaled, so every slot count works (the fingerprint is a digest: uniform). */
function home(fingerprint: number, count: number): number {
  // Exact in a double below 2^21 slots a segment; past that still below `count` and the same for a key.
  return Math.floor((fingerprint * count) / TWO_TO_32);
}

function next(slot: number, count: number): number {
  return slot + 1 === count ? 0 : slot + 1;
}

/** Linear probing from the fingerprint's home slot. */
function place(slots: Uint32Array, fingerprint: number, stored: number): void {
  const count = slots.length / 2;
  let slot = home(fingerprint, count);
  while (slots[slot * 2 + 1] !== 0) slot = next(slot, count);
  slots[slot * 2] = fingerprint;
  slots[slot * 2 + 1] = stored;
}
