/**
 * Migration 008: the change log follows a row's subject and provider id too, the texts a loaded
 * set keeps for the rows it lists (analytics/row-texts.ts): a database of the version before it,
 * with rows, migrated; only real changes at or below the watermark are logged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followStoredRows } from '../../electron/engine/cache/change-log.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import { tempFolder, track } from './helpers.ts';

const migrations = loadMigrations();
const version = migrations.find((migration) => migration.name === 'follow_row_texts')!.version;

function logged(store: Store): number[] {
  return store.db.prepare('SELECT message_rowid FROM message_changes ORDER BY seq').pluck().all() as number[];
}

describe(`migration ${version}: the change log follows the listed texts`, () => {
  it('logs a changed subject or provider id, and still nothing for the same value or a column the analytics do not read', () => {
    const path = join(tempFolder(), 'before.db');
    const old = openDatabase(path, { migrations: migrations.slice(0, version - 1) });
    old.db
      .prepare("INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail')")
      .run();
    const insert = old.db.prepare(
      `INSERT INTO message_cache (account_id, provider, provider_id, time, subject, labels, thread_key)
       VALUES (1, 'gmail', ?, ?, 'Hello', '["INBOX"]', 't1')`,
    );
    for (let i = 1; i <= 6; i++) insert.run(`m${i}`, 1_000 * i);
    // Before the migration a subject change is not followed.
    old.db.prepare("UPDATE message_cache SET subject = 'Before' WHERE id = 1").run();
    expect(logged(old)).toEqual([]);
    old.close();

    const store = track(openDatabase(path));
    followStoredRows(store); // as the engine does before it has views computed
    const run = (sql: string) => store.db.prepare(sql).run();
    run("UPDATE message_cache SET subject = 'Changed' WHERE id = 2");
    run('UPDATE message_cache SET subject = NULL WHERE id = 3');
    run("UPDATE message_cache SET provider_id = 'm4-again' WHERE id = 4");
    run("UPDATE message_cache SET subject = 'Hello' WHERE id = 5"); // the same value
    run("UPDATE message_cache SET reply_to = 'a@b.example' WHERE id = 6"); // not read by the analytics
    run("UPDATE message_cache SET labels = '[]' WHERE id = 6"); // still followed as before
    expect(logged(store)).toEqual([2, 3, 4, 6]);

    // Rows above the watermark are read whole by every load: not logged until followed.
    run(
      "INSERT INTO message_cache (account_id, provider, provider_id, time, subject) VALUES (1, 'gmail', 'new', 1, 'A')",
    );
    run("UPDATE message_cache SET subject = 'B' WHERE provider_id = 'new'");
    expect(logged(store)).toHaveLength(4);
    followStoredRows(store);
    run("UPDATE message_cache SET subject = 'C' WHERE provider_id = 'new'");
    expect(logged(store).at(-1)).toBe(7);
  });
});
