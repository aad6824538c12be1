/** The change-log migration (message_changes): a database of the version before it, with rows, migrated. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalyticsReads } from '../../electron/engine/cache/analytics-reads.ts';
import { CHANGE_LOG_LIMIT, followStoredRows } from '../../electron/engine/cache/change-log.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import { expectIndexed, tempFolder, track } from './helpers.ts';

const migrations = loadMigrations();
const version = migrations.find((migration) => migration.name === 'message_changes')!.version;

/** 1 … ? as rows of `value`. */
const SERIES =
  'WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < ?) SELECT value FROM n';

function logged(store: Store): Array<[number, number]> {
  return store.db
    .prepare('SELECT account_id, message_rowid FROM message_changes ORDER BY seq')
    .raw()
    .all() as Array<[number, number]>;
}

describe(`migration ${version}: the change log the analytics load follows`, () => {
  it('keeps every row, follows the rows stored so far, and logs only real changes of what the analytics read', () => {
    const path = join(tempFolder(), 'before.db');
    const old = openDatabase(path, { migrations: migrations.slice(0, version - 1) });
    old.db
      .prepare("INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail')")
      .run();
    old.db
      .prepare("INSERT INTO accounts (id, address, provider) VALUES (2, 'me@work.example', 'import')")
      .run();
    const insert = old.db.prepare(
      `INSERT INTO message_cache (account_id, provider, provider_id, time, labels, thread_key)
       VALUES (?, 'gmail', ?, ?, '["INBOX"]', 't1')`,
    );
    for (let i = 0; i < 30; i++) insert.run(1 + (i % 2), `m${i}`, 1_000 * i);
    old.close();

    const store = track(openDatabase(path));
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(version);
    expect(store.db.prepare('SELECT count(*) AS n FROM message_cache').get()).toEqual({ n: 30 });
    const marks = () => new AnalyticsReads(store, [1]).changeMarks();
    expect(marks()).toEqual({ seq: 0, trimmedThrough: 0, watermark: 30 });

    const run = (sql: string, ...params: unknown[]) => store.db.prepare(sql).run(...params);
    run(`UPDATE message_cache SET labels = '["INBOX","UNREAD"]' WHERE id = 3`);
    run(`UPDATE message_cache SET thread_key = 't1' WHERE id = 4`); // the same value: nothing changed
    run(`UPDATE message_cache SET reply_to = 'a@b.example', raw_data = x'00' WHERE id = 5`); // not read by the analytics
    run('UPDATE message_cache SET direction = ?, counted = 0 WHERE id = 6', 'sent');
    run('DELETE FROM message_cache WHERE id = 8');
    run('UPDATE message_cache SET account_id = 2 WHERE id = 9');
    expect(logged(store)).toEqual([
      [1, 3],
      [2, 6],
      [2, 8],
      [1, 9],
      [2, 9],
    ]);

    // Rows above the watermark are read whole by every load: their changes are not logged...
    run(`INSERT INTO message_cache (account_id, provider, provider_id, time) VALUES (1, 'gmail', 'new', 1)`);
    run(`UPDATE message_cache SET thread_key = 'derived' WHERE provider_id = 'new'`);
    expect(logged(store)).toHaveLength(5);
    // ...until the engine follows them, before it has analytics computed.
    followStoredRows(store);
    expect(marks()).toMatchObject({ seq: 5, watermark: 31 });
    run(`UPDATE message_cache SET thread_key = 'joined' WHERE provider_id = 'new'`);
    expect(logged(store).at(-1)).toEqual([1, 31]);

    const reads = new AnalyticsReads(store, [2]);
    expect(reads.changedSince(0, 10)).toEqual([6, 8, 9]);
    expect(reads.changedSince(3, 10)).toEqual([9]);
    expectIndexed(
      store,
      'SELECT DISTINCT message_rowid FROM message_changes WHERE seq > ? AND account_id IN (?) ORDER BY message_rowid LIMIT ?',
      [0, 2, 10],
      /USING INTEGER PRIMARY KEY \(rowid>\?\)/,
    );
  });

  it('leaves the marks as they are, at once, while another connection holds the write lock', () => {
    const path = join(tempFolder(), 'busy.db');
    const store = track(openDatabase(path));
    store.db
      .prepare("INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail')")
      .run();
    store.db
      .prepare(
        `INSERT INTO message_cache (account_id, provider, provider_id) SELECT 1, 'gmail', 'm' || value FROM (${SERIES})`,
      )
      .run(5);
    const other = track(openDatabase(path));
    other.db.exec('BEGIN IMMEDIATE');
    // Waiting out the busy timeout would end in SQLITE_BUSY, thrown at the report that asked.
    followStoredRows(store);
    expect(new AnalyticsReads(store, [1]).changeMarks().watermark).toBe(0);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    other.db.exec('ROLLBACK');
    followStoredRows(store);
    expect(new AnalyticsReads(store, [1]).changeMarks().watermark).toBe(5);
  });

  it('is trimmed to half its limit once longer, and says so, so a load older than that reads whole', () => {
    const store = track(openDatabase(join(tempFolder(), 'long.db')));
    store.db
      .prepare("INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail')")
      .run();
    store.db
      .prepare(
        `INSERT INTO message_cache (account_id, provider, provider_id, labels)
         SELECT 1, 'gmail', 'm' || value, '[]' FROM (${SERIES})`,
      )
      .run(10);
    followStoredRows(store);
    store.db
      .prepare(
        `INSERT INTO message_changes (account_id, message_rowid) SELECT 1, 1 + value % 10 FROM (${SERIES})`,
      )
      .run(CHANGE_LOG_LIMIT + 1);
    followStoredRows(store);
    const marks = new AnalyticsReads(store, [1]).changeMarks();
    expect(marks.seq).toBe(CHANGE_LOG_LIMIT + 1);
    expect(marks.trimmedThrough).toBe(CHANGE_LOG_LIMIT / 2 + 1);
    expect(store.db.prepare('SELECT count(*) AS n FROM message_changes').get()).toEqual({
      n: CHANGE_LOG_LIMIT / 2,
    });
  });
});
