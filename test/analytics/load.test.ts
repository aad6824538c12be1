import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnalyticsMessage,
  computeReport,
  loadAnalyticsMessages,
  loadReportAccounts,
} from '../../electron/engine/analytics/index.ts';
import { received, sent } from './builders.ts';
import { store, storedMailboxes } from './stored-mailbox.ts';

const mailboxes = storedMailboxes();
afterEach(() => mailboxes.close());
const freshDatabase = () => mailboxes.fresh();

describe('loading messages from the store', () => {
  it('reads message_cache rows back as the same analytics messages, for the accounts asked', () => {
    const db = freshDatabase();
    const mine = [
      received('2025-05-01T09:00:00Z', 'ann@a.example', {
        rowId: 10,
        cc: ['x@y.example'],
        references: ['a@b'],
        threadKey: 'k',
      }),
      sent('2025-05-01T10:00:00Z', ['ann@a.example'], {
        rowId: 11,
        unsubscribe: null,
        automated: true,
        threadKey: 'k',
      }),
    ];
    const theirs = received('2025-05-02T09:00:00Z', 'bob@b.example', { rowId: 12, accountId: 2 });
    for (const m of [...mine, theirs]) store(db, m);
    // Every fact, the lazily read ones included, compared field by field.
    const fields = (m: AnalyticsMessage) =>
      Object.fromEntries(Object.keys(mine[0]!).map((key) => [key, m[key as keyof AnalyticsMessage]]));
    expect(loadAnalyticsMessages(db, [1]).map(fields)).toEqual(mine.map(fields));
    expect(loadAnalyticsMessages(db, [1, 2]).map((m) => m.rowId)).toEqual([10, 11, 12]);
    expect(loadReportAccounts(db, [1])).toEqual([
      {
        id: 1,
        address: 'me@example.com',
        provider: 'gmail',
        identities: ['me@example.com', 'me@alias.example'],
        mailboxTotal: null,
        lastSync: null,
      },
    ]);
    expect(() => loadReportAccounts(db, [1, 9])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('reads the flags, a missing thread key and the lazily read facts, and refuses rows changed underneath', () => {
    const db = freshDatabase();
    const flagged = [
      received('2025-05-01T09:00:00Z', 'me@alias.example', {
        rowId: 1,
        echo: true,
        automated: true,
        counted: false,
      }),
      sent('2025-05-01T10:00:00Z', ['ann@a.example'], {
        rowId: 2,
        automated: true,
        messageId: 'm@x',
        hasListPost: true,
      }),
      received('2025-05-01T11:00:00Z', 'ann@a.example', { rowId: 3, echo: true, references: ['m@x'] }),
    ];
    for (const m of flagged) store(db, m);
    db.prepare('UPDATE message_cache SET thread_key = NULL WHERE id = 3').run();
    const loaded = loadAnalyticsMessages(db, [1]);
    expect(loaded.map((m) => [m.counted, m.direction, m.echo, m.automated])).toEqual([
      [false, 'received', true, true],
      [true, 'sent', false, true],
      [true, 'received', true, false],
    ]);
    expect(loaded[2]!.threadKey).toBe('r:3');
    expect([loaded[1]!.messageId, loaded[1]!.hasListPost, loaded[2]!.references]).toEqual([
      'm@x',
      true,
      ['m@x'],
    ]);
    const later = loadAnalyticsMessages(db, [1]);
    db.prepare('DELETE FROM message_cache WHERE id = 2').run();
    expect(() => later[0]!.providerId).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => later[1]!.subject).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it("keeps an account's report unchanged when another account's messages change", () => {
    const db = freshDatabase();
    store(db, received('2025-05-01T09:00:00Z', 'ann@a.example', { rowId: 1, threadKey: 'k' }));
    store(db, sent('2025-05-01T10:00:00Z', ['ann@a.example'], { rowId: 2, threadKey: 'k' }));
    store(db, received('2025-05-01T09:30:00Z', 'ann@a.example', { rowId: 3, accountId: 2, threadKey: 'k' }));
    const reportOfA = () =>
      computeReport({
        messages: loadAnalyticsMessages(db, [1]),
        accounts: loadReportAccounts(db, [1]),
        timeZone: 'UTC',
        asOf: Date.parse('2025-06-01T00:00:00Z'),
        range: 'all',
        threadsDerivedAsOf: Date.parse('2025-06-01T00:00:00Z'),
      });
    const before = reportOfA();
    store(db, sent('2025-05-01T09:45:00Z', ['ann@a.example'], { rowId: 4, accountId: 2, threadKey: 'k' }));
    db.prepare("UPDATE message_cache SET sender = 'zed@z.example' WHERE id = 3").run();
    expect(reportOfA()).toEqual(before);
    expect(before.responseTime.mine.medianMs).toBe(3_600_000);
  });
});
