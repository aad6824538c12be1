/**
 * The label-bits migration (account_labels, message_cache.label_bits; message_labels dropped): a
 * database of the version before it, with rows, migrated. Every message's labels read back through
 * the bits as they were; an account past 53 labels numbers the rest without a bit and still answers
 * a filter by them; the label reads use the time index.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABEL_BITS } from '../../electron/engine/cache/account-labels.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { MessageQueries } from '../../electron/engine/cache/message-query.ts';
import { prepareMessageStatements } from '../../electron/engine/cache/message-statements.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { expectIndexed, facts, tempFolder, track } from './helpers.ts';

const migrations = loadMigrations();
const version = migrations.find((migration) => migration.name === 'label_bits')!.version;
const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);

/** Account 1: a few labels; account 2: 60 labels, one a message, so 7 are numbered past the bits. */
function labelsOf(account: number, index: number): string[] {
  if (account === 2) return [`folder-${index}`];
  return [['INBOX', 'UNREAD'], ['SENT'], ['INBOX'], [], ['Label_7', 'INBOX', 'SENT']][index % 5]!;
}

function writeBefore(path: string): void {
  const old = openDatabase(path, { migrations: migrations.slice(0, version - 1) });
  old.db.prepare("INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail')").run();
  old.db
    .prepare("INSERT INTO accounts (id, address, provider) VALUES (2, 'me@work.example', 'import')")
    .run();
  const insert = old.db.prepare(
    `INSERT INTO message_cache (account_id, provider, provider_id, time, labels, thread_key)
     VALUES (?, 'gmail', ?, ?, ?, 't1')`,
  );
  const label = old.db.prepare(
    'INSERT INTO message_labels (message_rowid, account_id, label, time) VALUES (?, ?, ?, ?)',
  );
  for (const [account, count] of [
    [1, 40],
    [2, 60],
  ] as const) {
    for (let index = 0; index < count; index++) {
      const labels = labelsOf(account, index);
      const time = START + index * HOUR;
      const id = insert.run(account, `a${account}m${index}`, time, JSON.stringify(labels)).lastInsertRowid;
      for (const name of labels) label.run(id, account, name, time);
    }
  }
  old.close();
}

describe(`migration ${version}: labels as bits`, () => {
  it('keeps every label of every message, numbers them in the order first stored, and drops the label rows', () => {
    const path = join(tempFolder(), 'before.db');
    writeBefore(path);
    const store = track(openDatabase(path));
    const tables = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
    expect(tables).not.toContainEqual({ name: 'message_labels' });
    expect(
      store.db.prepare('SELECT label, bit FROM account_labels WHERE account_id = 1 ORDER BY bit').all(),
    ).toEqual([
      { label: 'INBOX', bit: 0 },
      { label: 'UNREAD', bit: 1 },
      { label: 'SENT', bit: 2 },
      { label: 'Label_7', bit: 3 },
    ]);
    const second = store.db
      .prepare('SELECT label, bit FROM account_labels WHERE account_id = 2 ORDER BY bit IS NULL, bit, label')
      .all() as Array<{ label: string; bit: number | null }>;
    expect(second).toHaveLength(60);
    expect(second.slice(0, LABEL_BITS).map((row) => row.bit)).toEqual([...Array(LABEL_BITS).keys()]);
    expect(second.slice(0, 3).map((row) => row.label)).toEqual(['folder-0', 'folder-1', 'folder-2']);
    expect(second.slice(LABEL_BITS).every((row) => row.bit === null)).toBe(true);

    // Every label filter answers what the JSON lists say, with a bit or without.
    const messages = new MessageCacheService(store);
    for (const [account, label] of [
      [1, 'INBOX'],
      [1, 'SENT'],
      [1, 'Label_7'],
      [1, 'UNREAD'],
      [2, 'folder-3'],
      [2, 'folder-59'],
      [2, 'nowhere'],
    ] as const) {
      const expected = store.db
        .prepare(
          `SELECT provider_id FROM message_cache m WHERE account_id = ?
             AND EXISTS (SELECT 1 FROM json_each(m.labels) WHERE value = ?) ORDER BY time, id`,
        )
        .all(account, label)
        .map((row) => (row as { provider_id: string }).provider_id);
      const found = [...messages.iterateMessages({ accountId: account, label })].map((m) => m.providerId);
      expect(found, `${account} ${label}`).toEqual(expected);
      const paged = messages.getMessages(
        { accountId: account, label, from: START, to: START + 20 * HOUR },
        { limit: 5 },
      );
      expect(paged.messages.map((m) => m.providerId)).toEqual(
        expected.filter((id) => Number(id.slice(3)) < 20).slice(0, 5),
      );
    }
    expect(messages.hasSentLabel(1)).toBe(true);
    expect(messages.hasSentLabel(2)).toBe(false);

    // New messages and label changes keep to the numbering.
    messages.cacheBulk(1, 'gmail', [{ facts: facts(100, { labels: ['STARRED', 'INBOX'] }) }]);
    expect(messages.updateLabels(1, 'gmail', 'a1m1', ['STARRED'])).toBe(true);
    expect(
      [...messages.iterateMessages({ accountId: 1, label: 'STARRED' })].map((m) => m.providerId),
    ).toEqual(['a1m1', 'm100']);
    expect(
      [...messages.iterateMessages({ accountId: 1, label: 'SENT' })].map((m) => m.providerId),
    ).not.toContain('a1m1');
  });

  it('answers a label filter and the SENT check from the time index', () => {
    const path = join(tempFolder(), 'before.db');
    writeBefore(path);
    const store = track(openDatabase(path));
    const sql = prepareMessageStatements(store);
    const label = { test: 'bit', value: 4 } as const;
    const filter = { accountId: 1, label: 'SENT', from: START, to: START + 10 * HOUR };
    const statement = new MessageQueries(store).statement(filter, true, label);
    expectIndexed(
      store,
      statement.source,
      { accountId: 1, labelBit: 4, from: START, to: START + 10 * HOUR, limit: 10, offset: 0 },
      /message_cache_time \(account_id=\? AND time>\? AND time<\?\)/,
    );
    expectIndexed(
      store,
      sql.anyWithBit.source,
      [1, 4],
      /COVERING INDEX message_cache_time \(account_id=\?\)/,
    );
  });
});
