/** Migration 005 (accounts.derived_any_sent): a version-4 database with rows, migrated. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { prepareMessageStatements } from '../../electron/engine/cache/message-statements.ts';
import { latestVersion, loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { rederiveAccount } from '../../electron/engine/derive-account.ts';
import { deriveChanges } from '../../electron/engine/derive-changes.ts';
import { expectIndexed, facts, tempFolder, track } from './helpers.ts';

const AS_OF = Date.UTC(2026, 1, 1);

describe('migration 005: what the last derivation knew', () => {
  it('keeps every row, starts unknown (the next derivation is whole), and its reads use indexes', () => {
    const path = join(tempFolder(), 'v4.db');
    const old = openDatabase(path, { migrations: loadMigrations().slice(0, 4) });
    expect(old.db.pragma('user_version', { simple: true })).toBe(4);
    old.db
      .prepare(
        "INSERT INTO accounts (id, address, provider, derived_as_of) VALUES (1, 'me@example.com', 'gmail', ?)",
      )
      .run(AS_OF);
    const insert = old.db.prepare(
      `INSERT INTO message_cache (account_id, provider, provider_id, provider_thread_id, time, labels, thread_key)
       VALUES (1, 'gmail', ?, 't1', ?, '["SENT"]', 't1')`,
    );
    const label = old.db.prepare(
      "INSERT INTO message_labels (message_rowid, account_id, label, time) VALUES (?, 1, 'SENT', ?)",
    );
    for (let i = 0; i < 30; i++) {
      const time = AS_OF - i * 3_600_000;
      label.run(insert.run(`m${i}`, time).lastInsertRowid, time);
    }
    old.close();

    const store = track(openDatabase(path));
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion(loadMigrations()));
    const accounts = new AccountService(store);
    const messages = new MessageCacheService(store);
    expect(accounts.getAccount(1)).toMatchObject({ derivedAsOf: AS_OF, derivedAnySent: null });
    expect(
      store.db.prepare('SELECT count(*) AS n FROM message_cache WHERE thread_key = ?').get('t1'),
    ).toEqual({ n: 30 });

    const services = { store, accounts, messages };
    expect(deriveChanges(services, 1, AS_OF)).toBeNull();
    rederiveAccount(services, 1, AS_OF);
    expect(accounts.getAccount(1).derivedAnySent).toBe(true);
    messages.cacheBulk(1, 'gmail', [{ facts: facts(100, { providerThreadId: 't9' }) }]);
    expect(deriveChanges(services, 1, AS_OF)).toBe(1);

    const sql = prepareMessageStatements(store);
    expectIndexed(
      store,
      sql.pendingDerivation.source,
      [1],
      /message_cache_thread \(account_id=\? AND thread_key=\?\)/,
    );
    expectIndexed(store, sql.unthreadThread.source, [1, 'r:1'], /message_cache_thread/);
    expectIndexed(store, sql.anyWithBit.source, [1, 4], /message_cache_time/);
    expectIndexed(store, sql.anyTimeBetween.source, [1, 0, 1], /message_cache_time/);
    expectIndexed(
      store,
      sql.unthreadDeleted.source,
      { accountId: 1, provider: 'gmail', ids: '["m1"]' },
      /message_cache_thread/,
    );
  });
});
