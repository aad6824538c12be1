/**
 * Reliability row "Bad calls" (docs/reliability.md) across the app's real boundaries: the bad-call table of
 * test/engine/bad-calls.test.ts sent through the engine's worker thread (the app's path) and
 * through the browser bridge's POST /rpc (`brief serve`). Every call answers a typed refusal,
 * nothing is written (every table compared before and after), and the engine keeps answering.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../electron/cli/serve.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { startWorkerHost, type WorkerHost } from '../../electron/engine/worker-host.ts';
import { METHOD_NAMES, type MethodName } from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';
import {
  describeArgs,
  EVERY_METHOD,
  REFUSALS,
  specificCases,
  UNKNOWN_METHODS,
} from '../engine/bad-call-cases.ts';
import { openSuiteEngine, REPLY_WALK_PATHS, snapshotDatabase, snapshotTables } from '../engine/helpers.ts';

const ENGINE_WORKER = new URL('../../electron/engine/worker.ts', import.meta.url);

type Outcome = { code: string; message: string } | { value: unknown };

function expectRefusal(outcome: Outcome, label: string): void {
  expect('code' in outcome, `${label} answered ${describeArgs(outcome)}`).toBe(true);
  const { code, message } = outcome as { code: string; message: string };
  expect(REFUSALS, label).toContain(code);
  expect(message.length, label).toBeGreaterThan(10);
}

/** Every case of the table for one method, with the ids of the prepared account and job. */
function casesFor(name: MethodName, accountId: number, jobId: number): unknown[] {
  return [...EVERY_METHOD.map(([, make]) => make()), ...specificCases(accountId, jobId)[name]];
}

/** Values a thread message carries unchanged (structured clone: no functions). */
function cloneable(args: unknown): boolean {
  try {
    structuredClone(args);
    return true;
  } catch {
    return false;
  }
}

describe('bad calls through the engine worker thread', () => {
  let host: WorkerHost;
  let folder: string;
  let databasePath: string;
  let accountId: number;
  let jobId: number;

  async function call(name: string, args: unknown): Promise<Outcome> {
    try {
      return { value: await host.call(name as MethodName, args as never) };
    } catch (error) {
      expect(error, `${name}(${describeArgs(args)})`).toBeInstanceOf(BriefError);
      return error as BriefError;
    }
  }

  /** Resolves once no job is pending or running: the queue writes nothing more by itself. */
  async function queueSettled(): Promise<void> {
    for (;;) {
      const busy = await Promise.all(
        (['pending', 'processing'] as const).map((status) => host.call('jobs.list', { status, limit: 1 })),
      );
      if (busy.every((list) => list.total === 0)) return;
      await new Promise<void>((resolve) => {
        const stop = host.on('job-state', () => {
          stop();
          resolve();
        });
      });
    }
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'brief-reliability-calls-'));
    databasePath = join(folder, 'brief.db');
    host = startWorkerHost({
      workerUrl: ENGINE_WORKER,
      startData: { databasePath, logFolder: join(folder, 'logs', 'engine'), runJobs: true },
      schedule: (run) => run(),
    });
    await host.ready();
    const job = await host.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await queueSettled();
    accountId = job.accountId!;
    jobId = job.id;
    expect((await host.call('jobs.get', { jobId })).status).toBe('completed');
    await host.call('analytics.report', { account: accountId, range: { preset: 'all' } });
    await queueSettled();
  });

  afterAll(async () => {
    await host.shutdown(2000);
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses unknown method names', async () => {
    for (const name of UNKNOWN_METHODS) expectRefusal(await call(name, {}), `worker ${name.slice(0, 40)}`);
  });

  for (const name of METHOD_NAMES) {
    it(`${name}: typed refusals, nothing written, the engine keeps answering`, async () => {
      const before = snapshotDatabase(databasePath);
      for (const args of casesFor(name, accountId, jobId).filter(cloneable)) {
        expectRefusal(await call(name, args), `worker ${name}(${describeArgs(args)})`);
      }
      expect(snapshotDatabase(databasePath)).toEqual(before);
      expect(host.state).toBe('running');
      expect((await host.call('app.info', {})).engine).toBe('worker');
      expect((await host.call('accounts.list', {})).map((account) => account.id)).toEqual([accountId]);
    });
  }

  it('refuses arguments a thread message cannot carry without hurting the engine', async () => {
    const before = snapshotDatabase(databasePath);
    await expect(host.call('accounts.get', { accountId: () => 1 } as never)).rejects.toBeInstanceOf(Error);
    expect(snapshotDatabase(databasePath)).toEqual(before);
    expect(host.state).toBe('running');
    expect((await host.call('accounts.list', {})).map((account) => account.id)).toEqual([accountId]);
  });
});

