/**
 * Reliability row "Retries" (docs/reliability.md): jobs whose Gmail calls meet injected failures
 * that clear after k tries, k uniform in 1…12 (seeded). Each call goes through the sync's own retry
 * machinery (the error classification of gmail-errors.ts and the per-call budget of
 * retry-policy.ts: 8 tries inside one attempt) and each failed attempt through the queue's backoff,
 * up to the default 5 attempts. ≥ 80 % of the jobs succeed, none runs past its max attempts, and a
 * job whose failure never clears fails with a clear message.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import {
  classifyResponse,
  classifyThrown,
  type Failure,
} from '../../electron/engine/sources/gmail/gmail-errors.ts';
import { freshBudget, RetryPolicy } from '../../electron/engine/sources/gmail/retry-policy.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { DEFAULTS } from '../../shared/domain.ts';
import {
  type ApiError,
  backendError,
  concurrent429,
  unavailable,
  usageLimit403,
  userRateLimit429,
} from '../emulator/google-error.ts';
import { createRandom } from '../emulator/random.ts';
import { fakeClock, openEngine } from '../engine/helpers.ts';
import { MODE, SIZES, trialSeed } from './mode.ts';

const ROW = 3;
const TRIES_PER_CALL = 8;

/** Every failure shape the sync meets, as the sync classifies it at the moment `now`. */
const SHAPES: Array<[string, (now: number) => Failure]> = [
  ['429 with a Retry after', (now) => answered(userRateLimit429(now + 2_000), now)],
  ['429 concurrent', (now) => answered(concurrent429(), now)],
  ['403 rateLimitExceeded', (now) => answered(usageLimit403('rateLimitExceeded'), now)],
  ['403 userRateLimitExceeded', (now) => answered(usageLimit403('userRateLimitExceeded'), now)],
  ['500', (now) => answered(backendError(), now)],
  ['503', (now) => answered(unavailable(), now)],
  [
    'dropped connection',
    (now) => classifyThrown(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), now),
  ],
];

function answered(error: ApiError, now: number): Failure {
  return classifyResponse(error.status, error.body, error.headers['retry-after'], now);
}

interface Plan {
  /** Calls that fail before the failure clears (Infinity: it never does). */
  k: number;
  shape: number;
}

/**
 * An engine whose `compute_analytics` jobs each make one Gmail-like call that fails `k` times,
 * counted across attempts, before it answers; records how many attempts each job really ran.
 */
function flakyEngine(seed: number, plans: Map<number, Plan>) {
  const clock = fakeClock();
  const random = createRandom(seed);
  const callsMade = new Map<number, number>();
  const attemptsRun = new Map<number, number>();
  const engine: Engine = openEngine({
    clock: clock.clock,
    random: () => random.next(),
    executors: {
      compute_analytics: async (context) => {
        const id = context.job.id;
        attemptsRun.set(id, (attemptsRun.get(id) ?? 0) + 1);
        const plan = plans.get(id)!;
        const policy = new RetryPolicy({
          tries: TRIES_PER_CALL,
          timeScale: 1,
          random: () => random.next(),
          now: clock.clock,
        });
        const budget = freshBudget();
        for (;;) {
          const made = (callsMade.get(id) ?? 0) + 1;
          callsMade.set(id, made);
          if (made > plan.k) return { calls: made };
          // Throws NETWORK or RATE_LIMITED once the call's tries are spent: the attempt fails.
          const decision = policy.decide(SHAPES[plan.shape]![1](clock.now), budget);
          clock.advance(decision.waitMs);
        }
      },
    },
  });
  const runAll = () => engine.runner.runUntilIdle({ maxWaitMs: 3_600_000, sleep: clock.sleep });
  return { engine, attemptsRun, runAll };
}

describe(`retries (${MODE})`, () => {
  const seed = trialSeed(ROW, 0);

  it(`seed ${seed}: ${SIZES.retries.jobs} jobs with failures clearing after k ∈ 1…12 tries: ≥ 80 % succeed, none past max attempts`, async () => {
    const draw = createRandom(seed);
    const plans = new Map<number, Plan>();
    const { engine, attemptsRun, runAll } = flakyEngine(seed, plans);
    for (let n = 0; n < SIZES.retries.jobs; n++) {
      const job = engineServicesForTests(engine).jobs.createJob({ type: 'compute_analytics' });
      plans.set(job.id, { k: draw.int(1, 12), shape: draw.int(0, SHAPES.length - 1) });
    }
    await runAll();

    const jobs = [...plans.keys()].map((id) => engineServicesForTests(engine).jobs.getJob(id));
    const succeeded = jobs.filter((job) => job.status === 'completed');
    const retried = succeeded.filter((job) => job.attempts > 1).length;
    console.info(
      `retries seed ${seed}: ${succeeded.length}/${jobs.length} succeeded, ${retried} of them after more than one attempt`,
    );
    expect(succeeded.length / jobs.length).toBeGreaterThanOrEqual(0.8);
    for (const job of jobs) {
      expect(job.maxAttempts).toBe(DEFAULTS.maxAttempts);
      expect(attemptsRun.get(job.id)).toBe(job.attempts);
      expect(job.attempts).toBeLessThanOrEqual(job.maxAttempts);
      if (job.status !== 'completed') expectClearFailure(job.error);
    }
    // Failures past one attempt's tries really happened, and the queue's retry cleared them.
    expect(jobs.some((job) => job.status === 'completed' && job.attempts > 1)).toBe(true);
    expect(engineServicesForTests(engine).jobs.listJobs({ status: 'processing' }).total).toBe(0);
  });

  it(`seed ${seed}: a failure that never clears ends the job after exactly its max attempts, with a clear message`, async () => {
    const plans = new Map<number, Plan>();
    const { engine, attemptsRun, runAll } = flakyEngine(seed, plans);
    SHAPES.forEach((_, shape) => {
      const job = engineServicesForTests(engine).jobs.createJob({
        type: 'compute_analytics',
        maxAttempts: 1 + (shape % 5),
      });
      plans.set(job.id, { k: Number.POSITIVE_INFINITY, shape });
    });
    await runAll();
    for (const id of plans.keys()) {
      const job = engineServicesForTests(engine).jobs.getJob(id);
      expect(job.status).toBe('failed');
      expect(job.attempts).toBe(job.maxAttempts);
      expect(attemptsRun.get(id)).toBe(job.maxAttempts);
      expectClearFailure(job.error);
    }
  });
});

function expectClearFailure(error: { code: string; message: string } | null): void {
  expect(error).not.toBeNull();
  expect(['RATE_LIMITED', 'NETWORK']).toContain(error!.code);
  // Says what failed (Gmail, and why) and what happens next.
  expect(error!.message).toMatch(/^Gmail .*\(.+\).*\./);
}
