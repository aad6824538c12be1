/**
 * Reliability row "Secrets" (docs/reliability.md): connect and sync a Gmail account through the CLI
 * against the emulator, then a sync through the browser bridge while every pushed event is
 * captured, and look for every authorization code, access token, refresh token and the client
 * secret the emulator handed out: in the logs folder, the database (every table, and the raw file
 * with its WAL), the job metadata, the analytics cache, a diagnostics export and the event
 * payloads. The refresh token may live only in the CLI vault (tokens.json) and the client secret
 * only in the CLI's Google settings (google.json), both readable by the user alone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliEngine } from '../../electron/cli/engine.ts';
import { startBridge } from '../../electron/cli/serve.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { writeDiagnostics } from '../../electron/main/diagnostics.ts';
import { EVENT_NAMES } from '../../shared/contract.ts';
import { runCli } from '../cli/run-cli.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';
import { snapshotTables } from '../engine/helpers.ts';
import { mailboxState } from '../sync/harness.ts';
import { emulatorConnectOptions } from './brief-process.ts';
import { trialSeed } from './mode.ts';
import {
  filesUnder,
  type IssuedSecrets,
  recordIssuedSecrets,
  secretsInFile,
  secretsInValue,
} from './secrets.ts';

const ROW = 8;
/** Where each secret may be stored, by file name; everywhere else it must be absent. */
const ALLOWED: Record<string, string[]> = {
  'tokens.json': ['refresh token'],
  'google.json': ['client secret'],
};

let emulator: RunningEmulator;
let secrets: IssuedSecrets;
let folder: string;
let databasePath: string;
let engine: Engine;
const events: Array<{ name: string; payload: unknown }> = [];
const socketMessages: string[] = [];

beforeAll(async () => {
  const seed = trialSeed(ROW, 0);
  emulator = await startEmulator({
    messages: seedFromSynthetic({ seed, messages: 150 }),
    labels: SYNTHETIC_LABELS,
    seed,
    accessTokenLifetimeSeconds: 3600,
  });
  secrets = recordIssuedSecrets(emulator);
  folder = mkdtempSync(join(tmpdir(), 'brief-reliability-secrets-'));
  databasePath = join(folder, 'brief.db');
  const db = ['--db', databasePath];
  const connected = await runCli(['connect', ...db, ...emulatorConnectOptions(emulator)]);
  expect(connected.code, connected.stderr).toBe(0);
  emulator.mailbox.modifyLabels([...emulator.mailbox.sortedMessages()][0]!.id, { add: ['STARRED'] });
  const synced = await runCli(['sync', ...db]);
  expect(synced.code, synced.stderr).toBe(0);

  // A sync through the browser bridge, every event captured in-process and over the WebSocket.
  engine = openCliEngine(databasePath);
  for (const name of EVENT_NAMES) engine.on(name, (payload) => events.push({ name, payload }));
  const rendererDir = join(folder, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>360Brief</title>');
  const bridge = await startBridge(engine, { port: 0, rendererDir });
  const origin = new URL(bridge.url).origin;
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/events?token=${bridge.token}`);
  socket.addEventListener('message', (message) => socketMessages.push(String(message.data)));
  await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  const [account] = await engine.call('accounts.list', {});
  emulator.mailbox.modifyLabels([...emulator.mailbox.sortedMessages()][1]!.id, { add: ['STARRED'] });
  const finished = new Promise<void>((resolve) => {
    const stop = engine.on('job-state', (event) => {
      if (event.status !== 'completed' && event.status !== 'failed') return;
      stop();
      resolve();
    });
  });
  const answer = await fetch(`${origin}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
    body: JSON.stringify({ method: 'sync.start', args: { accountId: account!.id } }),
  });
  expect(((await answer.json()) as { ok: boolean }).ok).toBe(true);
  await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
  await finished;
  socket.close();
  await bridge.close();
}, 120_000);

afterAll(async () => {
  await engine?.close();
  await emulator?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('secrets stay in the vault', () => {
  it('the emulator really issued a code, access and refresh tokens, and the account synced', async () => {
    expect(secrets.codes.size).toBeGreaterThan(0);
    expect(secrets.accessTokens.size).toBeGreaterThan(1);
    expect(secrets.refreshTokens.size).toBeGreaterThan(1);
    const [account] = await engine.call('accounts.list', {});
    const stats = await engine.call('messages.stats', { accountId: account!.id });
    expect(stats.count).toBe(mailboxState(emulator).size);
    expect(events.some((event) => event.name === 'job-state')).toBe(true);
  });

  it('no file of the data folder holds a secret, except the vault files, which only the user may read', () => {
    engineServicesForTests(engine).store.db.pragma('wal_checkpoint(PASSIVE)');
    const found: Record<string, string[]> = {};
    for (const file of filesUnder(folder)) {
      const kinds = secretsInFile(file, secrets);
      if (kinds.length > 0) found[file.slice(folder.length + 1)] = kinds;
    }
    for (const [file, kinds] of Object.entries(found)) {
      expect(ALLOWED[basename(file)] ?? [], `${file} holds ${kinds.join(', ')}`).toEqual(
        expect.arrayContaining(kinds),
      );
    }
    expect(found['tokens.json']).toEqual(['refresh token']);
    expect(found['google.json']).toEqual(['client secret']);
    for (const vault of Object.keys(ALLOWED)) {
      expect(statSync(join(folder, vault)).mode & 0o777, vault).toBe(0o600);
    }
    // The logs folder and the database exist and were searched.
    expect(filesUnder(join(folder, 'logs')).length).toBeGreaterThan(0);
  });

  it('no table of the database, no job metadata and no analytics cache entry holds a secret', async () => {
    expect(secretsInValue(snapshotTables(engine), secrets)).toEqual([]);
    const jobs = await engine.call('jobs.list', { limit: 500 });
    expect(jobs.total).toBeGreaterThanOrEqual(3);
    expect(
      secretsInValue(
        jobs.jobs.map((job) => job.metadata),
        secrets,
      ),
    ).toEqual([]);
    const cache = engineServicesForTests(engine).store.db.prepare('SELECT * FROM analytics_cache').all();
    expect(secretsInValue(cache, secrets)).toEqual([]);
  });

  it('a diagnostics export holds no secret', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'brief-reliability-diag-')), 'diagnostics.json');
    writeDiagnostics(path, {
      now: Date.now(),
      app: { ...(await engine.call('app.info', {})) },
      logFolders: readdirSync(join(folder, 'logs')).map((name) => join(folder, 'logs', name)),
      jobs: await engine.call('jobs.list', { limit: 500 }),
      analyticsCache: await engine.call('analytics.cacheStats', {}),
      messageCache: await engine.call('messages.stats', {}),
    });
    expect(secretsInFile(path, secrets)).toEqual([]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    rmSync(join(path, '..'), { recursive: true, force: true });
  });

  it('no event payload of the sync, in-process or over the bridge WebSocket, holds a secret', () => {
    expect(events.length).toBeGreaterThan(0);
    expect(socketMessages.length).toBeGreaterThan(0);
    expect(secretsInValue(events, secrets)).toEqual([]);
    expect(secretsInValue(socketMessages, secrets)).toEqual([]);
  });
});