describe('bad calls through the browser bridge (POST /rpc)', () => {
  let engine: Engine;
  let bridge: Bridge;
  let rendererDir: string;
  let accountId: number;
  let jobId: number;

  async function post(body: string): Promise<Outcome> {
    const response = await fetch(new URL('/rpc', bridge.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
      body,
    });
    const answer = (await response.json()) as { ok: boolean; value?: unknown; error?: Outcome };
    return answer.ok ? { value: answer.value } : answer.error!;
  }

  /** What HTTP can carry: JSON that reads back as the same value. */
  function jsonFaithful(args: unknown): boolean {
    try {
      const text = JSON.stringify(args);
      return text !== undefined && isDeepStrictEqual(JSON.parse(text), args);
    } catch {
      return false;
    }
  }

  beforeAll(async () => {
    engine = openSuiteEngine();
    const job = await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await engine.runner.runUntilIdle();
    accountId = job.accountId!;
    jobId = job.id;
    await engine.call('analytics.report', { account: accountId, range: { preset: 'all' } });
    rendererDir = mkdtempSync(join(tmpdir(), 'brief-reliability-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>360Brief</title>');
    bridge = await startBridge(engine, { port: 0, rendererDir });
  });

  afterAll(async () => {
    await bridge.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('refuses unknown method names and bodies that are not a call', async () => {
    for (const name of UNKNOWN_METHODS)
      expectRefusal(await post(JSON.stringify({ method: name, args: {} })), `bridge ${name.slice(0, 40)}`);
    const hostileBodies = [
      'not json',
      '{"method": "accounts.get", "args": {"accountId": 1e999}}',
      '{"method": "accounts.get", "args": {"accountId": -0}}',
      `{"method": "accounts.get", "args": ${'{"inner":'.repeat(50_000)}{}${'}'.repeat(50_000)}}`,
      `{"method": "accounts.get", "args": ${'['.repeat(100_000)}`,
      '[]',
      '{"method": 42}',
    ];
    for (const body of hostileBodies) expectRefusal(await post(body), `bridge ${body.slice(0, 60)}`);
  });

  it('answers a body over 1 MB with a typed error', async () => {
    const oversized = JSON.stringify({ method: 'accounts.list', args: { limit: 'x'.repeat(2_000_000) } });
    expectRefusal(await post(oversized), 'bridge oversized body');
  });

  it('keeps answering after an oversized body', async () => {
    const before = snapshotTables(engine);
    const oversized = JSON.stringify({ method: 'accounts.list', args: { limit: 'x'.repeat(2_000_000) } });
    await post(oversized).catch(() => undefined);
    expect(snapshotTables(engine)).toEqual(before);
    const listed = await post(JSON.stringify({ method: 'accounts.list', args: {} }));
    expect((listed as { value: Array<{ id: number }> }).value.map((account) => account.id)).toEqual([
      accountId,
    ]);
  });

  for (const name of METHOD_NAMES) {
    it(`${name}: typed refusals, nothing written, the engine keeps answering`, async () => {
      const before = snapshotTables(engine);
      // The bridge signs in by itself for a well-formed connectGmail: only malformed ones are sent.
      const cases =
        name === 'accounts.connectGmail'
          ? EVERY_METHOD.map(([, make]) => make())
          : casesFor(name, accountId, jobId);
      for (const args of cases.filter(jsonFaithful)) {
        expectRefusal(
          await post(JSON.stringify({ method: name, args })),
          `bridge ${name}(${describeArgs(args)})`,
        );
      }
      expect(snapshotTables(engine)).toEqual(before);
      expect((await engine.call('app.info', {})).version).toEqual(expect.any(String));
      const listed = await post(JSON.stringify({ method: 'accounts.list', args: {} }));
      expect((listed as { value: Array<{ id: number }> }).value.map((account) => account.id)).toEqual([
        accountId,
      ]);
    });
  }
});
