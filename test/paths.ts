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
