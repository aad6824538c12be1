/**
 * Private temporary folders for unpacking archives (and for files a browser sends to `brief
 * serve`, and for the demo's generated mbox): made by mkdtemp (mode 0700, a fresh name no one else can have taken), named after the
 * process that made them, so that the folders of a run that was killed before it could remove
 * them are found and removed at the next start.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../../process-alive.ts';

/**
 * What a folder holds, as the start of its name: `brief-zip-<pid>-…` (an unpacked archive),
 * `brief-uploads-<pid>-…` (files a browser sent), `brief-demo-<pid>-…` (the demo's mbox).
 */
export const TEMP_KINDS = ['zip', 'uploads', 'demo'] as const;
export type TempKind = (typeof TEMP_KINDS)[number];

export function makeTempFolder(root = tmpdir(), kind: TempKind = 'zip'): string {
  return mkdtempSync(join(root, `brief-${kind}-${process.pid}-`));
}

/**
 * Removes the folders of these kinds left by processes that no longer run; returns how many. Every
 * kind when the engine starts (a killed `brief serve` left uploads; a killed demo its mbox), one
 * kind again each time a long-running process makes a folder of it.
 */
export function removeStaleTempFolders(root = tmpdir(), kinds: readonly TempKind[] = TEMP_KINDS): number {
  const own = new RegExp(`^brief-(?:${kinds.join('|')})-(\\d+)-`);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = Number(own.exec(name)?.[1]);
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
