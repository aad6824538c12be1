/** Migration 003 (three unused message_cache indexes dropped): a version-2 database with rows, migrated. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { prepareMessageStatements } from '../../electron/engine/cache/message-statements.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import { expectIndexed, tempFolder, track } from './helpers.ts';

const DROPPED = ['message_cache_message_id', 'message_cache_content_key', 'message_cache_provider_thread'];

function indexes(store: Store): string[] {
  return (
    store.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'message_cache'")
      .all() as Array<{ name: string }>
  ).map((row) => row.name);
}

describe('migration 003: indexes no query read', () => {
  it('drops them, keeps every message, and the reads that remain still search an index', () => {
    const path = join(tempFolder(), 'v2.db');
    const old = track(openDatabase(path, { migrations: loadMigrations().slice(0, 2) }));
    expect(indexes(old)).toEqual(expect.arrayContaining(DROPPED));
    old.db
      .prepare("INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail')")
      .run();
    // Written as version 2 wrote them: the services of today read columns 2 did not have yet.
    const insert = old.db.prepare(
      `INSERT INTO message_cache (account_id, provider, provider_id, provider_thread_id, message_id, content_key, time, labels)
       VALUES (1, 'gmail', ?, ?, ?, ?, ?, '["INBOX"]')`,
    );
    for (let i = 0; i < 20; i++) insert.run(`m${i}`, `t${i % 4}`, `<${i}@example.com>`, `key${i}`, 1000 + i);
    old.close();

    const store = track(openDatabase(path));
    for (const name of DROPPED) expect(indexes(store)).not.toContain(name);
    const messages = new MessageCacheService(store);
    expect(messages.getCacheStats(1).count).toBe(20);
    expect(messages.getMessage(1, 'gmail', 'm7')).toMatchObject({ providerThreadId: 't3' });
    expect([...messages.checkCached(1, 'gmail', ['m0', 'm19', 'nope'])].sort()).toEqual(['m0', 'm19']);

    const sql = prepareMessageStatements(store);
    expectIndexed(
      store,
      sql.cachedIds.source,
      { accountId: 1, provider: 'gmail', ids: '["m1"]' },
      /sqlite_autoindex_message_cache_1/,
    );
    expectIndexed(store, sql.duplicateKeys.source, [1], /message_cache_time/);
    expectIndexed(
      store,
      sql.byProviderId.source,
      { accountId: 1, provider: 'gmail', providerId: 'm1' },
      /sqlite_autoindex_message_cache_1/,
    );
  });
});
