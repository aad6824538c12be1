import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { RefreshingTokenProvider } from '../../electron/engine/auth/refreshing-token-provider.ts';
import { Engine } from '../../electron/engine/engine.ts';
import { fetchMessagesExecutor, syncHistoryExecutor } from '../../electron/engine/sources/gmail/index.ts';
import { createRandom } from '../emulator/random.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';
import { cacheState, mailboxState, storedRows } from './harness.ts';
import type { ChildConfig } from './sync-child.ts';

const CHILD = new URL('./sync-child.ts', import.meta.url);
const TIME_SCALE = 100;
const LEASE_PASSED_MS = 31_000;
/** Every kill costs the job an attempt (the queue cannot tell a crash from a failure). */
const CRASH_ATTEMPTS = 50;
const WORKER_KILLS = 5;

let emulator: RunningEmulator | null = null;
let dir: string | null = null;
afterEach(async () => {
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  emulator = null;
  dir = null;
});

async function setUp(messages: number, seed: number) {
  emulator = await startEmulator({
    messages: seedFromSynthetic({ seed, messages }),
    labels: SYNTHETIC_LABELS,
    profile: 'legacy',
    timeScale: TIME_SCALE,
  });
  dir = mkdtempSync(join(tmpdir(), 'brief-crash-'));
  const config: ChildConfig = {
    databasePath: join(dir, 'brief.db'),
    vaultPath: join(dir, 'tokens.json'),
    rootUrl: `${emulator.url}/`,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    authorizationEndpoint: emulator.endpoints.oauth2AuthBaseUrl,
    tokenEndpoint: emulator.endpoints.oauth2TokenUrl,
    timeScale: TIME_SCALE,
    clockOffsetMs: 0,
  };
  new FileVault(config.vaultPath).set(emulator.user, {
    refreshToken: emulator.refreshToken,
    scope: emulator.scope,
  });
  const engine = Engine.open({ databasePath: config.databasePath });
  const accountId = engine.services.accounts.createAccount({ address: emulator.user, provider: 'gmail' }).id;
  const jobId = engine.services.jobs.createJob({
    type: 'fetch_messages',
    accountId,
    maxAttempts: CRASH_ATTEMPTS,
  }).id;
  await engine.close();
  return { config, accountId, jobId };
}

/** An in-process engine on the same file, its clock past every lease the killed runs left. */
function openEngine(config: ChildConfig, clockOffsetMs: number): Engine {
  const provider = new RefreshingTokenProvider(new FileVault(config.vaultPath), config);
  const options = { rootUrl: config.rootUrl, timeScale: TIME_SCALE, now: Date.now };
  let engine: Engine | null = null;
  engine = Engine.open({
    databasePath: config.databasePath,
    clock: () => Date.now() + clockOffsetMs,
    tokenProvider: provider,
    executors: {
      fetch_messages: (context) => fetchMessagesExecutor(engine!.services, options)(context),
      sync_history: (context) => syncHistoryExecutor(engine!.services, options)(context),
    },
  });
  return engine;
}

/** Runs the child until it has published `killAfter` batches, then kills it; true when it finished first. */
function runAndKill(
  start: (onLine: (line: string) => void) => { kill(): Promise<unknown>; exited: Promise<unknown> },
  killAfter: number,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let finished = false;
    const child = start((line) => {
      if (line === 'done') finished = true;
      else if (++seen === killAfter) void child.kill();
    });
    child.exited.then(() => resolve(finished), reject);
  });
}

function expectConsistent(engine: Engine, accountId: number): void {
  expect(cacheState(engine, accountId)).toEqual(mailboxState(emulator!));
  const rows = storedRows(engine, accountId);
  expect(rows.rows).toBe(rows.distinct);
  expect(engine.services.jobs.listJobs({ status: 'processing' }).total).toBe(0);
}

describe('a sync killed at random moments', () => {
  it('loses nothing and duplicates nothing when its worker thread is terminated, then finishes in-process', async () => {
    const { config, accountId, jobId } = await setUp(2000, 51);
    const random = createRandom(99);
    let kills = 0;
    let runs = 0;
    while (kills < WORKER_KILLS) {
      runs += 1;
      const workerConfig = { ...config, clockOffsetMs: runs * LEASE_PASSED_MS };
      const finished = await runAndKill(
        (onLine) => {
          const worker = new Worker(CHILD, { workerData: workerConfig });
          worker.on('message', onLine);
          return { kill: () => worker.terminate(), exited: new Promise((r) => worker.once('exit', r)) };
        },
        random.int(1, 4),
      );
      if (!finished) kills += 1;
      else {
        // The sync got through between kills: check it, then make it do everything again.
        const check = openEngine(config, runs * LEASE_PASSED_MS);
        expectConsistent(check, accountId);
        check.services.jobs.createJob({
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
      expect(engine.services.jobs.getJob(jobId).status).toBe('completed');
      expect(engine.services.jobs.listJobs({ status: 'failed' }).total).toBe(0);
      // The label changes made between kills arrive through history.
      engine.services.jobs.createJob({ type: 'sync_history', accountId });
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expectConsistent(engine, accountId);
    } finally {
      await engine.close();
    }
  }, 90_000);

  it('resumes in-process after the sync process is killed with SIGKILL, and after a pause', async () => {
    const { config, accountId, jobId } = await setUp(1500, 61);
    const finished = await runAndKill((onLine) => {
      const child = spawn(process.execPath, [CHILD.pathname], {
        env: { ...process.env, BRIEF_SYNC_CHILD: JSON.stringify(config) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
          onLine(buffer.slice(0, end));
          buffer = buffer.slice(end + 1);
        }
      });
      return {
        kill: async () => child.kill('SIGKILL'),
        exited: new Promise((r) => child.once('exit', r)),
      };
    }, 3);
    expect(finished).toBe(false);

    const engine = openEngine(config, LEASE_PASSED_MS);
    try {
      let paused = false;
      engine.on('data-changed', () => {
        if (paused) return;
        paused = true;
        engine.services.jobs.pauseJob(jobId);
      });
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expect(engine.services.jobs.getJob(jobId).status).toBe('paused');
      engine.services.jobs.resumeJob(jobId);
      await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
      expect(engine.services.jobs.getJob(jobId).status).toBe('completed');
      expectConsistent(engine, accountId);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
