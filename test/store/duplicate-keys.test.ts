/**
 * The import's duplicate merger holds its keys as fingerprints and confirms them in the store once
 * the messages are written (docs/mail-model.md, "Duplicate keys in little memory"). Every key here
 * shares one fingerprint, so each decision rests on what the store holds: two different messages
 * never merge, and copies still find the message they belong to after their batch was written,
 * also through the keys of a row a later copy proved a duplicate (deleted from the store).
 */
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { DuplicateMerger, type MergeResult } from '../../electron/engine/mail/duplicates.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { ONE_FINGERPRINT } from '../mail/one-fingerprint.ts';
import { facts, openTemp } from './helpers.ts';

const PROVIDER = 'import';

function setup() {
  const { store } = openTemp();
  const account = new AccountService(store).createAccount({ address: 'me@example.com', provider: 'gmail' });
  const cache = new MessageCacheService(store);
  const merger = new DuplicateMerger({
    retainFacts: false,
    digest: ONE_FINGERPRINT,
    store: { provider: PROVIDER, keysOf: (provider, id) => cache.duplicateKeysOf(account.id, provider, id) },
  });
  const stored = () =>
    store.db
      .prepare('SELECT provider_id AS id, labels FROM message_cache ORDER BY rowid')
      .all()
      .map((row) => row as { id: string; labels: string });
  /** Adds messages as the import does, then writes what they made in one batch and tells the merger. */
  const batch = (messages: MessageFacts[]): MergeResult[] => {
    const results = messages.map((message) => merger.add(message));
    store.transaction(() => {
      for (const result of results) {
        if (result.kind === 'new') cache.cacheBulk(account.id, PROVIDER, [{ facts: result.entry }]);
        else {
          cache.updateLabelsOf(account.id, PROVIDER, [[result.intoProviderId, result.labels]]);
          cache.deleteMessages(account.id, PROVIDER, result.absorbedProviderIds);
        }
      }
    });
    merger.stored();
    return results;
  };
  return { batch, stored };
}

describe('duplicate keys confirmed in the store', () => {
  it('two different stored messages whose keys share a fingerprint stay two; a copy joins its own', () => {
    const { batch, stored } = setup();
    batch([facts(1, { labels: ['INBOX'] }), facts(2, { labels: ['INBOX'] })]);
    const [copy, stranger] = batch([
      facts(3, { providerId: 'copy', messageId: 'id2@example.com', labels: ['work'] }),
      facts(4, { contentKey: 'k4', labels: ['INBOX'] }),
    ]);
    expect(copy).toEqual({
      kind: 'merged',
      intoProviderId: 'm2',
      labels: ['INBOX', 'work'],
      absorbedProviderIds: [],
    });
    expect(stranger?.kind).toBe('new');
    expect(stored()).toEqual([
      { id: 'm1', labels: '["INBOX"]' },
      { id: 'm2', labels: '["INBOX","work"]' },
      { id: 'm4', labels: '["INBOX"]' },
    ]);
  });

  it("a row proved a duplicate is deleted, and later copies still reach its survivor through the deleted row's keys", () => {
    const { batch, stored } = setup();
    batch([
      facts(1, { contentKey: 'k1', labels: ['INBOX'] }),
      facts(2, { contentKey: 'k2', labels: ['sent'] }),
    ]);
    const [bridge] = batch([
      facts(3, { providerId: 'bridge', messageId: 'id2@example.com', contentKey: 'k1', labels: [] }),
    ]);
    expect(bridge).toEqual({
      kind: 'merged',
      intoProviderId: 'm1',
      labels: ['INBOX', 'sent'],
      absorbedProviderIds: ['m2'],
    });
    expect(stored().map((row) => row.id)).toEqual(['m1']);
    // Both of m2's keys now live only in the merger: m2's row is gone.
    const [byId, byContent, apart] = batch([
      facts(5, { providerId: 'late1', messageId: 'id2@example.com', contentKey: null, labels: ['a'] }),
      facts(6, { providerId: 'late2', messageId: null, contentKey: 'k2', labels: ['b'] }),
      facts(7, { providerId: 'late3', messageId: 'id7@example.com', contentKey: 'k7', labels: ['c'] }),
    ]);
    expect(byId).toMatchObject({ intoProviderId: 'm1' });
    expect(byContent).toMatchObject({ intoProviderId: 'm1', labels: ['INBOX', 'sent', 'a', 'b'] });
    expect(apart?.kind).toBe('new');
    expect(stored().map((row) => row.id)).toEqual(['m1', 'late3']);
  });
});
