/**
 * Reliability row "Bad calls" (docs/reliability.md): every contract method with malformed,
 * oversized and hostile arguments answers a typed error, writes nothing (every table compared
 * before and after), and the engine keeps answering.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { METHOD_NAMES, type MethodName } from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';
import { describeArgs, EVERY_METHOD, REFUSALS, specificCases, UNKNOWN_METHODS } from './bad-call-cases.ts';
import { openSuiteEngine, REPLY_WALK_PATHS, snapshotTables } from './helpers.ts';

async function expectRefused(engine: Engine, name: string, args: unknown): Promise<void> {
  let outcome: unknown;
  try {
    outcome = await engine.call(name as MethodName, args as never);
  } catch (error) {
    outcome = error;
  }
  const label = `${name}(${describeArgs(args)})`;
  expect(outcome, label).toBeInstanceOf(BriefError);
  expect(REFUSALS, label).toContain((outcome as BriefError).code);
  expect((outcome as BriefError).message.length, label).toBeGreaterThan(10);
}

describe('bad calls (docs/reliability.md)', () => {
  let engine: Engine;
  let accountId: number;
  let jobId: number;

  beforeAll(async () => {
    engine = openSuiteEngine();
    const job = await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await engine.runner.runUntilIdle();
    accountId = job.accountId!;
    // A completed job: retry is allowed on it only once it failed, resume only when paused.
    jobId = job.id;
    expect((await engine.call('jobs.get', { jobId })).status).toBe('completed');
    await engine.call('analytics.report', { account: accountId, range: { preset: 'all' } });
  });

  it('covers every contract method', () => {
    expect(Object.keys(specificCases(1, 1)).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('refuses unknown method names', async () => {
    for (const name of UNKNOWN_METHODS) {
      await expectRefused(engine, name, {});
    }
  });

  for (const name of METHOD_NAMES) {
    it(`${name}: typed refusals, nothing written, the engine keeps answering`, async () => {
      const before = snapshotTables(engine);
      for (const [, make] of EVERY_METHOD) await expectRefused(engine, name, make());
      for (const args of specificCases(accountId, jobId)[name]) await expectRefused(engine, name, args);
      expect(snapshotTables(engine)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await engine.call('app.info', {})).version).toEqual(expect.any(String));
      expect((await engine.call('accounts.list', {})).map((account) => account.id)).toEqual([accountId]);
    });
  }
});
