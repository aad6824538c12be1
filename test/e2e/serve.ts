/** Starts `brief serve` on a fresh database and a free port, and reads the address it prints. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../paths.ts';

export interface Bridge {
  /** The page address with its token, as printed. */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

export async function startBridge(): Promise<Bridge> {
  const folder = mkdtempSync(join(tmpdir(), 'brief-e2e-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'brief.js'), 'serve', '--db', join(folder, 'brief.db'), '--port', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const first = await firstLine(child, () => stderr);
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    origin: new URL(url).origin,
    async stop() {
      await stopChild(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) =>
      reject(new Error(`brief serve exited (${code}) before printing its address: ${stderr()}`)),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
