/**
 * Where a worker thread's entry is: the first of `candidates` (relative to `from`, the asking
 * module's import.meta.url) that exists as a file — the `.ts` beside it in the sources, or the
 * build's entry beside the bundle that holds the engine (out/main/ or out/main/chunks/).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function findWorkerScript(from: string, candidates: readonly string[]): URL | null {
  for (const candidate of candidates) {
    const url = new URL(candidate, from);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
