/**
 * What the import rows measure: the shipped artefact, the engine as the build bundles it (out/)
 * run as `brief` runs it (the node flags and environment of bin/brief.js's first line), not the TypeScript
 * sources (loading the engine from its sources costs ≈ 25 MB more and strips types at start).
 * The bench builds it once per run, so a figure never measures a stale bundle.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './context.ts';
import { ms, now } from './measure.ts';

/** The engine entry of the build (electron.vite.config.ts). */
export const BUILT_ENGINE = join(ROOT, 'out', 'main', 'engine.js');

let built: string | null = null;

/** Builds out/ (electron-vite) once per bench run; returns how long it took, for the log. */
export function buildOnce(): string {
  if (built !== null) return built;
  const started = now();
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  built = `built in ${ms(now() - started)}`;
  return built;
}

/** How bin/brief.js's first line (`#!/usr/bin/env -S [NAME=value...] node <flags>`) starts node. */
export function cliLaunch(): { env: Record<string, string>; flags: string[] } {
  const first = readFileSync(join(ROOT, 'bin', 'brief.js'), 'utf8').split('\n', 1)[0]!;
  const words = first
    .replace(/^#!\S*env(\s+-S)?\s+/, '')
    .split(/\s+/)
    .filter((word) => word !== '');
  const env: Record<string, string> = {};
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name = '', ...value] = words.shift()!.split('=');
    env[name] = value.join('=');
  }
  if (words[0] !== 'node') throw new Error(`bin/brief.js's first line does not run node: ${first}`);
  return { env, flags: words.slice(1) };
}
