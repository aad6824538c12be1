/** Starts `brief serve` on a fresh database and a free port, and reads the address it prints. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from '@playwright/test';
import { ROOT } from '../paths.ts';

export interface Bridge {
  /** The page address with its token, as printed. */
  url: string;
  origin: string;
  token: string;
  /** The temporary folder holding the database (removed by stop()). */
  folder: string;
  /** Calls the bridge's `POST /rpc` with the token and returns the value, throwing the typed error. */
  rpc<T = unknown>(method: string, args?: unknown): Promise<T>;
  /** Ends the serve process (SIGTERM) and keeps the folder, as when the service goes away. */
  kill(): Promise<void>;
  /** Ends the serve process and removes its folder. */
  stop(): Promise<void>;
}

export interface BridgeOptions {
  /** Extra command-line arguments after `serve --db … --port 0` (e.g. --endpoint for Connect Gmail). */
  args?: readonly string[];
  /** Extra environment for the serve process (e.g. BRIEF_SYNC_TIME_SCALE). */
  env?: Readonly<Record<string, string>>;
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const folder = mkdtempSync(join(tmpdir(), 'brief-e2e-'));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'brief.js'),
      'serve',
      '--db',
      join(folder, 'brief.db'),
      '--port',
      '0',
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const first = await firstLine(child, 'brief serve', () => stderr);
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  const origin = new URL(url).origin;
  return {
    url,
    token,
    origin,
    folder,
    rpc: (method, args = {}) => callBridge(origin, token, method, args),
    kill: () => stopChild(child),
    async stop() {
      await stopChild(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * For a spec file: a bridge on a fresh database holding the demo mailbox (400 messages, seed 7),
 * started before the file's tests and stopped after them. Call it at the top level of the file.
 */
export function demoBridgeForFile(): () => Bridge {
  let bridge: Bridge | undefined;
  test.beforeAll(async () => {
    bridge = await startBridge();
    await bridge.rpc('demo.create', { messages: 400, seed: 7 });
  });
  test.afterAll(async () => {
    await bridge?.stop();
  });
  return () => {
    if (!bridge) throw new Error('the bridge did not start');
    return bridge;
  };
}

async function callBridge<T>(origin: string, token: string, method: string, args: unknown): Promise<T> {
  const response = await fetch(`${origin}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as
    | { ok: true; value: T }
    | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error.code} ${body.error.message}`);
  return body.value;
}

/** The first stdout line of a child that announces itself with one JSON line (serve, the emulator). */
export function firstLine(child: ChildProcess, name: string, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) =>
      reject(new Error(`${name} exited (${code}) before printing its address: ${stderr()}`)),
    );
  });
}

/** SIGTERM to this child only (by its pid), resolved when it has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
