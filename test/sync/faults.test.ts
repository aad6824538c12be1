import { afterEach, describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { cacheState, mailboxState, type SyncBench, startSyncBench, storedRows } from './harness.ts';

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

const mailbox = (messages: number, seed: number) => [...seedFromSynthetic({ seed, messages })];

describe('sync under faults', () => {
  it('completes with 30 % rate limits of every shape, 10 % 5xx, dropped connections and expiring tokens', async () => {
    bench = await startSyncBench({
      messages: mailbox(800, 21),
      labels: SYNTHETIC_LABELS,
      profile: '2026',
      // Virtual time: token expiry and the quota windows follow the sync's waits, not the CPU.
      virtualTime: true,
      faults: { seed: 5, rateLimit: 0.3, error500: 0.05, error503: 0.05, drop: 0.03, tokenExpirySeconds: 60 },
    });
    const states = new Set<string>();
    const steps: string[] = [];
    bench.engine.on('sync-state', (event) => states.add(event.state));
    bench.engine.on('job-progress', (event) => steps.push(event.step ?? ''));
    const job = await bench.runJob('fetch_messages');
    expect(job.status).toBe('completed');
    expect(job.attempts).toBeLessThanOrEqual(job.maxAttempts);
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
    const rows = storedRows(bench.engine, bench.accountId);
    expect(rows.rows).toBe(rows.distinct);
    const errors = bench.emulator.counters.snapshot().errorsByKind;
    // Every kind of failure really happened.
    expect(Object.keys(errors).length).toBeGreaterThanOrEqual(6);
    expect(errors['dropped connection']).toBeGreaterThan(0);
    expect(states.has('waiting-for-quota')).toBe(true);
    expect(steps.some((step) => /^Waiting for Gmail quota \(resumes in \d+ s\)$/.test(step))).toBe(true);

    // Changes after the sync arrive through history, under the same faults.
    const gone = [...mailboxState(bench.emulator).keys()].slice(0, 20);
    for (const id of gone.slice(0, 10)) bench.emulator.mailbox.deleteMessage(id);
    for (const id of gone.slice(10))
      bench.emulator.mailbox.modifyLabels(id, { remove: ['INBOX'], add: ['STARRED'] });
    const incremental = await bench.runJob('sync_history');
    expect(incremental.status).toBe('completed');
    expect(cacheState(bench.engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
  });

  it('stops with AUTH_REQUIRED and needs-reconnect when the grant is revoked, without retrying', async () => {
    bench = await startSyncBench({ messages: mailbox(100, 4), labels: SYNTHETIC_LABELS });
    bench.emulator.oauth.revoke(bench.emulator.refreshToken);
    const job = await bench.runJob('fetch_messages');
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error?.code).toBe('AUTH_REQUIRED');
    expect(job.error?.message).toContain(`Reconnect ${bench.emulator.user}`);
    expect(engineServicesForTests(bench.engine).accounts.getAccount(bench.accountId).syncState).toBe(
      'needs-reconnect',
    );
  });
});
