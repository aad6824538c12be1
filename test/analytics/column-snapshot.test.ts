import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AnalyticsMessage,
  computeReport,
  loadAnalyticsMessages,
  loadReportAccounts,
  type RangeSpec,
  type ReportInput,
} from '../../electron/engine/analytics/index.ts';
import { snapshotPath } from '../../electron/engine/analytics/snapshot/file.ts';
import { AnalyticsReads } from '../../electron/engine/cache/analytics-reads.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import { EXPECTED } from '../paths.ts';
import { seededRandom } from '../seeded-random.ts';
import { message } from './builders.ts';
import { diffJson } from './diff.ts';
import { inputFromParams, type ReportParams } from './mailbox.ts';
import { store, storedMailboxes } from './stored-mailbox.ts';

const mailboxes = storedMailboxes();
afterEach(() => {
  vi.restoreAllMocks();
  mailboxes.close();
});

const AS_OF = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
const PEOPLE = ['ann@a.example', 'bob@b.example', 'cy@a.example', 'dee@c.example', 'news@list.example'];
const MINE = ['me@example.com', 'me@alias.example'];
const LABELS = [[], ['INBOX'], ['INBOX', 'UNREAD'], ['SENT'], ['SPAM'], ['TRASH', 'UNREAD']];

/** A seeded mailbox of both accounts: lists, identities, undated, uncounted and unicode texts. */
function randomMessages(seed: number, count: number, firstRowId = 1): AnalyticsMessage[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = (n: number) => Array.from({ length: n }, () => pick([...PEOPLE, ...MINE, 'zoë@ü.example']));
  return Array.from({ length: count }, (_, k) => {
    const sent = random() < 0.4;
    const roll = random();
    const time = roll < 0.03 ? null : AS_OF - Math.floor(random() * 120 * DAY);
    return message(time === null ? null : new Date(time).toISOString(), {
      rowId: firstRowId + k,
      accountId: random() < 0.8 ? 1 : 2,
      direction: sent ? 'sent' : 'received',
      sender: random() < 0.03 ? null : sent ? pick(MINE) : pick(PEOPLE),
      senderName: pick([null, 'Ann', 'Zoë "Z" Ünal']),
      to: some(1 + Math.floor(random() * 2)),
      cc: random() < 0.2 ? some(2) : [],
      bcc: random() < 0.1 ? some(1) : [],
      labels: [...pick(LABELS)],
      unsubscribe: random() < 0.2 ? 'https://u.example/1' : null,
      automated: random() < 0.25,
      counted: random() < 0.92,
      subject: pick(['Plan', 'Re: Plan', 'Ünïcode ✓']),
      size: 100 + Math.floor(random() * 5000),
      threadKey: random() < 0.05 ? null : `t${Math.floor(random() * 40)}-${pick(['', 'ü', '✓'])}`,
    } as Partial<AnalyticsMessage>);
  });
}

/** The services bump an account's data version with every write of its messages; so do these tests. */
function bump(db: Store, accountId: number): void {
  db.prepare('UPDATE accounts SET data_version = data_version + 1 WHERE id = ?').run(accountId);
}

function reportOf(db: Store, accountIds: number[], range: RangeSpec = 'all') {
  const input: ReportInput = {
    messages: loadAnalyticsMessages(db, accountIds),
    accounts: loadReportAccounts(db, accountIds),
    timeZone: 'Europe/Berlin',
    asOf: AS_OF,
    range,
    threadsDerivedAsOf: AS_OF,
  };
  return computeReport(input);
}

/** Counts the loads that scanned message_cache (the snapshot was not used). */
function countDatabaseScans(): () => number {
  const scans = vi.spyOn(AnalyticsReads.prototype, 'eagerBatch');
  scans.mockClear();
  return () => new Set(scans.mock.contexts).size;
}

