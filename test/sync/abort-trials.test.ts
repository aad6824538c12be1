import { afterEach, describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { createRandom } from '../emulator/random.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { cacheState, mailboxState, type SyncBench, startSyncBench, storedRows } from './harness.ts';

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

describe('a sync stopped at seeded random moments', () => {
  it('over 24 stops, each followed by reopening the engine on the same file, ends with no loss, no duplicate, no stuck job', async () => {
    bench = await startSyncBench({
      messages: [...seedFromSynthetic({ seed: 71, messages: 1000 })],
      labels: SYNTHETIC_LABELS,
      profile: '2026',
      faults: { seed: 3, rateLimit: 0.1, error500: 0.05 },
      sync: { rederiveIntervalMs: 0 },
      heartbeatMs: 2,
    });
    const random = createRandom(1234);
    const jobs = engineServicesForTests(bench.engine).jobs;
    let job = jobs.createJob({ type: 'fetch_messages', accountId: bench.accountId, maxAttempts: 100 });
    let stops = 0;
    for (let trial = 0; stops < 24; trial++) {
      const engine = await bench.reopen();
      // The stop follows a seeded number of stored batches: every batch is stored, whereas
      // data-changed is published at most so often by the wall clock (fewer on a loaded machine).
      const stopAfter = random.int(1, 3);
      let seen = 0;
      const { messages } = engineServicesForTests(engine);
      const cacheBulk = messages.cacheBulk.bind(messages);
      messages.cacheBulk = (...args) => {
        const stored = cacheBulk(...args);
        if (
          ++seen === stopAfter &&
          engineServicesForTests(engine).jobs.getJob(job.id).status === 'processing'
        )
          engineServicesForTests(engine).jobs.pauseJob(job.id);
        return stored;
      };
      await bench.runQueue();
      const status = engineServicesForTests(engine).jobs.getJob(job.id).status;
      if (status === 'paused') {
        stops += 1;
        engineServicesForTests(engine).jobs.resumeJob(job.id);
      }
      // The mailbox keeps changing between stops.
      const ids = [...mailboxState(bench.emulator).keys()];
      if (trial % 4 === 1) bench.emulator.mailbox.deleteMessage(ids[random.int(0, ids.length - 1)]!);
      if (trial % 4 === 3)
        bench.emulator.mailbox.modifyLabels(ids[random.int(0, ids.length - 1)]!, { add: ['STARRED'] });
      if (status === 'completed') {
        // Got through between stops: start over from an empty cache, and stop it again.
        engineServicesForTests(engine).messages.clearCache(bench.accountId);
        job = engineServicesForTests(engine).jobs.createJob({
          type: 'fetch_messages',
          accountId: bench.accountId,
          maxAttempts: 100,
        });
      }
      expect(status === 'paused' || status === 'completed').toBe(true);
    }
    const engine = await bench.reopen();
    await bench.runQueue();
    expect(engineServicesForTests(engine).jobs.getJob(job.id).status).toBe('completed');
    const incremental = await bench.runJob('sync_history');
    expect(incremental.status).toBe('completed');
    expect(cacheState(engine, bench.accountId)).toEqual(mailboxState(bench.emulator));
    const rows = storedRows(engine, bench.accountId);
    expect(rows.rows).toBe(rows.distinct);
    expect(engineServicesForTests(engine).jobs.listJobs({ status: 'processing' }).total).toBe(0);
    expect(engineServicesForTests(engine).jobs.listJobs({ status: 'pending' }).total).toBe(0);
  });
});
