import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { type OpenOptions, openDatabase } from '../../electron/engine/db/open.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { seededRandom } from '../seeded-random.ts';

const folders: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'brief-store-'));
  folders.push(folder);
  return folder;
}

export interface FakeClock {
  now: number;
  advance(ms: number): void;
  clock: () => number;
}

export function fakeClock(start = Date.UTC(2026, 0, 15, 12)): FakeClock {
  const state = {
    now: start,
    advance(ms: number) {
      state.now += ms;
    },
    clock: () => state.now,
  };
  return state;
}

export function openTemp(options: OpenOptions = {}): { store: Store; path: string; clock: FakeClock } {
  const clock = fakeClock();
  const path = join(tempFolder(), 'nested', 'brief.db');
  const store = openDatabase(path, { clock: clock.clock, ...options });
  stores.push(store);
  return { store, path, clock };
}

export function track(store: Store): Store {
  stores.push(store);
  return store;
}

export function facts(index: number, overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    providerId: `m${index}`,
    providerThreadId: `t${index % 7}`,
    messageId: `id${index}@example.com`,
    inReplyTo: [],
    references: [],
    time: Date.UTC(2026, 0, 1) + index * 3_600_000,
    from: `sender${index % 5}@example.com`,
    fromName: `Sender ${index % 5}`,
    sender: `sender${index % 5}@example.com`,
    senderName: `Sender ${index % 5}`,
    to: ['me@example.com'],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: `Subject ${index}`,
    subjectKey: `subject ${index}`,
    labels: index % 2 === 0 ? ['INBOX', 'UNREAD'] : ['SENT'],
    listPost: null,
    hasListPost: false,
    unsubscribe: null,
    automated: false,
    size: 1000 + index,
    contentKey: `ck${index}`,
    ...overrides,
  };
}

/** Everything a failed call must leave untouched: row counts of every table and each account's data version. */
export function snapshot(store: Store): string {
  const tables = [
    'accounts',
    'analytics_jobs',
    'message_cache',
    'account_labels',
    'analytics_cache',
    'settings',
  ];
  const counts = tables.map((table) => store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get());
  const accounts = store.db
    .prepare('SELECT id, data_version, identities, settings, sync_state FROM accounts')
    .all();
  const jobs = store.db.prepare('SELECT * FROM analytics_jobs ORDER BY id').all();
  const messages = store.db
    .prepare('SELECT id, labels, time, counted, direction, thread_key FROM message_cache')
    .all();
  const cache = store.db.prepare('SELECT key, value, hit_count FROM analytics_cache').all();
  return JSON.stringify({ counts, accounts, jobs, messages, cache });
}

export { seededRandom };

/** The plan's table accesses; each must be a SEARCH through an index or key, never a full SCAN. */
function accesses(store: Store, sql: string, params: Record<string, unknown> | unknown[]): string[] {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
  return rows
    .map((row) => row.detail)
    .filter((detail) => /^(SCAN|SEARCH) /.test(detail) && !/json_each/.test(detail));
}

export function expectIndexed(
  store: Store,
  sql: string,
  params: Record<string, unknown> | unknown[],
  index: RegExp,
): void {
  const plan = accesses(store, sql, params);
  expect(plan.length, sql).toBeGreaterThan(0);
  for (const detail of plan)
    expect(detail, sql).toMatch(/^SEARCH .* USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)/);
  expect(plan.join('\n'), sql).toMatch(index);
}
