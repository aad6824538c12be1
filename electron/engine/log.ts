/**
 * Structured logging: JSON lines to a rotating file in the data folder. Never a token and never a
 * message's content: fields whose names look secret are replaced before anything is written.
 */
import { appendFileSync, chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeFolder } from './db/make-folder.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LogRecord {
  time: string;
  level: LogLevel;
  message: string;
  fields?: LogFields;
}

const SECRET_KEY = /token|secret|authorization|password|cookie|code_verifier|refresh|bearer|^code$/i;
/**
 * A `code` field holds an OAuth authorization code (mixed case, with `/`), or an error code that
 * says what went wrong (`SQLITE_BUSY`, `ENOENT`, `CONFLICT`, an HTTP status): those are kept.
 */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

function isErrorCode(key: string, value: unknown): boolean {
  if (key.toLowerCase() !== 'code') return false;
  return (
    (typeof value === 'number' && Number.isInteger(value)) ||
    (typeof value === 'string' && ERROR_CODE.test(value))
  );
}
/** Keys that would carry mail content or a correspondent: logged as their length only. */
const CONTENT_KEY = /^(subject|body|snippet|raw|headers|from|to|cc|bcc|address|addresses)$/i;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const TOKENISH = /\b(ya29\.|1\/\/)[A-Za-z0-9._~+/=-]+/g;

/** Removes secrets and content from a log record's fields, recursively. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return value.replace(BEARER, '$1[redacted]').replace(TOKENISH, '[redacted]');
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    const kept = isErrorCode('code', code) ? { code } : {};
    return { name: value.name, ...kept, message: redact(value.message, depth + 1) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (isErrorCode(key, inner)) out[key] = inner;
      else if (SECRET_KEY.test(key)) out[key] = '[redacted]';
      else if (CONTENT_KEY.test(key))
        out[key] = `[${typeof inner === 'string' ? inner.length : 'content'} omitted]`;
      else out[key] = redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}

export interface FileLoggerOptions {
  path: string;
  level?: LogLevel;
  /** Rotate when the file passes this many bytes; keeps `keep` older files (.1 … .n). */
  maxBytes?: number;
  keep?: number;
  clock?: () => number;
  /** Also hand each record here (the worker forwards records to the main thread this way). */
  sink?: (record: LogRecord) => void;
}

/**
 * Logs to `path`, readable by the user alone: the folder is created 0700 and the file 0600 on the
 * first record (so a command refused before it logs anything leaves no folder behind).
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { path, maxBytes = 5 * 1024 * 1024, keep = 3, clock = Date.now } = options;
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  let size: number | null = null;

  const open = (): number => {
    makeFolder(dirname(path), 0o700);
    if (!existsSync(path)) return 0;
    const stats = statSync(path);
    // An earlier version wrote it readable by others.
    if ((stats.mode & 0o077) !== 0) chmodSync(path, 0o600);
    return stats.size;
  };

  const rotate = () => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let index = keep - 1; index >= 1; index--) {
      if (existsSync(`${path}.${index}`)) renameSync(`${path}.${index}`, `${path}.${index + 1}`);
    }
    if (existsSync(path)) renameSync(path, `${path}.1`);
    size = 0;
  };

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const record: LogRecord = {
      time: new Date(clock()).toISOString(),
      level,
      message: String(redact(message)),
    };
    if (fields) record.fields = redact(fields) as LogFields;
    const line = `${JSON.stringify(record)}\n`;
    size ??= open();
    if (size + line.length > maxBytes) rotate();
    appendFileSync(path, line, { mode: 0o600 });
    size += Buffer.byteLength(line);
    options.sink?.(record);
  };

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that keeps records in memory (tests, and the CLI when no data folder is wanted). */
export function createMemoryLogger(
  records: LogRecord[] = [],
  clock: () => number = Date.now,
): Logger & { records: LogRecord[] } {
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    const record: LogRecord = {
      time: new Date(clock()).toISOString(),
      level,
      message: String(redact(message)),
    };
    if (fields) record.fields = redact(fields) as LogFields;
    records.push(record);
  };
  return {
    records,
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
