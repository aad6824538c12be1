import { afterEach, describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { SeedMessage } from '../emulator/mailbox.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { cacheState, mailboxState, type SyncBench, startSyncBench, storedRows } from './harness.ts';

let bench: SyncBench | null = null;
const nodeFetch = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = nodeFetch;
  await bench?.close();
  bench = null;
});

const mailbox = (messages: number, seed: number) => [...seedFromSynthetic({ seed, messages })];

function newMessage(n: number, threadId?: string): SeedMessage {
  return {
    ...(threadId === undefined ? {} : { threadId }),
    labelIds: ['INBOX', 'UNREAD'],
    internalDate: Date.UTC(2026, 10, 2, 9, n),
    sizeEstimate: 900 + n,
    headers: [
      { name: 'From', value: `New ${n} <new${n}@example.net>` },
      { name: 'To', value: 'me@example.com' },
      { name: 'Subject', value: `Fresh news ${n}` },
      { name: 'Message-ID', value: `<fresh-${n}@example.net>` },
      { name: 'Date', value: new Date(Date.UTC(2026, 10, 2, 9, n)).toUTCString() },
    ],
  };
}

describe('incremental sync (sync_history)', () => {
  it('ends right after messages are added, deleted and relabelled during and after the first sync', async () => {
    bench = await startSyncBench({ messages: mailbox(700, 31), labels: SYNTHETIC_LABELS });
    const { mailbox: box } = bench.emulator;
    const ids = [...mailboxState(bench.emulator).keys()];
    let changedDuringSync = false;
    bench.engine.on('data-changed', () => {
      if (changedDuringSync) return;
      changedDuringSync = true;
      // While the first sync runs: new mail, deletions, archive, spam, labels on unfetched mail.
      for (let n = 0; n < 5; n++) box.addMessage(newMessage(n));
      box.addMessage(newMessage(9, ids[0] ? box.getMessage(ids[0])!.threadId : undefined));
      box.deleteMessage(ids[1]!);
      box.deleteMessage(ids.at(-1)!);
      box.modifyLabels(ids[2]!, { remove: ['INBOX'] });
      box.modifyLabels(ids[3]!, { add: ['SPAM'], remove: ['INBOX'] });
      box.modifyLabels(ids.at(-2)!, { add: ['STARRED'] });
    });
    const first = await bench.runJob('fetch_messages');
    expect(first.status).toBe('completed');
    expect(changedDuringSync).toBe(true);

    // After the sync: more of each, including a message restored from trash.
    const trashed = [...box.sortedMessages()].find((m) => m.labelIds.includes('TRASH'));
    if (trashed) box.modifyLabels(trashed.id, { remove: ['TRASH'], add: ['INBOX'] });
    const added = box.addMessage(newMessage(20));
    box.modifyLabels(added.id, { remove: ['UNREAD'] });
    box.deleteMessage(ids[5]!);
    box.modifyLabels(ids[6]!, { add: ['TRASH'] });
    box.modifyLabels(ids[7]!, { add: ['IMPORTANT'], remove: ['UNREAD'] });

    const before = bench.emulator.counters.snapshot().callsByMethod['users.messages.list'] ?? 0;
    const second = await bench.runJob('sync_history');
    expect(second.status).toBe('completed');
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
    // Incremental: history pages and fetches only, no listing.
    expect(bench.emulator.counters.snapshot().callsByMethod['users.messages.list'] ?? 0).toBe(before);
    const account = engineServicesForTests(bench.engine).accounts.getAccount(bench.accountId);
    expect(account.historyId).toBe(String(box.historyId));

    // Nothing changed: one history call, nothing else.
    const third = await bench.runJob('sync_history');
    expect(third.metadata.changes).toBe(0);
  });

  it("leaves a fetched thread's stored messages as they are stored, writing only the new ones", async () => {
    bench = await startSyncBench({
      messages: mailbox(300, 17),
      labels: SYNTHETIC_LABELS,
      profile: 'legacy',
      settings: { quotaProfile: 'legacy' },
    });
    const { mailbox: box } = bench.emulator;
    expect((await bench.runJob('fetch_messages')).status).toBe('completed');
    const stored = cacheState(bench.engine, bench.accountId);
    const threadSizes = new Map<string, string[]>();
    for (const [id, { threadId }] of stored)
      threadSizes.set(threadId, [...(threadSizes.get(threadId) ?? []), id]);
    const [threadId, members] = [...threadSizes].find(([, ids]) => ids.length >= 2)!;
    // Changed on our side only: a thread fetched whole must not write its stored messages again.
    const db = engineServicesForTests(bench.engine).store.db;
    db.prepare("UPDATE message_cache SET subject = 'kept as stored' WHERE provider_id = ?").run(members[0]);
    // Two new messages in the thread: one threads.get costs what two messages.get would (legacy).
    const added = [box.addMessage(newMessage(1, threadId)), box.addMessage(newMessage(2, threadId))];
    const threadsBefore = bench.emulator.counters.snapshot().callsByMethod['users.threads.get'] ?? 0;

    expect((await bench.runJob('sync_history')).status).toBe('completed');
    expect(bench.emulator.counters.snapshot().callsByMethod['users.threads.get'] ?? 0).toBe(
      threadsBefore + 1,
    );
    const subjects = db.prepare(
      'SELECT provider_id AS id, subject FROM message_cache WHERE provider_id IN (?, ?, ?)',
    );
    expect(
      Object.fromEntries(
        (subjects.all(members[0], added[0]!.id, added[1]!.id) as Array<{ id: string; subject: string }>).map(
          (row) => [row.id, row.subject],
        ),
      ),
    ).toEqual({
      [members[0]!]: 'kept as stored',
      [added[0]!.id]: 'Fresh news 1',
      [added[1]!.id]: 'Fresh news 2',
    });
  });

  it('counts the stored messages only after data-changed, and counts them all', async () => {
    bench = await startSyncBench({ messages: mailbox(200, 23), labels: SYNTHETIC_LABELS });
    expect((await bench.runJob('fetch_messages')).status).toBe('completed');
    for (let n = 0; n < 3; n++) bench.emulator.mailbox.addMessage(newMessage(n));
    const order: string[] = [];
    // Observed, not replaced: Node's fetch, and the real count run as it is.
    const messages = engineServicesForTests(bench.engine).messages;
    const count = messages.countMessages.bind(messages);
    messages.countMessages = (accountId) => {
      order.push('count');
      return count(accountId);
    };
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      order.push(new URL(url).pathname.split('/').at(-1)!);
      return nodeFetch(input, init);
    };
    bench.engine.on('data-changed', () => order.push('data-changed'));
    const steps: Array<{ current: number; step: string | null }> = [];
    bench.engine.on('job-progress', ({ current, step }) => steps.push({ current, step }));
    const job = await bench.runJob('sync_history');
    expect(job.status).toBe('completed');
    // At 1,000,000 stored the count is ≈ 30 ms of CPU, more from a cold disk: it comes after.
    expect(order).toEqual(['history', 'v1', 'data-changed', 'count']);
    expect(job.metadata.stored).toBe(count(bench.accountId));
    // What the job shows meanwhile: the new messages it stored.
    expect(steps.at(-1)).toEqual({ current: 3, step: 'Working out threads and directions' });
  });

  it('runs a full resync keeping the cache when history is too old (404)', async () => {
    bench = await startSyncBench({
      messages: mailbox(400, 41),
      labels: SYNTHETIC_LABELS,
      historyHorizon: 20,
    });
    const { mailbox: box } = bench.emulator;
    await bench.runJob('fetch_messages');
    const ids = [...mailboxState(bench.emulator).keys()];
    for (let n = 0; n < 10; n++) box.addMessage(newMessage(n));
    for (const id of ids.slice(0, 5)) box.deleteMessage(id);
    for (const id of ids.slice(5, 10))
      box.modifyLabels(id, { add: ['STARRED'], remove: ['UNREAD', 'INBOX'] });
    const versions: number[] = [];
    bench.engine.on('data-changed', (event) => versions.push(event.dataVersion));
    const job = await bench.runJob('sync_history');
    expect(job.status).toBe('completed');
    expect(bench.emulator.counters.snapshot().errorsByKind['404 notFound']).toBeGreaterThan(0);
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
    const rows = storedRows(bench.engine, bench.accountId);
    expect(rows.rows).toBe(rows.distinct);
    expect(versions.length).toBeGreaterThan(0);
    expect(engineServicesForTests(bench.engine).accounts.getAccount(bench.accountId).historyId).toBe(
      String(box.historyId),
    );
  });
});
