import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnalyticsMessages, loadReportAccounts } from '../../electron/engine/analytics/index.ts';
import { Store } from '../../electron/engine/db/store.ts';
import type { Logger } from '../../electron/engine/log.ts';
import { received } from './builders.ts';
import { store, storedMailboxes } from './stored-mailbox.ts';

const mailboxes = storedMailboxes();
afterEach(() => mailboxes.close());

/** A logger that keeps its warnings, and a timer that makes every statement take 50 ms. */
function slowStore(base: Store): { slow: Store; warnings: Array<[string, unknown]> } {
  const warnings: Array<[string, unknown]> = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (message, fields) => warnings.push([message, fields]),
    error: () => {},
  };
  let now = 0;
  const slow = new Store(base.db, base.path, Date.now, {
    logger,
    timer: () => (now += 50),
    slowQueryMs: 40,
    path: base.path,
  });
  return { slow, warnings };
}

describe('the analytics read through the store layer', () => {
  it('logs their slow statements like every other statement of the store', () => {
    const base = mailboxes.fresh();
    store(base, received('2025-05-01T09:00:00Z', 'ann@a.example', { rowId: 1, subject: 'Hi' }));
    const { slow, warnings } = slowStore(base);
    const [loaded] = loadAnalyticsMessages(slow, [1]);
    loadReportAccounts(slow, [1]);
    expect(loaded!.subject).toBe('Hi');
    expect(loaded!.providerId).toBe('id1');
    const logged = warnings.map(([message, fields]) => [message, (fields as { sql: string }).sql]);
    expect(logged).toEqual([
      // What the loaded set is of, read with the rows (snapshot/load-stamp.ts): the accounts and the change log's position.
      ['slow query', expect.stringMatching(/^SELECT id, address, created_at FROM accounts/)],
      ['slow query', expect.stringMatching(/FROM message_change_marks/)],
      ['slow query', expect.stringMatching(/^SELECT id, account_id, time, .* FROM message_cache WHERE/s)],
      ['slow query', expect.stringMatching(/FROM accounts/)],
      ['slow query', 'SELECT provider_id, subject, sender_name, unsubscribe FROM message_cache WHERE id = ?'],
      ['slow query', expect.stringMatching(/^SELECT id, provider_id, .* FROM message_cache/s)],
    ]);
  });

  it('turn a damaged file into CORRUPT_STORE, a sentence a person can act on', () => {
    const base = mailboxes.fresh();
    const subject = 'x'.repeat(300);
    base.transaction(() => {
      for (let rowId = 1; rowId <= 2000; rowId++)
        store(base, received('2025-05-01T09:00:00Z', 'a@b.example', { rowId, subject }));
    });
    base.db.pragma('wal_checkpoint(TRUNCATE)');
    base.db.close();
    // Overwrite the pages after the schema with garbage: the table's interior pages are among them.
    const size = statSync(base.path).size;
    const file = openSync(base.path, 'r+');
    const head = Buffer.alloc(100);
    readSync(file, head, 0, 100, 0);
    writeSync(file, Buffer.alloc(size - 16_384, 0xa5), 0, size - 16_384, 16_384);
    closeSync(file);
    const damaged = new Store(new Database(base.path), base.path, Date.now, {
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      timer: () => performance.now(),
      slowQueryMs: 40,
      path: base.path,
    });
    try {
      expect(() => loadAnalyticsMessages(damaged, [1])).toThrow(
        expect.objectContaining({ code: 'CORRUPT_STORE', message: expect.stringMatching(/is damaged/) }),
      );
    } finally {
      damaged.close();
    }
  });
});
