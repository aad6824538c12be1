/**
 * Reports and warming in the analytics worker (a real worker thread on a read-only connection
 * to the real database file): the same answers as computed on the engine's thread, the engine's
 * thread free to answer meanwhile, and a worker that dies fails its views with a sentence while
 * the engine goes on answering and starts a new one for the next view.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { snapshotPath } from '../../electron/engine/analytics/snapshot/file.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { createMemoryLogger } from '../../electron/engine/log.ts';
import type { ViewSet } from '../../electron/engine/reports/view-computer.ts';
import { ViewWorker } from '../../electron/engine/reports/view-worker.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine, tempFolder } from './helpers.ts';
import { generated } from './random-changes.ts';

const ANALYTICS_WORKER = new URL('../../electron/engine/analytics-worker.ts', import.meta.url);
const EXITING_WORKER = new URL('./fixtures/exiting-analytics-worker.ts', import.meta.url);
const BURSTING_WORKER = new URL('./fixtures/bursting-analytics-worker.ts', import.meta.url);
const START = Date.UTC(2026, 2, 10, 12);
const IDENTITY = 'me@example.com';

/** A database with one account of generated mail, and the engine that filled it (no worker). */
function filled(messages = 1500): { path: string; accountId: number; clock: () => number } {
  const time = fakeClock(START);
  const path = join(tempFolder(), 'brief.db');
  const engine = openEngine({ databasePath: path, clock: time.clock });
  const services = engineServicesForTests(engine);
  const account = services.accounts.createAccount({ address: IDENTITY, provider: 'gmail' });
  const mail = generated(41, messages, true, START - 3_600_000, [IDENTITY]);
  services.messages.cacheBulk(
    account.id,
    'gmail',
    mail.map((facts) => ({ facts })),
  );
  services.rederive(account.id);
  return { path, accountId: account.id, clock: time.clock };
}

function settledFlag(promise: Promise<unknown>): { settled: boolean } {
  const flag = { settled: false };
  promise.then(
    () => {
      flag.settled = true;
    },
    () => {
      flag.settled = true;
    },
  );
  return flag;
}

describe('the analytics worker', () => {
  it('answers reports, the Brief and the warmed views exactly as the engine thread computes them', async () => {
    const { path, accountId, clock } = filled();
    const inWorker = openEngine({ databasePath: path, clock, analyticsWorker: ANALYTICS_WORKER });
    const onThread = openEngine({ databasePath: path, clock });
    const ask = async (engine: Engine) => ({
      report: (
        await engine.call('analytics.report', { account: accountId, range: { preset: '30', anchor: 'auto' } })
      ).report,
      asOf: (
        await engine.call('analytics.report', {
          account: 'all',
          range: { preset: '7' },
          asOf: new Date(START - 86_400_000).toISOString(),
        })
      ).report,
      brief: (await engine.call('brief.get', { account: accountId })).brief,
    });
    const fromWorker = await ask(inWorker);
    engineServicesForTests(inWorker).store.db.exec('DELETE FROM analytics_cache');
    const fromThread = await ask(onThread);
    expect(fromWorker).toEqual(fromThread);
    expect(fromWorker.report.coverage.messages).toBeGreaterThan(0);

    const cached = () =>
      engineServicesForTests(inWorker)
        .store.db.prepare('SELECT key, value FROM analytics_cache ORDER BY key')
        .all();
    engineServicesForTests(inWorker).store.db.exec('DELETE FROM analytics_cache');
    expect(await engineServicesForTests(inWorker).warmAnalytics(accountId)).toBe(10);
    const warmedInWorker = cached();
    engineServicesForTests(inWorker).store.db.exec('DELETE FROM analytics_cache');
    await engineServicesForTests(onThread).warmAnalytics(accountId);
    expect(warmedInWorker.length).toBeGreaterThanOrEqual(10);
    expect(warmedInWorker).toEqual(cached());
  });

  it('leaves the engine thread free: jobs.list answers while a cold report is computed', async () => {
    const { path, accountId, clock } = filled();
    const engine = openEngine({ databasePath: path, clock, analyticsWorker: ANALYTICS_WORKER });
    const report = engine.call('analytics.report', { account: accountId, range: { preset: 'all' } });
    const progress = settledFlag(report);
    // On the engine's thread the report would be done before the next call could even start.
    expect(await engine.call('jobs.list', { limit: 5 })).toEqual({ jobs: [], total: 0 });
    expect((await engine.call('accounts.list', {})).map((row) => row.address)).toEqual([IDENTITY]);
    await nextTurn();
    expect(progress.settled).toBe(false);
    expect((await report).fromCache).toBe(false);
  });

  it('fails the views of a worker that died with a sentence, keeps answering, and starts a new one', async () => {
    const { path, accountId, clock } = filled(200);
    const engine = openEngine({ databasePath: path, clock, analyticsWorker: EXITING_WORKER });
    const stopped = { code: 'INTERNAL', message: expect.stringContaining('The analytics worker stopped') };
    await expect(
      engine.call('analytics.report', { account: accountId, range: { preset: 'all' } }),
    ).rejects.toMatchObject(stopped);
    expect(await engine.call('jobs.list', { limit: 5 })).toEqual({ jobs: [], total: 0 });
    // The next view goes to a new worker (which dies too): it fails the same way, not in silence.
    await expect(engineServicesForTests(engine).warmAnalytics(accountId)).rejects.toMatchObject(stopped);

    const views = new ViewWorker(EXITING_WORKER, path, createMemoryLogger());
    await expect(views.compute([])).rejects.toMatchObject(stopped);
    await views.close();
    await expect(views.compute([])).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('closed'),
    });
  });
  it('hands the views that arrive together to the engine one per turn, so calls are answered between them', async () => {
    const views = new ViewWorker(BURSTING_WORKER, join(tempFolder(), 'brief.db'), createMemoryLogger());
    const seen: string[] = [];
    const answered = await views.compute([], (_set, view) => {
      seen.push(`view ${view}`);
      // What a call asked meanwhile gets: the next turn.
      setImmediate(() => seen.push(`turn after view ${view}`));
    });
    await nextTurn();
    await views.close();
    expect(answered).toHaveLength(1);
    expect(seen).toEqual([
      'view 0',
      'turn after view 0',
      'view 1',
      'turn after view 1',
      'view 2',
      'turn after view 2',
    ]);
  });
  it('answers the next batch before writing the column snapshot a load put off, and writes it when closed', async () => {
    const { path, accountId, clock } = filled();
    // Written only when asked: no idle time passes in a test.
    const views = new ViewWorker(ANALYTICS_WORKER, path, createMemoryLogger(), {
      snapshotIdleMs: Number.POSITIVE_INFINITY,
    });
    const set: ViewSet = {
      ids: [accountId],
      version: 'v1',
      timeZone: 'UTC',
      asOf: clock(),
      countSpamTrash: false,
      threadsDerivedAsOf: null,
      views: [{ figures: 'report', range: '30' }],
    };
    const file = snapshotPath(path, [accountId])!;
    // The first batch reads the account whole, and puts off writing its snapshot.
    await views.compute([set]);
    // The next one (the first view after a sync) is computed first: the write waits for an idle worker.
    const answered = await views.compute([{ ...set, asOf: clock() + 60_000 }]);
    const next = answered[0]![0]!;
    expect(JSON.parse(next.json)).toMatchObject({ range: { preset: '30' } });
    expect(existsSync(file)).toBe(false);
    await views.close();
    expect(existsSync(file)).toBe(true);
  });
});
