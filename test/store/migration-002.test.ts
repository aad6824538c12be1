/** Migration 002 (accounts.derived_as_of): a version-1 database with rows, migrated. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { expectIndexed, tempFolder, track } from './helpers.ts';

describe('migration 002: the as-of instant of the stored derivations', () => {
  it('keeps every account and message, starts unknown, and the account is still read by its key', () => {
    const path = join(tempFolder(), 'v1.db');
    const old = openDatabase(path, { migrations: loadMigrations().slice(0, 1) });
    expect(old.db.pragma('user_version', { simple: true })).toBe(1);
    old.db
      .prepare(
        `INSERT INTO accounts (id, address, provider, identities, history_id)
         VALUES (1, 'me@example.com', 'gmail', '["me@work.example"]', '4242')`,
      )
      .run();
    const insert = old.db.prepare(
      `INSERT INTO message_cache (account_id, provider, provider_id, time, sender, labels, thread_key)
       VALUES (1, 'gmail', ?, ?, 'ann@example.com', '["INBOX"]', ?)`,
    );
    for (let i = 0; i < 12; i++) insert.run(`m${i}`, Date.UTC(2026, 0, 1) + i * 60_000, `t${i % 3}`);
    old.close();

    const store = track(openDatabase(path));
    expect(store.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    const account = new AccountService(store).getAccount(1);
    expect(account).toMatchObject({
      address: 'me@example.com',
      identities: ['me@example.com', 'me@work.example'],
      historyId: '4242',
      derivedAsOf: null,
    });
    const messages = new MessageCacheService(store);
    expect(messages.getCacheStats(1).count).toBe(12);
    expect(messages.getThread(1, 't1').map((message) => message.providerId)).toEqual([
      'm1',
      'm4',
      'm7',
      'm10',
    ]);
    expectIndexed(store, 'SELECT * FROM accounts WHERE id = ?', [1], /INTEGER PRIMARY KEY/);
  });
});
