/**
 * The incremental load (docs/analytics.md "Incremental load"): a set brought up to date from the
 * change log — from the previous set in memory, or from the column snapshot — gives exactly the
 * report of a whole read, after seeded random changes of every kind between two reports.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIEF_RANGE, briefOf } from '../../electron/engine/analytics/brief/compute-brief.ts';
import { dayIndexOf } from '../../electron/engine/analytics/day-index.ts';
import { heldHeadlines } from '../../electron/engine/analytics/figures/previous-headlines.ts';
import {
  type AnalyticsMessage,
  computeReport,
  type Dataset,
  datasetForRange,
  loadAnalyticsMessages,
  loadReportAccounts,
  patchedDataset,
  prepareDataset,
  type RangeSpec,
  type ReportInput,
  reportOf as reportOfDataset,
} from '../../electron/engine/analytics/index.ts';
import { storedColumns } from '../../electron/engine/analytics/message-columns.ts';
import { snapshotPath } from '../../electron/engine/analytics/snapshot/file.ts';
import { latestTimeBound } from '../../electron/engine/analytics/time-bound.ts';
import { AnalyticsReads } from '../../electron/engine/cache/analytics-reads.ts';
import { followStoredRows } from '../../electron/engine/cache/change-log.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import type { RangeAnchor } from '../../shared/domain.ts';
import { seededRandom } from '../seeded-random.ts';
import { AS_OF, randomMessages } from './random-mailbox.ts';
import { store, storedMailboxes } from './stored-mailbox.ts';

const mailboxes = storedMailboxes();
afterEach(() => {
  vi.restoreAllMocks();
  mailboxes.close();
});

const SETS = [[1], [2], [1, 2]];
/**
 * The seeded rounds load, read whole and report dozens of times: ≈ 10 s on an idle machine, past
 * the default 30 s when five engineers' runs share two cores. A bound on a hang, not on speed.
 */
const SEEDED_ROUNDS_TIMEOUT = 180_000;
const RANGES: RangeSpec[] = ['all', '30', '7'];

function reportOf(db: Store, accountIds: number[], messages: AnalyticsMessage[], range: RangeSpec) {
  return computeReport({
    messages,
    accounts: loadReportAccounts(db, accountIds),
    timeZone: 'Europe/Berlin',
    asOf: AS_OF,
    range,
    threadsDerivedAsOf: AS_OF,
  });
}

/** What the figures read of each message, in order: a loaded set compared fact by fact. */
function facts(messages: readonly AnalyticsMessage[]) {
  return messages.map((m) => [
    m.rowId,
    m.accountId,
    m.time,
    m.sender,
    m.to,
    m.cc,
    m.bcc,
    m.labels,
    m.size,
    m.automated,
    m.counted,
    m.direction,
    m.echo,
    m.threadKey,
  ]);
}

/** The texts a report lists of each message (read on demand, kept by the set: row-texts.ts), in order. */
function texts(messages: readonly AnalyticsMessage[]) {
  return messages.map((m) => [m.rowId, m.subject, m.senderName, m.unsubscribe]);
}

/** The set's carried time bound is at or past its latest stored time (time-bound.ts). */
function expectTimeBound(messages: readonly AnalyticsMessage[], context: string): void {
  const columns = storedColumns(messages)!;
  const latest = Math.max(
    Number.NEGATIVE_INFINITY,
    ...messages.map((m) => m.time ?? Number.NEGATIVE_INFINITY),
  );
  expect(latestTimeBound(columns), `${context}: time bound`).toBeGreaterThanOrEqual(latest);
}

/** Counts the loads that read message_cache whole. */
function wholeReads(): () => number {
  const scans = vi.spyOn(AnalyticsReads.prototype, 'eagerBatch');
  scans.mockClear();
  return () => scans.mock.calls.filter(([after]) => after === Number.MIN_SAFE_INTEGER).length;
}

/** A fresh store with a seeded mailbox, every row followed by the change log (as after a warming). */
function followedMailbox(seed: number, count: number): Store {
  const db = mailboxes.fresh();
  db.transaction(() => {
    for (const m of randomMessages(seed, count)) store(db, m);
  });
  followStoredRows(db);
  return db;
}

type Change = (db: Store, random: () => number, nextId: () => number) => void;

