/**
 * The built `brief` (bin/brief.js → out/main/cli.js) as real child processes: what a person runs,
 * several at once on one database, each with its own SQLite connection. The sources must have
 * been built (`npm run build`): a bundle older than them would test yesterday's code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths.ts';

const BRIEF = join(ROOT, 'bin', 'brief.js');
const BUNDLE = join(ROOT, 'out', 'main', 'cli.js');

export interface BriefRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Throws, saying what to do, when the CLI bundle is missing or older than its sources. */
export function requireFreshBuild(): void {
  let built = 0;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    throw new Error(`${BUNDLE} is missing: run \`npm run build\` before the reliability suite.`);
  }
  const sources = Math.max(newestSource(join(ROOT, 'electron')), newestSource(join(ROOT, 'shared')));
  if (sources > built)
    throw new Error(
      `${BUNDLE} is older than the sources: run \`npm run build\` before the reliability suite.`,
    );
}

/** The child's exit code and everything it wrote, once it closed. */
export function collect(child: ChildProcess): Promise<BriefRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function startBrief(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<BriefRun> } {
  const child = spawn(process.execPath, [BRIEF, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, done: collect(child) };
}

/** Runs `brief …` to its end. */
export function brief(args: string[], env: NodeJS.ProcessEnv = {}): Promise<BriefRun> {
  return startBrief(args, env).done;
}

export interface Served {
  origin: string;
  /** A contract call over POST /rpc: the value, or the typed error. */
  call(method: string, args: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  /** Still running (not exited)? */
  alive(): boolean;
  /** SIGTERM, then what it printed and its exit code. */
  stop(): Promise<BriefRun>;
}

/** `brief serve` on the database: resolves once it printed its address. */
export async function serve(databasePath: string): Promise<Served> {
  const { child, done } = startBrief(['serve', '--db', databasePath]);
  let exited = false;
  void done.then(() => {
    exited = true;
  });
  const first = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    void done.then((run) => reject(new Error(`brief serve exited (${run.code}): ${run.stderr}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  const origin = new URL(url).origin;
  return {
    origin,
    async call(method, args) {
      const response = await fetch(`${origin}/rpc`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin },
        body: JSON.stringify({ method, args }),
      });
      return (await response.json()) as { ok: true; value: unknown } | { ok: false; error: unknown };
    },
    alive: () => !exited,
    async stop() {
      child.kill('SIGTERM');
      return done;
    },
  };
}

/** `brief connect` options that sign in to an emulator instead of Google. */
export function emulatorConnectOptions(emulator: {
  url: string;
  clientId: string;
  clientSecret: string;
}): string[] {
  return [
    '--endpoint',
    emulator.url,
    '--client-id',
    emulator.clientId,
    '--client-secret',
    emulator.clientSecret,
  ];
}
