/**
 * "Export diagnostics": the logs, the job history and the cache statistics in one JSON file a
 * person can send us, with every token and every correspondent's address removed (the engine's
 * `redact` for secret-looking fields and token shapes, then a scrub of every string for e-mail
 * addresses, opaque secrets and the home folder).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { redact } from '../engine/index.ts';

const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Long opaque runs with letters and digits: access tokens, refresh tokens, codes, secrets. */
const OPAQUE = /[A-Za-z0-9_\-.~+]{32,}={0,2}/g;
const LOOKS_OPAQUE = (run: string) => /[A-Za-z]/.test(run) && /\d/.test(run);
const MAX_LOG_LINES = 5000;

export function scrubText(text: string, home = homedir()): string {
  let out = String(redact(text));
  if (home.length > 1) out = out.split(home).join('~');
  return out.replace(ADDRESS, '[address]').replace(OPAQUE, (run) => (LOOKS_OPAQUE(run) ? '[redacted]' : run));
}

/** Redacts fields by name, then scrubs every string (keys included) that is left. */
export function scrubValue(value: unknown, home = homedir()): unknown {
  const walk = (inner: unknown): unknown => {
    if (typeof inner === 'string') return scrubText(inner, home);
    if (Array.isArray(inner)) return inner.map(walk);
    if (inner && typeof inner === 'object')
      return Object.fromEntries(
        Object.entries(inner).map(([key, item]) => [scrubText(key, home), walk(item)]),
      );
    return inner;
  };
  return walk(redact(value));
}

/** A log folder's files (`engine.1.log`, `engine.2.log`, …), oldest first. */
function logFilesOf(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const name = basename(folder);
  const numberOf = (file: string) =>
    file.startsWith(`${name}.`) && file.endsWith('.log')
      ? Number(file.slice(name.length + 1, -4))
      : Number.NaN;
  return readdirSync(folder)
    .map((file) => ({ file, number: numberOf(file) }))
    .filter((entry) => Number.isInteger(entry.number))
    .sort((a, b) => a.number - b.number)
    .map((entry) => join(folder, entry.file));
}

/** The last lines of one log (all its files); JSON lines are parsed so their fields are redacted by name. */
export function readScrubbedLog(folder: string, home = homedir()): unknown[] {
  const lines = logFilesOf(folder)
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter(Boolean)
    .slice(-MAX_LOG_LINES);
  return lines.map((line) => {
    try {
      return scrubValue(JSON.parse(line), home);
    } catch {
      return scrubText(line, home);
    }
  });
}

export interface DiagnosticsInput {
  now: number;
  app: Record<string, unknown>;
  /** The logs' folders (`logs/main`, `logs/engine`), each reported under its name. */
  logFolders: readonly string[];
  jobs: unknown;
  analyticsCache: unknown;
  messageCache: unknown;
  home?: string;
}

export function buildDiagnostics(input: DiagnosticsInput): Record<string, unknown> {
  const home = input.home ?? homedir();
  return {
    createdAt: new Date(input.now).toISOString(),
    app: scrubValue(input.app, home),
    jobs: scrubValue(input.jobs, home),
    analyticsCache: scrubValue(input.analyticsCache, home),
    messageCache: scrubValue(input.messageCache, home),
    logs: Object.fromEntries(
      input.logFolders.map((folder) => [basename(folder), readScrubbedLog(folder, home)]),
    ),
  };
}

export function writeDiagnostics(path: string, input: DiagnosticsInput): string {
  writeFileSync(path, `${JSON.stringify(buildDiagnostics(input), null, 2)}\n`, { mode: 0o600 });
  return path;
}

export function diagnosticsFileName(now: number): string {
  return `360brief-diagnostics-${new Date(now).toISOString().replace(/[:.]/g, '-')}.json`;
}