const pickIds = (db: Store, random: () => number, share: number): number[] =>
  db
    .prepareRaw<[number]>('SELECT id FROM message_cache ORDER BY id')
    .all()
    .map((row) => row[0])
    .filter(() => random() < share);

/** One change of each kind the app makes (sync, import, label changes, deletions, derivations after new identities). */
const CHANGES: Record<string, Change> = {
  'new messages': (db, random, nextId) => {
    const first = nextId();
    const count = 1 + Math.floor(random() * 30);
    for (const m of randomMessages(Math.floor(random() * 1e6), count, first)) store(db, m);
    // Now and then one dated ahead of the clock (valid up to a day past the as-of time).
    if (random() < 0.3)
      db.prepare('UPDATE message_cache SET time = ? WHERE id = ?').run(
        AS_OF + Math.floor(random() * 86_400_000),
        first,
      );
  },
  'label changes': (db, random) => {
    const labels = ['[]', '["INBOX"]', '["INBOX","UNREAD"]', '["TRASH"]', '["SENT","IMPORTANT"]'];
    const update = db.prepare('UPDATE message_cache SET labels = ? WHERE id = ?');
    for (const id of pickIds(db, random, 0.1)) update.run(labels[Math.floor(random() * labels.length)], id);
  },
  deletions: (db, random) => {
    const remove = db.prepare('DELETE FROM message_cache WHERE id = ?');
    for (const id of pickIds(db, random, 0.08)) remove.run(id);
  },
  'the newest rows deleted and their ids given again': (db, random) => {
    const newest = db
      .prepareRaw<[number]>('SELECT id FROM message_cache ORDER BY id DESC LIMIT ?')
      .all(1 + Math.floor(random() * 5))
      .map((row) => row[0]);
    for (const id of newest) db.prepare('DELETE FROM message_cache WHERE id = ?').run(id);
    // SQLite gives max(id) + 1: the ids just freed come back, for other messages.
    const again = newest.length > 1 ? newest.slice(1) : newest;
    for (const [k, m] of randomMessages(Math.floor(random() * 1e6), again.length, 1).entries())
      store(db, { ...m, rowId: again.at(-1 - k)!, providerId: `again${random()}` });
  },
  'identities changed (derivation rewrites direction, counting and threads)': (db, random) => {
    const derive = db.prepare(
      'UPDATE message_cache SET direction = ?, counted = ?, echo = ?, thread_key = ? WHERE id = ?',
    );
    for (const id of pickIds(db, random, 0.2))
      derive.run(
        random() < 0.5 ? 'sent' : 'received',
        random() < 0.9 ? 1 : 0,
        random() < 0.1 ? 1 : 0,
        random() < 0.1 ? null : `joined-${Math.floor(random() * 8)}`,
        id,
      );
  },
  'senders, names, sizes and times rewritten': (db, random) => {
    const rewrite = db.prepare(
      'UPDATE message_cache SET sender = ?, sender_name = ?, size = ?, time = ?, unsubscribe = ?, automated = ? WHERE id = ?',
    );
    for (const id of pickIds(db, random, 0.05))
      rewrite.run(
        random() < 0.5 ? 'new@n.example' : null,
        random() < 0.5 ? 'New Name' : null,
        Math.floor(random() * 9000),
        random() < 0.1
          ? null
          : random() < 0.15
            ? AS_OF + Math.floor(random() * 86_400_000) // dated ahead of the clock, valid for now
            : AS_OF - Math.floor(random() * 90) * 86_400_000,
        random() < 0.5 ? 'https://u.example/2' : null,
        random() < 0.5 ? 1 : 0,
        id,
      );
  },
  'subjects and provider ids rewritten (a message stored again)': (db, random) => {
    const rewrite = db.prepare(
      "UPDATE message_cache SET subject = ?, provider_id = provider_id || '-again' WHERE id = ?",
    );
    for (const id of pickIds(db, random, 0.05)) rewrite.run(random() < 0.2 ? null : `Again ${random()}`, id);
  },
  'a message moved to the other account': (db, random) => {
    for (const id of pickIds(db, random, 0.02))
      db.prepare('UPDATE message_cache SET account_id = 3 - account_id WHERE id = ?').run(id);
  },
};

