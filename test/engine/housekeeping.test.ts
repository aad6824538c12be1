import { describe, expect, it } from 'vitest';
import { isCleanupDue } from '../../electron/engine/housekeeping/daily-cleanup.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine } from './helpers.ts';

const DAY_MS = 24 * 3600 * 1000;

describe('daily cleanup (cleanup removes old finished jobs, expired analytics, messages outside retention)', () => {
  it('is due on a new store, not while one is queued, and again a day after the last one finished', async () => {
    const time = fakeClock();
    const engine = openEngine({ clock: time.clock });
    const { jobs } = engineServicesForTests(engine);
    expect(isCleanupDue(jobs, time.now)).toBe(true);

    const queued = jobs.createJob({ type: 'cleanup' });
    expect(isCleanupDue(jobs, time.now)).toBe(false);

    await engine.runner.runUntilIdle({ sleep: time.sleep });
    expect(jobs.getJob(queued.id).status).toBe('completed');
    expect(isCleanupDue(jobs, time.now)).toBe(false);

    time.advance(DAY_MS - 1);
    expect(isCleanupDue(jobs, time.now)).toBe(false);
    time.advance(1);
    expect(isCleanupDue(jobs, time.now)).toBe(true);
  });

  it('startBackgroundWork queues one cleanup and runs it', async () => {
    const time = fakeClock();
    const engine = openEngine({ clock: time.clock });
    engine.startBackgroundWork();
    engine.startBackgroundWork();
    await engine.runner.stop();
    const { jobs, total } = engineServicesForTests(engine).jobs.listJobs({ type: 'cleanup' });
    expect(total).toBe(1);
    expect(['pending', 'processing', 'completed']).toContain(jobs[0]!.status);
  });
});
