/**
 * One crash trial: a Gmail emulator and a database holding a pending first sync, an engine that
 * runs it in a worker thread or a child process (sync-child.ts) killed after a seeded
 * number of stored batches, and an in-process engine that restarts on the same file afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { RefreshingTokenProvider } from '../../electron/engine/auth/refreshing-token-provider.ts';
import { Engine } from '../../electron/engine/engine.ts';
import { fetchMessagesExecutor, syncHistoryExecutor } from '../../electron/engine/sources/gmail/index.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';
import type { ChildConfig } from './sync-child.ts';

const CHILD = new URL('./sync-child.ts', import.meta.url);
const TIME_SCALE = 100;
/** Past the 30 s lease a killed run leaves on its job. */
export const LEASE_PASSED_MS = 31_000;

export interface CrashTrial {
  emulator: RunningEmulator;
  config: ChildConfig;
  accountId: number;
  jobId: number;
  close(): Promise<void>;
}

export async function setUpCrashTrial(
  seed: number,
  messages: number,
  options: { maxAttempts?: number } = {},
): Promise<CrashTrial> {
  const emulator = await startEmulator({
    messages: seedFromSynthetic({ seed, messages }),
    labels: SYNTHETIC_LABELS,
    profile: 'legacy',
    timeScale: TIME_SCALE,
    seed,
  });
  const dir = mkdtempSync(join(tmpdir(), 'brief-reliability-crash-'));
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
  // The quota setting is left at its default ('auto'): each run may be killed while it is still
  // finding the ceiling, and the restarted one must carry on from what was remembered.
  const accountId = engineServicesForTests(engine).accounts.createAccount({
    address: emulator.user,
    provider: 'gmail',
  }).id;
  // By default the default max attempts: a crash costs the job one of them, and it must still finish.
  const jobId = engineServicesForTests(engine).jobs.createJob({
    type: 'fetch_messages',
    accountId,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  }).id;
  await engine.close();
  return {
    emulator,
    config,
    accountId,
    jobId,
    async close() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Killable {
  kill(): Promise<unknown>;
  exited: Promise<unknown>;
}

/** Runs the sync until `killAfter` batches were stored, then kills it; true when it finished first. */
function runAndKill(
  start: (onLine: (line: string) => void) => Killable,
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

export function terminateWorkerAfter(config: ChildConfig, killAfter: number): Promise<boolean> {
  return runAndKill((onLine) => {
    const worker = new Worker(CHILD, { workerData: config });
    worker.on('message', onLine);
    return { kill: () => worker.terminate(), exited: new Promise((r) => worker.once('exit', r)) };
  }, killAfter);
}

export function sigkillProcessAfter(config: ChildConfig, killAfter: number): Promise<boolean> {
  return runAndKill((onLine) => {
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
    return { kill: async () => child.kill('SIGKILL'), exited: new Promise((r) => child.once('exit', r)) };
  }, killAfter);
}

/** The restarted engine: in-process, on the same file, its clock past the killed run's lease. */
export function restartEngine(config: ChildConfig, clockOffsetMs = LEASE_PASSED_MS): Engine {
  const provider = new RefreshingTokenProvider(new FileVault(config.vaultPath), config);
  const options = { rootUrl: config.rootUrl, timeScale: TIME_SCALE, now: Date.now };
  let engine: Engine | null = null;
  engine = Engine.open({
    databasePath: config.databasePath,
    clock: () => Date.now() + clockOffsetMs,
    tokenProvider: provider,
    executors: {
      fetch_messages: (context) => fetchMessagesExecutor(engineServicesForTests(engine!), options)(context),
      sync_history: (context) => syncHistoryExecutor(engineServicesForTests(engine!), options)(context),
    },
  });
  return engine;
}
