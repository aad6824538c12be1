/**
 * Values past the limits of a stored message (message-facts-schema.ts): `cacheBulk` fits each
 * message on its own — cut to the limits, or skipped when what names it is too long — stores the
 * rest of the batch and says which were changed; a wrong type still refuses the whole batch.
 */
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { fitFactsToLimits } from '../../electron/engine/cache/message-facts-fit.ts';
import { facts, openTemp } from './helpers.ts';

function setup() {
  const { store } = openTemp();
  const account = new AccountService(store).createAccount({ address: 'me@example.com', provider: 'gmail' });
  return { cache: new MessageCacheService(store), account };
}

describe('messages past the limits', () => {
  it('a batch keeps its ordinary messages; the hostile ones are stored cut or skipped, each reported', () => {
    const { cache, account } = setup();
    const batch = [
      { facts: facts(0) },
      { facts: facts(1, { fromName: 'N'.repeat(1000), labels: ['L'.repeat(300), 'INBOX'] }) },
      { facts: facts(2, { providerThreadId: 't'.repeat(257) }) },
      {
        facts: facts(3, { cc: Array.from({ length: 10_001 }, (_, n) => `c${n}@x`), bcc: ['b'.repeat(999)] }),
      },
      { facts: facts(4) },
    ];
    const result = cache.cacheBulk(account.id, 'gmail', batch);
    expect(result).toMatchObject({ inserted: 4, updated: 0 });
    expect(result.reported).toEqual([
      {
        providerId: 'm1',
        outcome: 'cut',
        reason:
          'Stored cut to the limits: the From display name (1,000 characters) cut to 998; 1 of the labels longer than 256 characters cut.',
      },
      {
        providerId: 'm2',
        outcome: 'skipped',
        reason: expect.stringMatching(/^Skipped: its thread id is 257 characters long .*which message it is/),
      },
      {
        providerId: 'm3',
        outcome: 'cut',
        reason:
          'Stored cut to the limits: the Cc addresses (10,001) cut to 10,000; 1 of the Bcc addresses longer than 998 characters cut.',
      },
    ]);
    expect(cache.getMessage(account.id, 'gmail', 'm1')).toMatchObject({
      fromName: 'N'.repeat(998),
      labels: ['L'.repeat(256), 'INBOX'],
    });
    expect(cache.getMessage(account.id, 'gmail', 'm2')).toBeNull();
    expect(cache.getMessage(account.id, 'gmail', 'm3')?.cc).toHaveLength(10_000);
    expect(cache.getMessages({ accountId: account.id }).messages.map((m) => m.providerId)).toEqual([
      'm0',
      'm1',
      'm3',
      'm4',
    ]);
  });

  it('a wrong type is still a caller bug: the whole batch is refused, nothing written', () => {
    const { cache, account } = setup();
    expect(() =>
      cache.cacheBulk(account.id, 'gmail', [{ facts: facts(0) }, { facts: { ...facts(1), size: -1 } }]),
    ).toThrow(/The message batch is not valid \(1\.facts\.size\)/);
    expect(cache.getCacheStats(account.id).count).toBe(0);
  });

  it('cuts never split a surrogate pair, and leave a fitting message untouched', () => {
    const name = `${'a'.repeat(997)}😀tail`;
    const fit = fitFactsToLimits(facts(0, { fromName: name, sender: 'x@y', senderName: name }));
    expect(fit.kind === 'fits' && [fit.facts.fromName, fit.facts.senderName]).toEqual([
      'a'.repeat(997),
      'a'.repeat(997),
    ]);
    // The sender's name is From's here: said once.
    expect(fit.kind === 'fits' && fit.cuts).toEqual(['the From display name (1,003 characters) cut to 998']);
    const ordinary = facts(1);
    expect(fitFactsToLimits(ordinary)).toEqual({ kind: 'fits', facts: ordinary, cuts: [] });
  });
});
