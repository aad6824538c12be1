import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdirSync(path, { recursive: true })` without its one trap: where the system answers "no such
 * file" for a folder whose parent exists (under /proc, for one), Node's recursive mkdir walks up
 * and down again for ever. This walks up once to the nearest folder that exists, then creates each
 * missing level below it; a level the system will not create fails at once with EPERM and its path,
 * which the CLI says as a sentence. Another process creating a level at the same instant is fine.
 */
export function makeFolder(path: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let folder = path; ; folder = dirname(folder)) {
    if (existsAsFolder(folder)) break;
    missing.push(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing.reverse()) createLevel(folder, mode);
}

function existsAsFolder(path: string): boolean {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return true;
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), {
      code: 'ENOTDIR',
      syscall: 'mkdir',
      path,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function createLevel(folder: string, mode: number): void {
  try {
    mkdirSync(folder, { mode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && existsAsFolder(folder)) return;
    if (code !== 'ENOENT') throw error;
    // The parent exists (it was found or made just before), yet the system says it does not.
    throw Object.assign(new Error(`EPERM: the system will not create a folder at '${folder}'`), {
      code: 'EPERM',
      syscall: 'mkdir',
      path: folder,
      cause: error,
    });
  }
}
