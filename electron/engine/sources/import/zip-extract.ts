/**
 * Unpacks a zip archive (a Google Takeout download) into a private temporary folder, under
 * limits checked against the archive's directory before a byte is written: at most `maxEntries`
 * entries, no entry (and not the whole) unpacking to more than `maxRatio` times its compressed
 * size (a zip bomb), and everything fitting in the free space of the temporary disk. The sizes
 * an entry declares are enforced while it streams (yauzl fails an entry that outgrows them).
 */
import { createWriteStream, mkdirSync, statfsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { BriefError } from '../../../../shared/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Unpacked bytes per compressed byte, for entries (and archives) past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Free space left on the temporary disk after unpacking. */
  reserveBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  // Mail compresses 3 to 10 times; deflate's most is about 1,032.
  maxRatio: 100,
  ratioFloorBytes: 16 * 1024 * 1024,
  reserveBytes: 256 * 1024 * 1024,
};

const FULL_DISK = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1024 ** 2)).toLocaleString('en-US')} MB`;
}

function bomb(zipPath: string, unpacked: number, packed: number, ratio: number): BriefError {
  return new BriefError(
    'UNSUPPORTED_INPUT',
    `${zipPath} would unpack ${size(packed)} into ${size(unpacked)}, more than ${ratio} times its size, as a zip bomb does; nothing was unpacked. If it really is mail, unzip it yourself and import the folder.`,
  );
}

export function noRoom(zipPath: string, root: string, needed: number | null): BriefError {
  const need = needed === null ? '' : ` (it needs ${size(needed)})`;
  return new BriefError(
    'STORAGE_FULL',
    `There is not enough room in the temporary folder ${root} to unpack ${zipPath}${need}. Free some space on that disk, or unzip the archive yourself onto a disk with room and import the folder.`,
  );
}

/** Whether an error is a disk (or file size limit) that is full. */
export function isDiskFull(error: unknown): boolean {
  return FULL_DISK.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

function checkLimits(
  zipPath: string,
  zipBytes: number,
  entries: yauzl.Entry[],
  root: string,
  limits: ZipLimits,
) {
  let total = 0;
  for (const entry of entries) {
    const unpacked = entry.uncompressedSize;
    total += unpacked;
    if (unpacked > limits.ratioFloorBytes && unpacked > limits.maxRatio * entry.compressedSize)
      throw bomb(zipPath, unpacked, entry.compressedSize, limits.maxRatio);
  }
  if (total > limits.ratioFloorBytes && total > limits.maxRatio * zipBytes)
    throw bomb(zipPath, total, zipBytes, limits.maxRatio);
  const disk = statfsSync(root);
  if (total + limits.reserveBytes > disk.bavail * disk.bsize) throw noRoom(zipPath, root, total);
}

/** Unpacks into `into` (an empty private folder in `root`); files are created 0600, never over an existing one. */
export async function extractZip(
  zipPath: string,
  zipBytes: number,
  into: string,
  root: string,
  options: { signal?: AbortSignal; limits?: ZipLimits } = {},
): Promise<void> {
  const limits = options.limits ?? ZIP_LIMITS;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { autoClose: false });
  } catch (error) {
    throw unreadable(zipPath, error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new BriefError(
        'UNSUPPORTED_INPUT',
        `${zipPath} holds ${zip.entryCount.toLocaleString('en-US')} entries, more than the ${limits.maxEntries.toLocaleString('en-US')} an import unpacks. Unzip it yourself and import the folder.`,
      );
    }
    const entries: yauzl.Entry[] = [];
    try {
      for await (const entry of zip.eachEntry()) if (!entry.fileName.endsWith('/')) entries.push(entry);
    } catch (error) {
      throw unreadable(zipPath, error);
    }
    checkLimits(zipPath, zipBytes, entries, root, limits);
    for (const entry of entries) {
      if (options.signal?.aborted) throw new BriefError('CANCELLED', 'Unpacking the archive was cancelled.');
      const target = normalize(join(into, entry.fileName));
      // A zip entry may not write outside the extraction folder ("zip slip").
      if (!target.startsWith(into + sep)) continue;
      await writeEntry(zip, entry, target, zipPath, root, options.signal);
    }
  } finally {
    zip.close();
  }
}

async function writeEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  target: string,
  zipPath: string,
  root: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  try {
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const input = await zip.openReadStreamPromise(entry);
    // 'wx': a second entry of the same name does not overwrite the first (nor follow a link).
    await pipeline(input, createWriteStream(target, { flags: 'wx', mode: 0o600 }), { signal });
  } catch (error) {
    if (error instanceof BriefError) throw error;
    if (signal?.aborted) throw new BriefError('CANCELLED', 'Unpacking the archive was cancelled.');
    if (isDiskFull(error)) throw noRoom(zipPath, root, null);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw unreadable(zipPath, error);
  }
}

function unreadable(zipPath: string, error: unknown): BriefError {
  return new BriefError(
    'UNSUPPORTED_INPUT',
    `${zipPath} is not a readable zip archive (${(error as Error).message}). Download it again, or unzip it yourself and import the folder.`,
  );
}