describe('the incremental load', () => {
  it(
    'equals a whole read after seeded random changes, from memory and from the snapshot',
    () => {
      for (const seed of [11, 12, 13]) {
        const random = seededRandom(seed);
        const db = mailboxes.fresh();
        db.transaction(() => {
          for (const m of randomMessages(seed, 400)) store(db, m);
        });
        let last = 400;
        const nextId = () => {
          const max = db.prepareRaw<[number | null]>('SELECT max(id) FROM message_cache').get()![0] ?? 0;
          last = Math.max(last, max) + 1;
          return last;
        };
        followStoredRows(db);
        const kept = new Map(SETS.map((ids) => [ids.join(','), loadAnalyticsMessages(db, ids)]));
        // The set before the kept one: caught up again each round, beside the kept one.
        const older = new Map<string, AnalyticsMessage[]>();
        const names = Object.keys(CHANGES);
        for (let round = 0; round < 14; round++) {
          const applied = [0, 1, 2].map(() => names[Math.floor(random() * names.length)]!);
          db.transaction(() => {
            for (const name of applied) CHANGES[name]!(db, random, nextId);
          });
          // The report service moves the watermark before it loads; a load with rows above it must be right too.
          if (random() < 0.7) followStoredRows(db);
          for (const ids of SETS) {
            const context = `seed ${seed}, round ${round} (${applied.join(', ')}), accounts ${ids}`;
            const whole = wholeReads();
            const list = ids.join(',');
            const keptFacts = facts(kept.get(list)!);
            const fromMemory = loadAnalyticsMessages(db, ids, { previous: kept.get(list) });
            expect(whole(), `${context} memory`).toBe(0);
            const fromSnapshot = loadAnalyticsMessages(db, ids);
            expect(whole(), context).toBe(0);
            rmSync(snapshotPath(db.path, ids)!);
            const fresh = loadAnalyticsMessages(db, ids);
            expect(whole(), context).toBe(1);
            // Caught up from an older set too: the sets share column arrays (load-in-place.ts), and
            // neither catch-up may change a row another set sees.
            const fromOlder = older.has(list)
              ? loadAnalyticsMessages(db, ids, { previous: older.get(list) })
              : null;
            expect(facts(kept.get(list)!), `${context}: the set caught up from`).toEqual(keptFacts);
            expect(facts(fromMemory), context).toEqual(facts(fresh));
            expect(facts(fromSnapshot), context).toEqual(facts(fresh));
            if (fromOlder !== null)
              expect(facts(fromOlder), `${context} from an older set`).toEqual(facts(fresh));
            // The sets caught up keep the texts their sets read before the change (every row's, below)
            // for the rows the log does not name: each must be the store's now.
            expect(texts(fromMemory), `${context}: texts`).toEqual(texts(fresh));
            expectTimeBound(fromMemory, context);
            if (fromOlder !== null) expectTimeBound(fromOlder, `${context} from an older set`);
            if (fromOlder !== null)
              expect(texts(fromOlder), `${context}: texts from an older set`).toEqual(texts(fresh));
            for (const range of RANGES) {
              const expected = reportOf(db, ids, fresh, range);
              expect(reportOf(db, ids, fromMemory, range), `${context}, ${range}`).toEqual(expected);
              expect(reportOf(db, ids, fromSnapshot, range), `${context}, ${range}`).toEqual(expected);
            }
            older.set(list, kept.get(list)!);
            kept.set(list, fromMemory);
          }
        }
      }
    },
    SEEDED_ROUNDS_TIMEOUT,
  );

  it('leaves a snapshot a little behind as it is (a cold start catches it up) and writes it once it lags further', () => {
    const db = followedMailbox(31, 400);
    let set = loadAnalyticsMessages(db, [1, 2]);
    const path = snapshotPath(db.path, [1, 2])!;
    const written = readFileSync(path);
    let next = 401;
    const addAndLoad = (count: number) => {
      db.transaction(() => {
        for (const m of randomMessages(next, count, next)) store(db, m);
      });
      next += count;
      followStoredRows(db);
      set = loadAnalyticsMessages(db, [1, 2], { previous: set });
    };
    // 2,000 rows caught up in four loads: within the 2,048 a file may lag.
    for (let k = 0; k < 4; k++) addAndLoad(500);
    expect(readFileSync(path).equals(written)).toBe(true);
    const whole = wholeReads();
    const cold = loadAnalyticsMessages(db, [1, 2]);
    expect(whole()).toBe(0);
    expect(facts(cold)).toEqual(facts(set));
    // 100 more: the file is written again, and what a cold start reads is the set as it is.
    addAndLoad(100);
    expect(readFileSync(path).equals(written)).toBe(false);
    expect(facts(loadAnalyticsMessages(db, [1, 2]))).toEqual(facts(set));
    rmSync(path);
    expect(facts(loadAnalyticsMessages(db, [1, 2]))).toEqual(facts(set));
    expect(whole()).toBe(1);
  });

  it('reads the set whole when the log no longer reaches back to it, or holds more changes than rows worth looking up', () => {
    const db = followedMailbox(21, 2500);
    const first = loadAnalyticsMessages(db, [1, 2]);
    db.prepare(`UPDATE message_cache SET labels = '["STARRED"]' WHERE id = 5`).run();
    db.prepare(
      'UPDATE message_change_marks SET trimmed_through = (SELECT max(seq) FROM message_changes)',
    ).run();
    db.prepare('DELETE FROM message_changes').run();
    const whole = wholeReads();
    const second = loadAnalyticsMessages(db, [1, 2], { previous: first });
    expect(whole()).toBe(1);
    expect(second.find((m) => m.rowId === 5)!.labels).toEqual(['STARRED']);
    // 2,400 rows changed: more than the 2,048 worth looking up one by one.
    const update = db.prepare('UPDATE message_cache SET labels = ? WHERE id = ?');
    db.transaction(() => {
      for (let k = 0; k < 2400; k++) update.run(`["L${k}"]`, 1 + k);
    });
    const third = loadAnalyticsMessages(db, [1, 2], { previous: second });
    expect(whole()).toBe(2);
    expect(facts(third)).toEqual(facts(loadAnalyticsMessages(db, [1, 2], {})));
  });
});

