/**
 * What the import rows measure: the shipped artefact, the engine as the build bundles it (out/)
 * run with the node flags `brief` runs with (the first line of bin/brief.js), not the TypeScript
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

/** The node flags of bin/brief.js's first line (`#!/usr/bin/env -S node <flags>`). */
export function cliNodeFlags(): string[] {
  const first = readFileSync(join(ROOT, 'bin', 'brief.js'), 'utf8').split('\n', 1)[0]!;
  const words = first.replace(/^#!\S*env(\s+-S)?\s+/, '').split(/\s+/);
  if (words[0] !== 'node') throw new Error(`bin/brief.js's first line does not run node: ${first}`);
  return words.slice(1).filter((word) => word !== '');
}
