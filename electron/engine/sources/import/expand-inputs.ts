/**
 * Turns what a person handed to import into paths the mail readers take: files and folders as
 * they are (gzip is read transparently by the readers), and `.zip` archives unpacked to a private
 * temporary folder first (a Google Takeout download is a zip), removed again by `dispose`.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BriefError } from '../../../../shared/errors.ts';
import { makeTempFolder } from './temp-folders.ts';
import { extractZip, isDiskFull, noRoom, type ZipLimits } from './zip-extract.ts';

export interface ExpandedInputs {
  paths: string[];
  /** Total bytes to read, for honest progress. */
  bytes: number;
  /** How many files that is (a folder counts its files), for progress a person can follow. */
  files: number;
  /** Removes temporary extractions. */
  dispose(): void;
}

export interface ExpandOptions {
  signal?: AbortSignal;
  /** Where archives are unpacked (the system's temporary folder). */
  tempRoot?: string;
  zipLimits?: ZipLimits;
}

const ZIP = /\.zip$/i;

/**
 * The paths `expandInputs` would give for these inputs when none needs unpacking (every input a
 * folder or a plain file that exists), without reading anything; null otherwise. A read-ahead
 * (read-in-worker.ts) may start on them before the import's job runs: unpacking an archive is
 * the job's own work.
 */
export function plainInputPaths(inputs: readonly string[]): string[] | null {
  const paths: string[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    if (ZIP.test(path) || !existsSync(path)) return null;
    const stat = statSync(path);
    if (!stat.isDirectory() && !stat.isFile()) return null;
    paths.push(path);
  }
  return paths;
}

function folderSize(path: string): { bytes: number; files: number } {
  const size = { bytes: 0, files: 0 };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        size.bytes += statSync(full).size;
        size.files += 1;
      }
    }
  };
  walk(path);
  return size;
}

export async function expandInputs(
  inputs: readonly string[],
  options: ExpandOptions = {},
): Promise<ExpandedInputs> {
  const root = options.tempRoot ?? tmpdir();
  const temporary: string[] = [];
  const paths: string[] = [];
  let bytes = 0;
  let files = 0;
  const addFolder = (folder: string) => {
    const size = folderSize(folder);
    bytes += size.bytes;
    files += size.files;
  };
  const dispose = () => {
    for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
  };
  try {
    for (const input of inputs) {
      const path = resolve(input);
      if (!existsSync(path)) {
        throw new BriefError('NOT_FOUND', `Nothing to import at ${path}: check the path and try again.`);
      }
      const stat = statSync(path);
      if (stat.isDirectory()) {
        paths.push(path);
        addFolder(path);
      } else if (!stat.isFile()) {
        // Checked before anything opens it: opening a pipe (even one named .zip) waits forever.
        throw new BriefError(
          'UNSUPPORTED_INPUT',
          `${path} is not a regular file or folder (a pipe, socket or device); save the mail to a file and import that.`,
        );
      } else if (ZIP.test(path)) {
        const folder = newTempFolder(root, path);
        temporary.push(folder);
        await extractZip(path, stat.size, folder, root, {
          signal: options.signal,
          limits: options.zipLimits,
        });
        paths.push(folder);
        addFolder(folder);
      } else {
        paths.push(path);
        bytes += stat.size;
        files += 1;
      }
    }
    return { paths, bytes, files, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

function newTempFolder(root: string, zipPath: string): string {
  try {
    return makeTempFolder(root);
  } catch (error) {
    throw isDiskFull(error) ? noRoom(zipPath, root, null) : error;
  }
}
