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
import { followStoredRows } from '../../electron/engine/cache/change-log.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import { EXPECTED } from '../paths.ts';
import { diffJson } from './diff.ts';
import { inputFromParams, type ReportParams } from './mailbox.ts';
import { AS_OF, randomMessages } from './random-mailbox.ts';
import { store, storedMailboxes } from './stored-mailbox.ts';

const mailboxes = storedMailboxes();
afterEach(() => {
  vi.restoreAllMocks();
  mailboxes.close();
});

/** The services bump an account's data version with every write of its messages; so do these tests. */
function bump(db: Store, accountId: number): void {
  db.prepare('UPDATE accounts SET data_version = data_version + 1 WHERE id = ?').run(accountId);
}

function reportOf(db: Store, accountIds: number[], range: RangeSpec = 'all') {
  // As the report service does before each load: every stored row followed by the change log.
  followStoredRows(db);
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

/** Counts the loads that read message_cache whole (no snapshot to start from, or one that could not be caught up). */
function countDatabaseScans(): () => number {
  const scans = vi.spyOn(AnalyticsReads.prototype, 'eagerBatch');
  scans.mockClear();
  return () => scans.mock.calls.filter(([after]) => after === Number.MIN_SAFE_INTEGER).length;
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
        for (const accountIds of [[1], [2], [1, 2]]) {
          // The snapshot is caught up through the change log: no whole read.
          const before = scans();
          const caughtUp = reportOf(db, accountIds);
          expect(scans() - before).toBe(0);
          rmSync(snapshotPath(db.path, accountIds)!);
          expect(caughtUp).toEqual(reportOf(db, accountIds));
          expect(scans() - before).toBe(1);
        }
      }
    }
  });

  it('equals the report of the same messages as plain objects', () => {
    const db = mailboxes.fresh();
    const messages = randomMessages(4, 400).map((m) => ({ ...m, accountId: 1 }));
    for (const m of messages) store(db, m);
    followStoredRows(db);
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
    // A change the log no longer reaches back to (trimmed past the snapshot's position): read whole.
    db.prepare(`UPDATE message_cache SET labels = '["SENT"]' WHERE id = 7`).run();
    db.prepare('UPDATE message_change_marks SET trimmed_through = trimmed_through + 1000').run();
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
      followStoredRows(db);
      const fromDatabase = computeReport({ ...input, messages: loadAnalyticsMessages(db, [1]) });
      const scans = countDatabaseScans();
      const fromSnapshot = computeReport({ ...input, messages: loadAnalyticsMessages(db, [1]) });
      expect(scans(), name).toBe(0);
      expect(fromSnapshot, name).toEqual(fromDatabase);
      expect(diffJson(spec.expect, fromSnapshot), name).toEqual([]);
    }
  });
});