/** Every report variant (range × anchor) and the Brief of a dataset, as JSON. */
const VARIANTS: Array<[RangeSpec, RangeAnchor | undefined]> = (
  ['all', '30', '7', '2025-03-01..2025-04-30'] as RangeSpec[]
).flatMap((range) => [
  [range, undefined],
  [range, 'newest'],
]);
function everyView(data: Dataset): string[] {
  return [
    ...VARIANTS.map(([range, anchor]) =>
      JSON.stringify(reportOfDataset(datasetForRange(data, range, anchor))),
    ),
    JSON.stringify(briefOf(datasetForRange(data, BRIEF_RANGE, 'auto'))),
  ];
}

/** What a sync brings most often: new mail of the last day (after every previous range of a report). */
const LAST_DAY = 'new mail of the last day';
const PATCH_CHANGES: Record<string, Change> = {
  ...CHANGES,
  [LAST_DAY]: (db, random) => {
    // Copies of stored rows (their senders, threads and labels), dated in the day before the as-of time.
    const columns = db
      .prepareRaw<[number, string]>('PRAGMA table_info(message_cache)')
      .all()
      .map((column) => column[1])
      .filter((name) => name !== 'id');
    const values = columns.map((name) =>
      name === 'provider_id' || name === 'message_id'
        ? `${name} || @suffix`
        : name === 'time'
          ? '@time'
          : name,
    );
    const copy = db.prepare(
      `INSERT INTO message_cache (${columns.join(', ')}) SELECT ${values.join(', ')} FROM message_cache WHERE id = @id`,
    );
    for (const id of pickIds(db, random, 0.05).slice(0, 10)) {
      const suffix = `-day-${Math.floor(random() * 1e9)}`;
      copy.run({ suffix, time: AS_OF - Math.floor(random() * 86_400_000), id });
    }
  },
};

/** Changes a kept preparation follows (appended messages, label lists); the others make it prepare whole. */
const FOLLOWED = new Set(['new messages', 'label changes', LAST_DAY]);

