/**
 * Before pino (docs/logging.md), each log was one file in `logs/` — `engine.log`, `main.log`,
 * `cli.log` — rotated to `.log.1` … `.log.3`. Nothing reads those any more (diagnostics read the
 * numbered files in each log's own folder), so a log removes its predecessor's files the first
 * time it opens its folder in a process. Only those names are touched: anything else in `logs/`
 * stays. A file that cannot be removed is left: logging never stops the app.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `engine.log`, `engine.log.1`, … for the log whose folder is `…/logs/engine`. */
function isOldFileOf(name: string, entry: string): boolean {
  if (!entry.startsWith(`${name}.log`)) return false;
  const rest = entry.slice(name.length + '.log'.length);
  return rest === '' || /^\.\d+$/.test(rest);
}

export function removeOldLogFiles(folder: string): void {
  const parent = dirname(folder);
  const name = basename(folder);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!isOldFileOf(name, entry)) continue;
    try {
      rmSync(join(parent, entry));
    } catch {
      // A folder of that name, or no permission: left as it is.
    }
  }
}
