/**
 * A log file that rotates at a size: pino-roll's sonic-boom stream (asynchronous writes), which
 * numbers the files `<base>.1.log`, `<base>.2.log`, … and continues from the highest after a
 * restart. Loaded when a log first writes. pino-roll ships no types: these are the parts used.
 *
 * After a roll pino-roll removes the files past the limit asynchronously; `cleaned()` waits for
 * that, then removes what that removal could not see, so a closed log's folder holds exactly what
 * `keep` says.
 */
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** The sonic-boom stream pino-roll returns: the parts used. */
interface PinoRollStream {
  /** The file being written; null while the first one opens. */
  readonly file: string | null;
  write(line: string): boolean;
  end(): void;
  on(event: 'error', listener: (error: Error) => void): this;
  /** After each write to the file, with the bytes written. */
  on(event: 'write', listener: (bytes: number) => void): this;
  /** After a roll, once the files past the limit are removed. */
  on(event: 'cleanup-complete', listener: () => void): this;
  once(event: 'close', listener: () => void): this;
}

export interface RollingFile extends PinoRollStream {
  /** Resolves once the files past the limit are removed after every roll so far. */
  cleaned(): Promise<void>;
}

/**
 * Removes `<base>.<n>.log` files beyond the `count` highest numbers. pino-roll lists the folder
 * for its removal while the new file's open is still pending in the thread pool, so on a busy
 * machine it can list the files before the new one exists and leave one too many; a process that
 * ended between a roll and its removal leaves some too. The highest number is the file being
 * written, so it is never removed. A file that cannot be removed is left: logging never stops the app.
 */
export function pruneRolledFiles(base: string, count: number): void {
  const folder = dirname(base);
  const prefix = `${basename(base)}.`;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const numbers = entries
    .filter((entry) => entry.startsWith(prefix) && entry.endsWith('.log'))
    .map((entry) => entry.slice(prefix.length, -'.log'.length))
    .filter((number) => /^\d+$/.test(number))
    .map(Number)
    .sort((a, b) => b - a);
  for (const number of numbers.slice(count)) {
    try {
      rmSync(join(folder, `${prefix}${number}.log`));
    } catch {
      // Already gone (pino-roll's own removal) or not ours to remove: left.
    }
  }
}

interface PinoRollOptions {
  /** The path without number and extension. */
  file: string;
  extension: string;
  /** `"<n>b"`: bytes. */
  size: string;
  /** `count` older files kept; with `removeOtherLogFiles`, also those an earlier run wrote. */
  limit: { count: number; removeOtherLogFiles: boolean };
  /** The mode a new file is created with. */
  mode: number;
}

type PinoRoll = (options: PinoRollOptions) => Promise<PinoRollStream>;
let pinoRoll: PinoRoll | null = null;

/** The log `<base>.<n>.log`: a new file past `maxBytes`, the one being written and `keep` older ones kept. */
export async function openRollingFile(base: string, maxBytes: number, keep: number): Promise<RollingFile> {
  pinoRoll ??= createRequire(import.meta.url)('pino-roll') as PinoRoll;
  const stream = await pinoRoll({
    file: base,
    extension: '.log',
    size: `${maxBytes}b`,
    // With removeOtherLogFiles pino-roll counts the file being written among the `count` it keeps.
    limit: { count: keep + 1, removeOtherLogFiles: true },
    mode: 0o600,
  });
  return withCleanupTracking(stream, () => pruneRolledFiles(base, keep + 1));
}

/**
 * A roll shows as a new file name, seen at the next write (a roll follows a write) or when asked;
 * each roll's removal ends with `cleanup-complete`, or an error (then nothing more is waited for).
 */
function withCleanupTracking(stream: PinoRollStream, prune: () => void): RollingFile {
  // Null until the first file is open (sonic-boom opens it asynchronously).
  let lastFile: string | null = null;
  let rolls = 0;
  let cleanups = 0;
  let waiters: (() => void)[] = [];
  const noticeRoll = () => {
    if (stream.file === null || stream.file === lastFile) return;
    if (lastFile !== null) rolls += 1;
    lastFile = stream.file;
  };
  const settle = () => {
    if (cleanups < rolls) return;
    for (const waiter of waiters) waiter();
    waiters = [];
  };
  stream.on('write', noticeRoll);
  stream.on('cleanup-complete', () => {
    cleanups += 1;
    settle();
  });
  stream.on('error', () => {
    cleanups = rolls;
    settle();
  });
  return Object.assign(stream, {
    async cleaned(): Promise<void> {
      noticeRoll();
      if (cleanups < rolls) await new Promise<void>((resolve) => waiters.push(resolve));
      prune();
    },
  });
}
