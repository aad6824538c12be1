/** The shared Enron corpus as the mail rows read it: its files, their bytes, and `cat` over them. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BriefError } from '../shared/errors.ts';
import { now } from './measure.ts';

/** The users' own addresses (corpora README). */
const ENRON_ADDRESSES: Record<string, string> = {
  'allen-p': 'phillip.allen@enron.com',
  'beck-s': 'sally.beck@enron.com',
  'farmer-d': 'daren.farmer@enron.com',
  'lavorato-j': 'john.lavorato@enron.com',
};

export function enronAddress(userFolder: string): string {
  const address = ENRON_ADDRESSES[basename(userFolder)];
  if (!address) throw new BriefError('NOT_FOUND', `${userFolder} is not one of the four shared Enron users.`);
  return address;
}

export function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

export function totalBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

/**
 * The fastest of three `cat files > /dev/null` runs (after one untimed run that brings the files
 * into the page cache, as the measured reads that follow will find them): the floor any reader meets.
 */
export function catMs(files: readonly string[]): number {
  const run = () => {
    const started = now();
    const result = spawnSync('cat', [...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) {
      throw new BriefError(
        'INTERNAL',
        `cat could not read the corpus: ${result.stderr?.toString() ?? result.error}`,
      );
    }
    return now() - started;
  };
  run();
  return Math.min(run(), run(), run());
}
