/**
 * The sandboxed preload bundles everything it imports: it must stay small and carry no schema
 * library (zod made it 182 KB when the method names came from shared/contract.ts). Walks the
 * preload's import graph as written and lists every package it reaches.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** Packages the module at `entry` reaches through its relative imports (type-only imports skipped: the bundler drops them). */
function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
      const target = (match[1] ?? match[2])!;
      if (target.startsWith('.')) visit(resolve(dirname(file), target));
      else packages.add(target);
    }
  };
  visit(entry);
  return packages;
}

describe('preload imports', () => {
  it('reaches only electron: no zod, no other package', () => {
    expect([...packagesReached(resolve(ROOT, 'electron/preload/index.ts'))]).toEqual(['electron']);
  });
});
