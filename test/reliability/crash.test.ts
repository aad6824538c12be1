/**
 * Reliability row "Crash during sync" (docs/reliability.md): the engine running a first sync is
 * killed at a seeded moment (its worker thread terminated, or its process killed with SIGKILL), the
 * mailbox moves on, and an engine restarted on the same file finishes: the cache equals the
 * mailbox, no duplicate, no loss, no job left in `processing`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { createRandom } from '../emulator/random.ts';
import {
  type CrashTrial,
  restartEngine,
  setUpCrashTrial,
  sigkillProcessAfter,
  terminateWorkerAfter,
} from '../sync/crash-trial.ts';
import { cacheState, mailboxState, storedRows } from '../sync/harness.ts';
import { MODE, SIZES, trialSeed } from './mode.ts';

const ROW = 1;
let trial: CrashTrial | null = null;
afterEach(async () => {
  await trial?.close();
  trial = null;
});

interface Plan {
  kind: 'worker terminated' | 'process SIGKILL';
  seed: number;
  killAfter: number;
}

function plans(): Plan[] {
  const { workerKills, processKills } = SIZES.crash;
  return Array.from({ length: workerKills + processKills }, (_, index) => {
    const seed = trialSeed(ROW, index);
    return {
      kind: index < workerKills ? 'worker terminated' : 'process SIGKILL',
      seed,
      // Which stored batch the kill follows: early, middle or late in the sync.
      killAfter: createRandom(seed).int(1, 8),
    };
  });
}

/** The mailbox keeps changing while the engine is down, as a real one does. */
function changeMailbox(current: CrashTrial, seed: number): void {
  const random = createRandom(seed ^ 0x5eed);
  const ids = [...mailboxState(current.emulator).keys()];
  current.emulator.mailbox.deleteMessage(ids[random.int(0, ids.length - 1)]!);
  current.emulator.mailbox.modifyLabels(ids[random.int(0, ids.length - 1)]!, { add: ['STARRED'] });
}

describe(`crash during sync (${MODE})`, () => {
  for (const plan of plans()) {
    it(`seed ${plan.seed}: ${plan.kind} after ${plan.killAfter} stored batches, then restarted`, async () => {
      trial = await setUpCrashTrial(plan.seed, SIZES.crash.messages);
      const kill = plan.kind === 'worker terminated' ? terminateWorkerAfter : sigkillProcessAfter;
      const finishedBeforeKill = await kill(trial.config, plan.killAfter);
      expect(finishedBeforeKill, 'the kill came before the sync ended').toBe(false);
      changeMailbox(trial, plan.seed);

      const engine = restartEngine(trial.config);
      try {
        const { jobs } = engineServicesForTests(engine);
        await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
        const job = jobs.getJob(trial.jobId);
        expect(job.status, JSON.stringify(job.error)).toBe('completed');
        expect(job.attempts).toBeLessThanOrEqual(job.maxAttempts);
        // The changes made while the engine was down arrive through history.
        jobs.createJob({ type: 'sync_history', accountId: trial.accountId });
        await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });

        expect(cacheState(engine, trial.accountId)).toEqual(mailboxState(trial.emulator));
        const rows = storedRows(engine, trial.accountId);
        expect(rows.rows).toBe(rows.distinct);
        expect(jobs.listJobs({ status: 'processing' }).total).toBe(0);
        expect(jobs.listJobs({ status: 'failed' }).total).toBe(0);
      } finally {
        await engine.close();
      }
    }, 60_000);
  }
});
