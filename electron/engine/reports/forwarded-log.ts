/**
 * The analytics worker's logging: it has no log file of its own, so each record is posted to the
 * engine's thread, which writes it once through the engine's logger (its log file, redaction and
 * all). Fields are made plain first so they cross the thread boundary whatever they hold.
 */

import type { LogFields, Logger, LogLevel } from '../log.ts';
import { plainFields } from '../log-redaction.ts';

/** A record on its way from a worker thread to the engine's logger. */
export interface ForwardedLog {
  kind: 'log';
  level: LogLevel;
  message: string;
  fields?: LogFields;
}

export function forwardingLogger(post: (record: ForwardedLog) => void): Logger {
  const forward = (level: LogLevel) => (message: string, fields?: LogFields) =>
    post({ kind: 'log', level, message, ...(fields ? { fields: plainFields(fields) as LogFields } : {}) });
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

/** Writes a forwarded record through the engine's logger. */
export function writeForwarded(logger: Logger, record: ForwardedLog): void {
  logger[record.level](record.message, record.fields);
}
