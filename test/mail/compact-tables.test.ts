import { describe, expect, it } from 'vitest';
import { DigestMap, ensureLength } from '../../electron/engine/mail/compact-tables.ts';
import { DuplicateMerger } from '../../electron/engine/mail/duplicates.ts';
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
