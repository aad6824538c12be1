import { afterEach, describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { cacheState, mailboxState, type SyncBench, startSyncBench, storedRows } from './harness.ts';

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

const synthetic = (messages: number, seed = 3) => [...seedFromSynthetic({ seed, messages })];

describe('first sync (fetch_messages)', () => {
  it('makes the cache equal the mailbox: ids, thread ids and labels', async () => {
    bench = await startSyncBench({ messages: synthetic(600), labels: SYNTHETIC_LABELS, profile: '2026' });
    const states: string[] = [];
    bench.engine.on('sync-state', (event) => states.push(event.state));
    let firstData: number | null = null;
    bench.engine.on('data-changed', () => {
      firstData ??= engineServicesForTests(bench!.engine).messages.getCacheStats(bench!.accountId).count;
    });
    const job = await bench.runJob('fetch_messages');
    expect(job.status).toBe('completed');
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
    const rows = storedRows(bench.engine, bench.accountId);
    expect(rows.rows).toBe(rows.distinct);
    const account = engineServicesForTests(bench.engine).accounts.getAccount(bench.accountId);
    expect(account.historyId).not.toBeNull();
    expect(account.mailboxTotal).toBe(mailboxState(bench.emulator).size);
    expect(account.syncState).toBe('idle');
    expect(account.lastSyncAt).not.toBeNull();
    expect(states[0]).toBe('syncing');
    expect(states.at(-1)).toBe('idle');
    // Partial data was published before the end (the newest batch first).
    expect(firstData).not.toBeNull();
    expect(firstData!).toBeLessThan(rows.rows);
    expect(job.current).toBe(rows.rows);
    expect(job.step).toBeTruthy();
  });

  it('stores nothing twice and fetches nothing again on a second run', async () => {
    bench = await startSyncBench({
      messages: synthetic(300, 5),
      labels: SYNTHETIC_LABELS,
      profile: 'legacy',
    });
    await bench.runJob('fetch_messages');
    const before = bench.emulator.counters.snapshot().callsByMethod;
    const again = await bench.runJob('fetch_messages');
    expect(again.status).toBe('completed');
    const after = bench.emulator.counters.snapshot().callsByMethod;
    expect(after['users.messages.get'] ?? 0).toBe(before['users.messages.get'] ?? 0);
    expect(after['users.threads.get'] ?? 0).toBe(before['users.threads.get'] ?? 0);
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
  });

  it('includes spam and trash when the account asks for them', async () => {
    bench = await startSyncBench({
      messages: synthetic(300, 9),
      labels: SYNTHETIC_LABELS,
      settings: { includeSpamTrash: true },
    });
    await bench.runJob('fetch_messages');
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator, true));
  });
});
