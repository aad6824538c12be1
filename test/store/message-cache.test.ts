import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { facts, openTemp } from './helpers.ts';

function setup() {
  const { store, clock } = openTemp();
  const accounts = new AccountService(store);
  const cache = new MessageCacheService(store);
  const account = accounts.createAccount({ address: 'me@example.com', provider: 'gmail' });
  // Each message's labels as its bits say (account_labels numbers them).
  const labelRows = () =>
    store.db
      .prepare(
        `SELECT m.id, a.label, m.time FROM message_cache m
         JOIN account_labels a ON a.account_id = m.account_id AND (m.label_bits & (1 << a.bit)) <> 0
         ORDER BY m.id, a.label`,
      )
      .all();
  return { store, clock, accounts, cache, account, labelRows };
}

describe('MessageCacheService', () => {
  it('stores a batch once: the same batch again inserts nothing, changes nothing and keeps the data version', () => {
    const { cache, accounts, account, store } = setup();
    const batch = Array.from({ length: 20 }, (_, index) => ({ facts: facts(index) }));
    expect(cache.cacheBulk(account.id, 'gmail', batch)).toEqual({ inserted: 20, updated: 0, reported: [] });
    const rows = store.db.prepare('SELECT * FROM message_cache ORDER BY id').all();
    expect(accounts.getDataVersion(account.id)).toBe(1);
    expect(cache.cacheBulk(account.id, 'gmail', batch)).toEqual({ inserted: 0, updated: 0, reported: [] });
    expect(store.db.prepare('SELECT * FROM message_cache ORDER BY id').all()).toEqual(rows);
    expect(accounts.getDataVersion(account.id)).toBe(1);
  });

  it('stores a fitted batch (cacheFitted) exactly as cacheBulk stores it, inserts and updates alike', () => {
    const checked = setup();
    const fitted = setup();
    const first = Array.from({ length: 12 }, (_, index) => ({ facts: facts(index) }));
    const second = [{ facts: facts(3, { labels: ['INBOX', 'STARRED'], time: 7 }) }, { facts: facts(40) }];
    expect(checked.cache.cacheBulk(checked.account.id, 'gmail', first)).toMatchObject({ inserted: 12 });
    expect(fitted.cache.cacheFitted(fitted.account.id, 'gmail', first)).toEqual({ inserted: 12, updated: 0 });
    checked.cache.cacheBulk(checked.account.id, 'gmail', second);
    expect(fitted.cache.cacheFitted(fitted.account.id, 'gmail', second)).toEqual({ inserted: 1, updated: 1 });
    // Bookkeeping times aside (a trigger stamps the wall clock on an update within one fake instant).
    const rows = (store: typeof checked.store) =>
      store.db
        .prepare('SELECT * FROM message_cache ORDER BY id')
        .all()
        .map((row) => ({ ...(row as object), created_at: null, updated_at: null }));
    expect(rows(fitted.store)).toEqual(rows(checked.store));
    expect(fitted.labelRows()).toEqual(checked.labelRows());
    expect(fitted.accounts.getDataVersion(fitted.account.id)).toBe(
      checked.accounts.getDataVersion(checked.account.id),
    );
  });

  it("counts and summarises one account's messages from its rows alone, as from every account's", () => {
    const { cache, accounts, account } = setup();
    const other = accounts.createAccount({ address: 'you@example.com', provider: 'gmail' });
    cache.cacheBulk(account.id, 'gmail', [{ facts: facts(1) }, { facts: facts(2) }, { facts: facts(3) }]);
    cache.cacheBulk(other.id, 'gmail', [{ facts: facts(4, { time: 9e12 }) }]);
    expect(cache.countMessages(account.id)).toBe(3);
    expect(cache.countMessages(other.id)).toBe(1);
    const every = cache.getCacheStats().perAccount;
    for (const id of [account.id, other.id]) {
      const one = cache.getCacheStats(id);
      expect(one.perAccount).toEqual(every.filter((row) => row.accountId === id));
      expect(one.count).toBe(cache.countMessages(id));
    }
  });

  it('updates a changed message in place, keeping its row id, and bumps the data version', () => {
    const { cache, accounts, account, labelRows } = setup();
    cache.cacheBulk(account.id, 'gmail', [{ facts: facts(1) }, { facts: facts(2) }]);
    const before = cache.getMessage(account.id, 'gmail', 'm1')!;
    const result = cache.cacheMessage(
      account.id,
      'gmail',
      facts(1, { labels: ['INBOX', 'STARRED'], time: 5 }),
      Buffer.from('raw'),
    );
    expect(result).toEqual({ inserted: 0, updated: 1, reported: [] });
    const after = cache.getMessage(account.id, 'gmail', 'm1')!;
    expect(after.id).toBe(before.id);
    expect(after.labels).toEqual(['INBOX', 'STARRED']);
    expect(cache.getRawData(account.id, 'gmail', 'm1')?.toString()).toBe('raw');
    expect(accounts.getDataVersion(account.id)).toBe(2);
    expect(labelRows().filter((row) => (row as { id: number }).id === before.id)).toEqual([
      { id: before.id, label: 'INBOX', time: 5 },
      { id: before.id, label: 'STARRED', time: 5 },
    ]);
  });

  it('round-trips every fact', () => {
    const { cache, account } = setup();
    const stored = facts(3, {
      inReplyTo: ['a@x'],
      references: ['r1', 'r2'],
      cc: ['c@x'],
      automated: true,
      hasListPost: true,
      listPost: 'list@x',
      time: null,
    });
    cache.cacheMessage(account.id, 'gmail', stored);
    const { id, accountId, provider, counted, direction, echo, threadKey, ...rest } = cache.getMessage(
      account.id,
      'gmail',
      'm3',
    )!;
    expect(rest).toEqual(stored);
    expect({ accountId, provider, counted, direction, echo, threadKey }).toEqual({
      accountId: account.id,
      provider: 'gmail',
      counted: true,
      direction: 'received',
      echo: false,
      threadKey: null,
    });
    expect(id).toBeGreaterThan(0);
  });

  it('keeps label rows in step with label updates and deletions', () => {
    const { cache, accounts, account, labelRows } = setup();
    cache.cacheBulk(account.id, 'gmail', [{ facts: facts(0) }, { facts: facts(1) }]);
    const version = accounts.getDataVersion(account.id);
    expect(cache.updateLabels(account.id, 'gmail', 'm0', ['UNREAD'])).toBe(true);
    expect(cache.getMessage(account.id, 'gmail', 'm0')?.labels).toEqual(['UNREAD']);
    expect(accounts.getDataVersion(account.id)).toBe(version + 1);
    expect(cache.updateLabels(account.id, 'gmail', 'm0', ['UNREAD'])).toBe(false);
    expect(accounts.getDataVersion(account.id)).toBe(version + 1);
    expect(labelRows().map((row) => (row as { label: string }).label)).toEqual(['UNREAD', 'SENT']);
    expect(cache.deleteMessages(account.id, 'gmail', ['m0', 'unknown'])).toBe(1);
    expect(labelRows().map((row) => (row as { label: string }).label)).toEqual(['SENT']);
    expect(accounts.getDataVersion(account.id)).toBe(version + 2);
    expect(cache.clearCache(account.id)).toBe(1);
    expect(labelRows()).toEqual([]);
  });

  it('answers range, label, sender, direction and thread queries in time order, paged', () => {
    const { cache, account } = setup();
    cache.cacheBulk(
      account.id,
      'gmail',
      Array.from({ length: 30 }, (_, index) => ({ facts: facts(index) })),
    );
    const start = Date.UTC(2026, 0, 1);
    const hour = 3_600_000;
    const inbox = cache.getMessages({
      accountId: account.id,
      label: 'INBOX',
      from: start + 10 * hour,
      to: start + 20 * hour,
    });
    expect(inbox.messages.map((message) => message.providerId)).toEqual(['m10', 'm12', 'm14', 'm16', 'm18']);
    const bySender = cache.getMessages(
      { accountId: account.id, sender: 'sender2@example.com', order: 'desc' },
      { limit: 2 },
    );
    expect(bySender.messages.map((message) => message.providerId)).toEqual(['m27', 'm22']);
    expect(bySender.nextOffset).toBe(2);
    const next = cache.getMessages(
      { accountId: account.id, sender: 'sender2@example.com', order: 'desc' },
      { limit: 2, offset: bySender.nextOffset! },
    );
    expect(next.messages.map((message) => message.providerId)).toEqual(['m17', 'm12']);
    const all = [...cache.iterateMessages({ accountId: account.id })];
    expect(all).toHaveLength(30);
    cache.updateDerived(
      account.id,
      all.map((message) => ({
        id: message.id,
        counted: true,
        direction: message.labels.includes('SENT') ? 'sent' : 'received',
        echo: false,
        threadKey: `thread-${Number(message.providerId.slice(1)) % 3}`,
      })),
    );
    expect(
      cache.getMessages({ accountId: account.id, direction: 'sent' }, { limit: 500 }).messages,
    ).toHaveLength(15);
    expect(cache.getThread(account.id, 'thread-1').map((message) => message.providerId)).toEqual([
      'm1',
      'm4',
      'm7',
      'm10',
      'm13',
      'm16',
      'm19',
      'm22',
      'm25',
      'm28',
    ]);
  });

  it('reports which ids are cached, across chunks', () => {
    const { cache, account } = setup();
    cache.cacheBulk(
      account.id,
      'gmail',
      Array.from({ length: 1200 }, (_, index) => ({ facts: facts(index) })),
    );
    const asked = Array.from({ length: 1500 }, (_, index) => `m${index * 2}`);
    const cached = cache.checkCached(account.id, 'gmail', asked);
    expect(cached.size).toBe(600);
    expect(cached.has('m1198')).toBe(true);
    expect(cached.has('m1200')).toBe(false);
    expect(cache.checkCached(account.id, 'import', asked).size).toBe(0);
  });

  it('derives only what changed and bumps the data version only then', () => {
    const { cache, accounts, account } = setup();
    cache.cacheBulk(account.id, 'gmail', [{ facts: facts(0) }]);
    const { id } = cache.getMessage(account.id, 'gmail', 'm0')!;
    const row = { id, counted: true, direction: 'sent' as const, echo: false, threadKey: 'k' };
    expect(cache.updateDerived(account.id, [row])).toBe(1);
    expect(cache.updateDerived(account.id, [row])).toBe(0);
    expect(accounts.getDataVersion(account.id)).toBe(2);
  });

  it('counts messages and bytes per account', () => {
    const { cache, accounts, account } = setup();
    const other = accounts.createAccount({ address: 'two@example.com', provider: 'import' });
    cache.cacheBulk(account.id, 'gmail', [{ facts: facts(0) }, { facts: facts(1), raw: Buffer.alloc(10) }]);
    cache.cacheBulk(other.id, 'import', [{ facts: facts(5) }]);
    const stats = cache.getCacheStats();
    expect(stats).toMatchObject({ count: 3, bytes: 1000 + 1001 + 10 + 1005 });
    expect(stats.oldest).toBe(Date.UTC(2026, 0, 1));
    expect(stats.newest).toBe(Date.UTC(2026, 0, 1) + 5 * 3_600_000);
    expect(cache.getCacheStats(other.id)).toMatchObject({
      count: 1,
      bytes: 1005,
      perAccount: [{ accountId: other.id }],
    });
  });

  it('deletes messages outside a retention window', () => {
    const { cache, account } = setup();
    cache.cacheBulk(
      account.id,
      'gmail',
      Array.from({ length: 10 }, (_, index) => ({ facts: facts(index) })),
    );
    expect(cache.deleteOlderThan(account.id, Date.UTC(2026, 0, 1) + 4 * 3_600_000)).toBe(4);
    expect(cache.getCacheStats().count).toBe(6);
  });
});
