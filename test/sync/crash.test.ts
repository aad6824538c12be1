import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { createRandom } from '../emulator/random.ts';
import type { RunningEmulator } from '../emulator/server.ts';
import {
  type CrashTrial,
  LEASE_PASSED_MS,
  restartEngine,
  setUpCrashTrial,
  sigkillProcessAfter,
  terminateWorkerAfter,
} from './crash-trial.ts';
import { cacheState, mailboxState, storedRows } from './harness.ts';

/** Every kill costs the job an attempt (the queue cannot tell a crash from a failure). */
const CRASH_ATTEMPTS = 50;
const WORKER_KILLS = 5;
/** Runs that keep finishing before their kill are a broken trial: fail it rather than loop on. */
const MAX_RUNS = 4 * WORKER_KILLS;

let trial: CrashTrial | null = null;
let emulator: RunningEmulator | null = null;
afterEach(async () => {
  await trial?.close();
  trial = null;
  emulator = null;
});

async function setUp(messages: number, seed: number) {
  trial = await setUpCrashTrial(seed, messages, { maxAttempts: CRASH_ATTEMPTS });
  emulator = trial.emulator;
  return trial;
}

/** An in-process engine on the same file, its clock past every lease the killed runs left. */
const openEngine = restartEngine;

function expectConsistent(engine: Engine, accountId: number): void {
  expect(cacheState(engine, accountId)).toEqual(mailboxState(emulator!));
  const rows = storedRows(engine, accountId);
  expect(rows.rows).toBe(rows.distinct);
  expect(engineServicesForTests(engine).jobs.listJobs({ status: 'processing' }).total).toBe(0);
}

describe('a sync killed at random moments', () => {
  it('loses nothing and duplicates nothing when its worker thread is terminated, then finishes in-process', async () => {
    const { config, accountId, jobId } = await setUp(2000, 51);
    const random = createRandom(99);
    let kills = 0;
    let runs = 0;
    while (kills < WORKER_KILLS) {
      expect(runs, 'runs that finished before their kill').toBeLessThan(MAX_RUNS);
      runs += 1;
      const workerConfig = { ...config, clockOffsetMs: runs * LEASE_PASSED_MS };
      const finished = await terminateWorkerAfter(workerConfig, random.int(1, 4));
      if (!finished) kills += 1;
      else {
        // The sync got through between kills: check it, then make it do everything again.
        const check = openEngine(config, runs * LEASE_PASSED_MS);
        expectConsistent(check, accountId);
        engineServicesForTests(check).jobs.createJob({
          type: 'sync_history',
          accountId,
          maxAttempts: CRASH_ATTEMPTS,
          metadata: { resync: true },
        });
        await check.close();
      }
      // Between kills the mailbox moves on, as a real one does.
      const ids = [...mailboxState(emulator!).keys()];
      if (runs % 5 === 0) emulator!.mailbox.modifyLabels(ids[runs]!, { add: ['STARRED'] });
    }

    const engine = openEngine(config, (runs + 1) * LEASE_PASSED_MS);
    try {
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expect(engineServicesForTests(engine).jobs.getJob(jobId).status).toBe('completed');
      expect(engineServicesForTests(engine).jobs.listJobs({ status: 'failed' }).total).toBe(0);
      // The label changes made between kills arrive through history.
      engineServicesForTests(engine).jobs.createJob({ type: 'sync_history', accountId });
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expectConsistent(engine, accountId);
      // Runs killed while finding the ceiling never settled on the lower one (the account is legacy;
      // whether one of them got far enough to remember legacy depends on where the kills fell).
      expect(
        engineServicesForTests(engine).accounts.learnedQuota.get(accountId, emulator!.user)?.profile,
      ).not.toBe('2026');
    } finally {
      await engine.close();
    }
  }, 90_000);

  it('resumes in-process after the sync process is killed with SIGKILL, and after a pause', async () => {
    const { config, accountId, jobId } = await setUp(1500, 61);
    const finished = await sigkillProcessAfter(config, 3);
    expect(finished).toBe(false);

    const engine = openEngine(config, LEASE_PASSED_MS);
    try {
      let paused = false;
      engine.on('data-changed', () => {
        if (paused) return;
        paused = true;
        engineServicesForTests(engine).jobs.pauseJob(jobId);
      });
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expect(engineServicesForTests(engine).jobs.getJob(jobId).status).toBe('paused');
      engineServicesForTests(engine).jobs.resumeJob(jobId);
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expect(engineServicesForTests(engine).jobs.getJob(jobId).status).toBe('completed');
      expectConsistent(engine, accountId);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
