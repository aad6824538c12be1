import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared beside the repository: the spec, its expected reports and the corpora (read-only). */
export const SHARED = resolve(ROOT, '..', 'shared');
export const CORPORA = join(SHARED, 'corpora');
export const EXPECTED = join(SHARED, 'spec', 'expected');
export const hasCorpora = existsSync(join(CORPORA, 'README.md'));
export const corporaMissing = `the shared corpora are not at ${CORPORA}; they sit beside the repository on the build machines`;
/**
 * Whether a test that needs the corpora skips: only outside CI. Under CI (CI=true) the corpora
 * belong to the build machine, so such a test runs and fails, saying what is missing.
 */
export const skipWithoutCorpora = !hasCorpora && process.env.CI !== 'true';

/** Appended to the name of a test that needs the corpora: says why it is skipped, when it is. */
export const withoutCorporaNote = hasCorpora ? '' : ` (skipped: ${corporaMissing})`;

/**
 * Whether a test that reads the build in `out/` skips: only outside CI, where `npm ci` has built it,
 * so under CI a missing build fails the test instead of passing the run without it.
 */
export function skipWithoutBuild(built: string): boolean {
  return !existsSync(built) && process.env.CI !== 'true';
}

/** Appended to the name of a test that reads the build: says why it is skipped, when it is. */
export function withoutBuildNote(built: string): string {
  return existsSync(built) ? '' : ' (skipped: not built; `npm ci` builds it, or run `npm run build`)';
}

/** Fails with a sentence when the corpora are absent (call it where a test starts reading them). */
export function requireCorpora(): void {
  if (!hasCorpora) throw new Error(`${corporaMissing} (CI=true: tests that need them run, not skip)`);
}

/**
 * The gate every test run passes first (vitest's and Playwright's global setup): under CI=true a
 * missing corpus fails the whole run, since the suites that read it would otherwise skip and the
 * run pass without them. On a developer's machine those suites skip, each saying why.
 */
export function corporaGate(env: NodeJS.ProcessEnv, present: boolean = hasCorpora): void {
  if (env.CI === 'true' && !present)
    throw new Error(`${corporaMissing}. Under CI=true the tests that read them must run: put them there.`);
}
