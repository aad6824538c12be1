/**
 * A log file that rotates at a size: pino-roll's sonic-boom stream (asynchronous writes), which
 * numbers the files `<base>.1.log`, `<base>.2.log`, … and continues from the highest after a
 * restart. Loaded when a log first writes. pino-roll ships no types: these are the parts used.
 */
import { createRequire } from 'node:module';

export interface RollingFile {
  readonly file: string;
  write(line: string): boolean;
  end(): void;
  on(event: 'error', listener: (error: Error) => void): this;
  /** After each write to the file, with the bytes written. */
  on(event: 'write', listener: (bytes: number) => void): this;
  once(event: 'close', listener: () => void): this;
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

type PinoRoll = (options: PinoRollOptions) => Promise<RollingFile>;
let pinoRoll: PinoRoll | null = null;

export function openRollingFile(base: string, maxBytes: number, keep: number): Promise<RollingFile> {
  pinoRoll ??= createRequire(import.meta.url)('pino-roll') as PinoRoll;
  return pinoRoll({
    file: base,
    extension: '.log',
    size: `${maxBytes}b`,
    limit: { count: keep, removeOtherLogFiles: true },
    mode: 0o600,
  });
}