describe('the kept preparation (dataset-patch.ts)', () => {
  it(
    'brought up to date after seeded random changes equals a whole preparation, in every report variant and the Brief',
    () => {
      for (const seed of [41, 42, 43]) {
        const random = seededRandom(seed);
        const db = followedMailbox(seed, 400);
        let last = 400;
        const nextId = () => {
          const max = db.prepareRaw<[number | null]>('SELECT max(id) FROM message_cache').get()![0] ?? 0;
          last = Math.max(last, max) + 1;
          return last;
        };
        const inputOf = (ids: number[], messages: AnalyticsMessage[], round: number): ReportInput => ({
          messages,
          accounts: loadReportAccounts(db, ids),
          timeZone: 'Europe/Berlin',
          // Warmings happen at later instants: the as-of time moves between them.
          asOf: AS_OF + round * 7 * 60_000,
          range: '30',
          anchor: 'auto',
          threadsDerivedAsOf: AS_OF,
        });
        const sets = new Map(SETS.map((ids) => [ids.join(','), loadAnalyticsMessages(db, ids)]));
        const kept = new Map(
          SETS.map((ids) => [ids.join(','), prepareDataset(inputOf(ids, sets.get(ids.join(','))!, 0))]),
        );
        const names = Object.keys(CHANGES);
        let patched = 0;
        let carried = 0;
        for (let round = 1; round <= 14; round++) {
          // Mostly what a sync brings (new mail, read and archived mail); now and then anything.
          const applied =
            random() < 0.3
              ? [LAST_DAY]
              : [0, 1].map(() =>
                  random() < 0.75
                    ? random() < 0.6
                      ? 'new messages'
                      : 'label changes'
                    : names[Math.floor(random() * names.length)]!,
                );
          db.transaction(() => {
            for (const name of applied) PATCH_CHANGES[name]!(db, random, nextId);
          });
          followStoredRows(db);
          for (const ids of SETS) {
            const list = ids.join(',');
            const context = `seed ${seed}, round ${round} (${applied.join(', ')}), accounts ${ids}`;
            const messages = loadAnalyticsMessages(db, ids, { previous: sets.get(list)! });
            sets.set(list, messages);
            const input = inputOf(ids, messages, round);
            const result = patchedDataset(kept.get(list)!, input);
            if (applied.every((name) => FOLLOWED.has(name)))
              expect('data' in result ? 'followed' : result.reason, context).toBe('followed');
            if (!('data' in result)) {
              kept.set(list, prepareDataset(input));
              continue;
            }
            patched += 1;
            // The comparison's previous ranges carried from the kept dataset's views (checked
            // against a whole preparation's below, in every report variant).
            carried += heldHeadlines(result.data)?.size ?? 0;
            rmSync(snapshotPath(db.path, ids)!, { force: true });
            const whole = prepareDataset({ ...input, messages: loadAnalyticsMessages(db, ids) });
            // The day index carried from the kept dataset (every round after the first: the views
            // made it) lists each day's messages as one made afresh does.
            expect(dayIndexOf(result.data), context).toEqual(dayIndexOf(whole));
            expect(everyView(result.data), context).toEqual(everyView(whole));
            kept.set(list, result.data);
          }
        }
        expect(patched, `seed ${seed}`).toBeGreaterThan(20);
        expect(carried, `seed ${seed}`).toBeGreaterThan(0);
      }
    },
    SEEDED_ROUNDS_TIMEOUT,
  );

  it('is brought up to date once: the dataset it became is the one to follow the next change', () => {
    const db = followedMailbox(51, 300);
    const first = loadAnalyticsMessages(db, [1, 2]);
    const input = (messages: AnalyticsMessage[]): ReportInput => ({
      messages,
      accounts: loadReportAccounts(db, [1, 2]),
      timeZone: 'Europe/Berlin',
      asOf: AS_OF,
      range: 'all',
      threadsDerivedAsOf: AS_OF,
    });
    const kept = prepareDataset(input(first));
    db.transaction(() => {
      for (const m of randomMessages(52, 10, 301)) store(db, m);
    });
    const second = loadAnalyticsMessages(db, [1, 2], { previous: first });
    const next = patchedDataset(kept, input(second));
    expect('data' in next).toBe(true);
    expect(patchedDataset(kept, input(second))).toEqual({
      reason: 'the kept dataset was brought up to date already',
    });
    // A set read whole has no way back to the kept one: prepared whole.
    rmSync(snapshotPath(db.path, [1, 2])!, { force: true });
    const reread = loadAnalyticsMessages(db, [1, 2]);
    expect(patchedDataset((next as { data: Dataset }).data, input(reread))).toEqual({
      reason: 'the messages were read whole, or not from the set the dataset was made of',
    });
  });
});
