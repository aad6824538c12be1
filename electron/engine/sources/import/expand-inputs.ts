/**
 * Turns what a person handed to import into paths the mail readers take: files and folders as
 * they are (gzip is read transparently by the readers), and `.zip` archives extracted to a
 * temporary folder first (a Google Takeout download is a zip).
 */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { BriefError } from '../../../../shared/errors.ts';

export interface ExpandedInputs {
  paths: string[];
  /** Total bytes to read, for honest progress. */
  bytes: number;
  /** Removes temporary extractions. */
  dispose(): void;
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (stat.isFile()) return stat.size;
  return 0;
}

async function extractZip(file: string, into: string): Promise<void> {
  const zip = await yauzl.openPromise(file);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const target = normalize(join(into, entry.fileName));
      // A zip entry may not write outside the extraction folder ("zip slip").
      if (!target.startsWith(into + sep)) continue;
      mkdirSync(dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
    }
  } finally {
    zip.close();
  }
}

function folderBytes(path: string): number {
  let total = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += sizeOf(full);
    }
  };
  walk(path);
  return total;
}

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const temporary: string[] = [];
  const paths: string[] = [];
  let bytes = 0;
  const dispose = () => {
    for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
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
        bytes += folderBytes(path);
      } else if (/\.zip$/i.test(path)) {
        const folder = mkdtempSync(join(tmpdir(), 'brief-zip-'));
        temporary.push(folder);
        try {
          await extractZip(path, folder);
        } catch (error) {
          throw new BriefError(
            'UNSUPPORTED_INPUT',
            `${path} is not a readable zip archive (${(error as Error).message}). Download it again or unzip it yourself and import the folder.`,
          );
        }
        paths.push(folder);
        bytes += folderBytes(folder);
      } else if (stat.isFile()) {
        paths.push(path);
        bytes += stat.size;
      } else {
        throw new BriefError('UNSUPPORTED_INPUT', `${path} is neither a file nor a folder.`);
      }
    }
    return { paths, bytes, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
