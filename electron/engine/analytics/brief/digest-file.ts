/**
 * Writes a digest where the person said (`brief digest --out`, the desktop app's save dialog):
 * readable by them alone, since it lists subjects and addresses, and a sentence when it cannot.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BriefError } from '../../../../shared/errors.ts';

/** Writes `content` to `path` (made absolute) with mode 0600; returns the absolute path. */
export function writeDigestFile(path: string, content: string): string {
  const absolute = resolve(path);
  try {
    writeFileSync(absolute, content, { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'that is a folder; name a file such as brief.html'
        : code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'you may not write there'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (error as Error).message;
    throw new BriefError('UNSUPPORTED_INPUT', `Could not write the digest to ${absolute}: ${why}.`);
  }
  return absolute;
}
