import { describe, expect, it } from 'vitest';
import { DigestMap, ensureLength } from '../../electron/engine/mail/compact-tables.ts';
import { DuplicateMerger } from '../../electron/engine/mail/duplicates.ts';
import { FingerprintTable } from '../../electron/engine/mail/fingerprint-table.ts';
import { makeFacts } from './message-builder.ts';

describe('compact tables', () => {
  it('a digest map keeps every key through growth and tells absent keys apart', () => {
    const map = new DigestMap();
    for (let i = 0; i < 20_000; i++) expect(map.getOrSet(`<id-${i}@example.com>`, i)).toBe(-1);
    expect(map.size).toBe(20_000);
    for (let i = 0; i < 20_000; i++) expect(map.get(`<id-${i}@example.com>`)).toBe(i);
    expect(map.getOrSet('<id-7@example.com>', 99)).toBe(7);
    expect(map.get('<id-20000@example.com>')).toBe(-1);
    expect(map.get('')).toBe(-1);
  });

  it('interning gives dense ids in first-seen order', () => {
    const map = new DigestMap();
    expect(['b', 'a', 'b', 'c', 'a'].map((key) => map.intern(key))).toEqual([0, 1, 0, 2, 1]);
  });

  it('ensureLength grows by doubling and keeps the contents', () => {
    const grown = ensureLength(Int32Array.of(4, 5), 3);
    expect([...grown.subarray(0, 2)]).toEqual([4, 5]);
    expect(grown.length).toBeGreaterThanOrEqual(3);
    const same = Float64Array.of(1);
    expect(ensureLength(same, 1)).toBe(same);
  });
});

/** Every value the table gives for `key`. */
function candidatesOf(table: FingerprintTable, key: string): number[] {
  const values: number[] = [];
  table.lookup(key);
  for (let value = table.nextCandidate(); value !== -1; value = table.nextCandidate()) values.push(value);
  return values;
}

describe('fingerprint table', () => {
  it('gives every key its values through the growth of its segments, and an absent key none', () => {
    const table = new FingerprintTable();
    for (let i = 0; i < 50_000; i++) table.add(`<id-${i}@example.com>`, i);
    for (let i = 0; i < 50_000; i++) expect(candidatesOf(table, `<id-${i}@example.com>`)).toContain(i);
    let strangers = 0;
    for (let i = 50_000; i < 60_000; i++) strangers += candidatesOf(table, `<id-${i}@example.com>`).length;
    // The digest is fixed, so this is deterministic: a stranger among these keys would be a
    // one-in-100,000 event (a run of a few slots, each a 2^-32 chance).
    expect(strangers).toBe(0);
  });

  it('holds a key in at most 12.5 bytes once its segments have grown: they grow by a quarter, not by doubling', () => {
    const table = new FingerprintTable();
    const start = table.bytes;
    let keys = 0;
    for (const size of [10_000, 33_000, 100_000, 250_000]) {
      for (; keys < size; keys++) table.add(`<id-${keys}@example.com>`, keys);
      // 8 bytes a slot, at least 64 % full after a growth (80 % / 1.25); doubling left 37.5 %.
      expect(table.bytes, `${size} keys`).toBeLessThanOrEqual(Math.max(start, (size * 8) / 0.64));
    }
    for (let i = 0; i < keys; i += 997) expect(candidatesOf(table, `<id-${i}@example.com>`)).toContain(i);
  });

  it('keeps every value added under one fingerprint: the caller tells them apart', () => {
    const table = new FingerprintTable((_key, into) => {
      into[0] = 7;
      into[1] = 3;
    });
    for (let i = 0; i < 100; i++) table.add(`key-${i}`, i);
    expect(candidatesOf(table, 'anything').sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
  });
});

describe('duplicate merger memory layout', () => {
  it('gives back 24-hex-digit provider ids exactly, leading zeros included', () => {
    const merger = new DuplicateMerger({ retainFacts: false });
    merger.add(makeFacts({ providerId: '00000000abcdef0123456789', messageId: 'm' }));
    expect(merger.add(makeFacts({ providerId: '0123456789abcdef01234567', messageId: 'm' }))).toMatchObject({
      intoProviderId: '00000000abcdef0123456789',
    });
  });

  it('seeded stored messages come first: a later copy merges into them with their labels', () => {
    const merger = new DuplicateMerger({ retainFacts: false });
    merger.seed({ providerId: 'stored', messageId: 'm', contentKey: null, labels: ['INBOX', 'TRASH'] });
    expect(merger.add(makeFacts({ providerId: 'copy', messageId: 'm', labels: ['TRASH', 'work'] }))).toEqual({
      kind: 'merged',
      intoProviderId: 'stored',
      labels: ['INBOX', 'work', 'TRASH'],
      absorbedProviderIds: [],
    });
  });
});
