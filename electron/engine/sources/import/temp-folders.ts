/**
 * Private temporary folders for unpacking archives: made by mkdtemp (mode 0700, a fresh name no
 * one else can have taken), named after the process that made them, so that the folders of a run
 * that was killed before it could remove them are found and removed at the next start.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../../process-alive.ts';

const PREFIX = 'brief-zip-';
const OWN = new RegExp(`^${PREFIX}(\\d+)-`);

export function makeTempFolder(root = tmpdir()): string {
  return mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
}

/** Removes the unpacking folders of processes that no longer run; returns how many. */
export function removeStaleTempFolders(root = tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = Number(OWN.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(root, name);
    try {
      // Only a real folder of ours: never a link someone planted, never another user's folder.
      const info = lstatSync(path);
      if (!info.isDirectory() || info.uid !== process.getuid?.()) continue;
      rmSync(path, { recursive: true, force: true });
      removed += 1;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
