/**
 * Structured logging with pino: one JSON line per record, written asynchronously to a file that
 * rotates at a size (pino-roll), never a token and never a message's content (redacted by path,
 * log-redaction.ts). Each process writes its own log and nothing else's: the engine worker
 * `engine`, the app's main process `main`, the command line `cli`.
 */
import { basename, join } from 'node:path';
import { type DestinationStream, pino } from 'pino';
import { makeFolder } from './db/make-folder.ts';
import { censor, plainFields, REDACTED_PATHS, scrubTokens } from './log-redaction.ts';
import { removeOldLogFiles } from './old-log-files.ts';
import { openRollingFile, type RollingFile } from './rolling-file.ts';

export { redact } from './log-redaction.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** One line of a log, parsed. */
export interface LogRecord {
  time: string;
  level: LogLevel;
  message: string;
  fields?: LogFields;
}

/** A logger over pino writing to `destination`, with the app's record layout and redaction. */
function pinoLogger(destination: DestinationStream, level: LogLevel, clock: () => number): Logger {
  const log = pino(
    {
      level,
      base: null,
      messageKey: 'message',
      nestedKey: 'fields',
      timestamp: () => `,"time":"${new Date(clock()).toISOString()}"`,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => plainFields(fields) as Record<string, unknown>,
      },
      redact: { paths: REDACTED_PATHS, censor },
    },
    destination,
  );
  const write = (method: LogLevel) => (message: string, fields?: LogFields) =>
    fields ? log[method](fields, scrubTokens(message)) : log[method](scrubTokens(message));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export interface FileLoggerOptions {
  /** The log's own folder; its files are `<name>.<n>.log` with the folder's name, the highest the newest. */
  folder: string;
  level?: LogLevel;
  /** A file that reaches this many bytes is closed and the next number begun. */
  maxBytes?: number;
  /** Older files kept beside the one being written. */
  keep?: number;
  clock?: () => number;
}

export interface FileLogger extends Logger {
  /** Resolves once every record logged so far is in the file (or could not be written). */
  flush(): Promise<void>;
  /** Writes what is still queued and closes the file (records after it are dropped). */
  close(): Promise<void>;
}

/** The name of a log's files inside its folder: `engine` → `engine.1.log`, `engine.2.log`, … */
export function logFileBase(folder: string): string {
  return join(folder, basename(folder));
}

/**
 * Logs to its folder, readable by the user alone: the folders are created 0700 and the files 0600
 * on the first record (so a command refused before it logs anything leaves no folder behind).
 * A log that cannot be written is given up silently: logging never stops the app.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const { folder, maxBytes = 5 * 1024 * 1024, keep = 3, clock = Date.now } = options;
  let stream: RollingFile | null = null;
  let opening: Promise<void> | null = null;
  let queued: string[] = [];
  let closed = false;
  // Bytes handed to the file and bytes it reports written: equal when nothing waits.
  let handed = 0;
  let written = 0;
  let waiters: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiters) waiter();
    waiters = [];
  };

  const hand = (file: RollingFile, line: string) => {
    handed += Buffer.byteLength(line);
    file.write(line);
  };

  const open = async () => {
    try {
      makeFolder(folder, 0o700);
      removeOldLogFiles(folder);
      const file = await openRollingFile(logFileBase(folder), maxBytes, keep);
      file.on('write', (bytes) => {
        written += bytes;
        if (written >= handed) wake();
      });
      // A full disk or a removed folder: the records are given up, the app goes on.
      file.on('error', () => {
        written = handed;
        wake();
      });
      for (const line of queued) hand(file, line);
      stream = file;
    } catch {
      closed = true;
    } finally {
      queued = [];
    }
  };

  const destination: DestinationStream = {
    write(line: string) {
      if (closed) return;
      if (stream) return hand(stream, line);
      // Records logged while the file opens keep their order.
      queued.push(line);
      opening ??= open();
    },
  };

  return {
    ...pinoLogger(destination, options.level ?? 'info', clock),
    async flush() {
      await opening;
      if (stream && written < handed) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      await opening;
      const file = stream;
      if (!file) return;
      await new Promise<void>((resolve) => {
        file.once('close', () => resolve());
        file.end();
      });
      await file.cleaned();
      wake();
    },
  };
}

/** A logger that keeps records in memory (tests, and an engine opened without a log). */
export function createMemoryLogger(
  records: LogRecord[] = [],
  clock: () => number = Date.now,
): Logger & { records: LogRecord[] } {
  const destination = { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) };
  return { records, ...pinoLogger(destination, 'debug', clock) };
}
