import { describe, expect, it } from 'vitest';
import { DuplicateMerger as Merger } from '../../electron/engine/mail/duplicates.ts';
import { makeFacts } from './message-builder.ts';
import { ONE_FINGERPRINT } from './one-fingerprint.ts';

// The same rule whatever the fingerprints: with the real digest, and with one shared by every key.
describe.each([
  ['the key digest', undefined],
  ['one fingerprint for every key', ONE_FINGERPRINT],
])('Duplicates (%s)', (_name, digest) => {
  const DuplicateMerger = class extends Merger {
    constructor(options: { retainFacts?: boolean } = {}) {
      super({ ...options, digest });
    }
  };

  it('Two imported messages are the same message when their Message-IDs are equal', () => {
    const merger = new DuplicateMerger();
    expect(merger.add(makeFacts({ providerId: 'a', messageId: 'm1', labels: ['INBOX'] })).kind).toBe('new');
    expect(merger.add(makeFacts({ providerId: 'b', messageId: 'm1', labels: ['SENT'] }))).toEqual({
      kind: 'merged',
      intoProviderId: 'a',
      labels: ['INBOX', 'SENT'],
      absorbedProviderIds: [],
    });
    expect(merger.results().map((f) => [f.providerId, f.labels])).toEqual([['a', ['INBOX', 'SENT']]]);
  });

  it('or when From address, Date instant, decoded Subject and the set of To and Cc addresses are all equal', () => {
    const merger = new DuplicateMerger();
    merger.add(makeFacts({ providerId: 'a', messageId: 'x1', contentKey: 'k', labels: ['INBOX'] }));
    const result = merger.add(
      makeFacts({ providerId: 'b', messageId: 'x2', contentKey: 'k', labels: ['projects'] }),
    );
    expect(result).toMatchObject({ kind: 'merged', intoProviderId: 'a', labels: ['INBOX', 'projects'] });
  });

  it('`TRASH` and `SPAM` stay only when every copy carries them', () => {
    const merger = new DuplicateMerger();
    merger.add(makeFacts({ providerId: 'a', messageId: 'm', labels: ['INBOX'] }));
    merger.add(makeFacts({ providerId: 'b', messageId: 'm', labels: ['TRASH'] }));
    merger.add(makeFacts({ providerId: 'c', messageId: 'n', labels: ['TRASH', 'deleted_items'] }));
    merger.add(makeFacts({ providerId: 'd', messageId: 'n', labels: ['TRASH'] }));
    merger.add(makeFacts({ providerId: 'e', messageId: 'o', labels: ['SPAM'] }));
    expect(merger.results().map((f) => f.labels)).toEqual([['INBOX'], ['deleted_items', 'TRASH'], ['SPAM']]);
  });

  it('the copy read first supplies every other field', () => {
    const merger = new DuplicateMerger();
    merger.add(makeFacts({ providerId: 'a', messageId: 'm', subject: 'first', size: 10 }));
    merger.add(makeFacts({ providerId: 'b', messageId: 'm', subject: 'second', size: 20 }));
    expect(merger.results()[0]).toMatchObject({ providerId: 'a', subject: 'first', size: 10 });
  });

  it('a copy that matches two separate earlier messages merges them into the one read first', () => {
    const merger = new DuplicateMerger();
    merger.add(makeFacts({ providerId: 'a', messageId: 'm1', contentKey: 'k1', labels: ['INBOX'] }));
    merger.add(makeFacts({ providerId: 'b', messageId: 'm2', contentKey: 'k2', labels: ['work'] }));
    const result = merger.add(
      makeFacts({ providerId: 'c', messageId: 'm2', contentKey: 'k1', labels: ['SENT'] }),
    );
    expect(result).toEqual({
      kind: 'merged',
      intoProviderId: 'a',
      labels: ['INBOX', 'work', 'SENT'],
      absorbedProviderIds: ['b'],
    });
    expect(merger.add(makeFacts({ providerId: 'd', messageId: 'm2', labels: [] }))).toMatchObject({
      intoProviderId: 'a',
    });
    expect(merger.results().map((f) => f.providerId)).toEqual(['a']);
  });

  it('messages with neither Message-ID nor content key stay apart unless their bytes (provider ids) are equal', () => {
    const merger = new DuplicateMerger();
    merger.add(makeFacts({ providerId: 'r1' }));
    merger.add(makeFacts({ providerId: 'r2' }));
    expect(merger.add(makeFacts({ providerId: 'r1' })).kind).toBe('merged');
    expect(merger.results()).toHaveLength(2);
  });

  it('without retained facts it still merges later copies into flushed messages', () => {
    const merger = new DuplicateMerger({ retainFacts: false });
    merger.add(makeFacts({ providerId: 'a', messageId: 'm', labels: ['INBOX'] }));
    expect(merger.add(makeFacts({ providerId: 'b', messageId: 'm', labels: ['SENT'] }))).toMatchObject({
      intoProviderId: 'a',
      labels: ['INBOX', 'SENT'],
    });
    expect(() => merger.results()).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it('two different messages whose keys share a fingerprint stay two messages', () => {
    const merger = new DuplicateMerger();
    expect(merger.add(makeFacts({ providerId: 'a', messageId: 'm1', contentKey: 'k1' })).kind).toBe('new');
    expect(merger.add(makeFacts({ providerId: 'b', messageId: 'm2', contentKey: 'k2' })).kind).toBe('new');
    expect(merger.add(makeFacts({ providerId: 'c', messageId: 'm3' })).kind).toBe('new');
    expect(merger.add(makeFacts({ providerId: 'd', contentKey: 'k3' })).kind).toBe('new');
    expect(merger.add(makeFacts({ providerId: 'e' })).kind).toBe('new');
    expect(merger.add(makeFacts({ providerId: 'f', messageId: 'm2' }))).toMatchObject({
      intoProviderId: 'b',
    });
    expect(merger.results().map((f) => f.providerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