describe('the column snapshot', () => {
  it('gives the same report as the database, on seeded mailboxes and after each kind of change', () => {
    for (const seed of [1, 2]) {
      const db = mailboxes.fresh();
      for (const m of randomMessages(seed, 300)) store(db, m);
      const scans = countDatabaseScans();
      for (const accountIds of [[1], [2], [1, 2]]) {
        const fromDatabase = reportOf(db, accountIds);
        const fromSnapshot = reportOf(db, accountIds);
        expect(fromSnapshot).toEqual(fromDatabase);
      }
      expect(scans()).toBe(3);
      const changes: Array<(db: Store) => number> = [
        (db) => {
          for (const m of randomMessages(seed + 10, 40, 1000)) store(db, { ...m, accountId: 1 });
          return 1;
        },
        (db) => {
          db.prepare(
            `UPDATE message_cache SET labels = '["INBOX","UNREAD"]' WHERE id % 7 = 0 AND account_id = 1`,
          ).run();
          return 1;
        },
        (db) => {
          db.prepare('DELETE FROM message_cache WHERE id % 5 = 0 AND account_id = 2').run();
          return 2;
        },
        (db) => {
          db.prepare(
            "UPDATE message_cache SET thread_key = 'joined', counted = 1 WHERE id % 3 = 0 AND account_id = 1",
          ).run();
          db.prepare('UPDATE accounts SET derived_as_of = ? WHERE id = 1').run(AS_OF + 1);
          return -1;
        },
        (db) => {
          // Counting spam and trash derived again at the same instant: only the settings tell.
          db.prepare(`UPDATE accounts SET settings = '{"includeSpamTrash":true}' WHERE id = 1`).run();
          db.prepare('UPDATE message_cache SET counted = 1 WHERE account_id = 1').run();
          return -1;
        },
      ];
      for (const change of changes) {
        const changed = change(db);
        if (changed > 0) bump(db, changed);
        const before = scans();
        for (const accountIds of [[1], [2], [1, 2]]) {
          const fromDatabase = reportOf(db, accountIds);
          expect(reportOf(db, accountIds)).toEqual(fromDatabase);
        }
        // The stale snapshots of the changed account (alone and with the other) are read again; the other's is not.
        expect(scans() - before).toBe(2);
      }
    }
  });

  it('equals the report of the same messages as plain objects', () => {
    const db = mailboxes.fresh();
    const messages = randomMessages(4, 400).map((m) => ({ ...m, accountId: 1 }));
    for (const m of messages) store(db, m);
    loadAnalyticsMessages(db, [1]);
    const scans = countDatabaseScans();
    const input = (loaded: AnalyticsMessage[]): ReportInput => ({
      messages: loaded,
      accounts: loadReportAccounts(db, [1]),
      timeZone: 'America/New_York',
      asOf: AS_OF,
      range: '90',
      threadsDerivedAsOf: AS_OF,
    });
    const stored = messages.map((m) => ({ ...m, threadKey: m.threadKey ?? `r:${m.rowId}` }));
    expect(computeReport(input(loadAnalyticsMessages(db, [1])))).toEqual(computeReport(input(stored)));
    expect(scans()).toBe(0);
  });

  it('is ignored and rebuilt when damaged, cut short, stale or of another layout', () => {
    const db = mailboxes.fresh();
    for (const m of randomMessages(5, 200)) store(db, m);
    const expected = reportOf(db, [1]);
    const path = snapshotPath(db.path, [1])!;
    const good = readFileSync(path);
    const damage: Array<(bytes: Buffer) => Buffer> = [
      (bytes) => {
        const copy = Buffer.from(bytes);
        copy[copy.length - 100]! ^= 0x40;
        return copy;
      },
      (bytes) => bytes.subarray(0, bytes.length - 8),
      (bytes) => bytes.subarray(0, 20),
      (bytes) => {
        const copy = Buffer.from(bytes);
        copy.writeUInt32LE(copy.readUInt32LE(8) + 1, 8);
        return copy;
      },
      () => Buffer.from('not a snapshot'),
    ];
    for (const harm of damage) {
      writeFileSync(path, harm(good));
      const scans = countDatabaseScans();
      expect(reportOf(db, [1])).toEqual(expected);
      expect(scans()).toBe(1);
      expect(readFileSync(path).equals(good)).toBe(true);
      expect(reportOf(db, [1])).toEqual(expected);
      expect(scans()).toBe(1);
    }
    bump(db, 1);
    const scans = countDatabaseScans();
    reportOf(db, [1]);
    expect(scans()).toBe(1);
    expect(readFileSync(path).equals(good)).toBe(false);
  });

  it('is the user’s alone (0600) beside the database, with no temporary file left, not even a dead writer’s', () => {
    const db = mailboxes.fresh();
    for (const m of randomMessages(6, 50)) store(db, m);
    const path = snapshotPath(db.path, [2, 1])!;
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const living = `${path}.partial-${process.ppid}-writing`;
    writeFileSync(`${path}.partial-${dead}-torn`, 'half a snapshot');
    writeFileSync(living, 'another process is writing');
    loadAnalyticsMessages(db, [1, 2]);
    expect(readdirSync(dirname(db.path)).filter((name) => name.includes('partial'))).toEqual([
      basename(living),
    ]);
    rmSync(living);
    expect(dirname(path)).toBe(dirname(db.path));
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(db.path)).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('gives every hand-built expected report (docs/metrics.md cases) from the snapshot', async () => {
    const cases = join(EXPECTED, 'cases');
    for (const name of readdirSync(cases).sort()) {
      const folder = join(cases, name);
      const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as ReportParams & {
        expect: unknown;
      };
      const input = await inputFromParams(spec, folder);
      const db = mailboxes.fresh();
      for (const m of input.messages) store(db, { ...m, accountId: 1 });
      const fromDatabase = computeReport({ ...input, messages: loadAnalyticsMessages(db, [1]) });
      const scans = countDatabaseScans();
      const fromSnapshot = computeReport({ ...input, messages: loadAnalyticsMessages(db, [1]) });
      expect(scans(), name).toBe(0);
      expect(fromSnapshot, name).toEqual(fromDatabase);
      expect(diffJson(spec.expect, fromSnapshot), name).toEqual([]);
    }
  });
});
