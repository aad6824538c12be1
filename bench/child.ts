/**
 * Runs bench/child-import.ts and watches it: its peak RSS is read from /proc while it runs (so a
 * run stopped at the time limit or the memory cap still has a figure) and from the child's own
 * report when it finishes. The cap keeps a runaway import from taking the shared machine's memory.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './context.ts';
import { megabytes, ms, now } from './measure.ts';

export interface ChildImportResult {
  peakRssBytes: number;
  ms: number;
  /** Null when the import finished; otherwise why it was stopped or failed. */
  stopped: string | null;
  summary: { read: number; imported: number; bytes: number } | null;
}

const POLL_MS = 200;

function highWaterBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function runChildImport(options: {
  databasePath: string;
  account: string;
  paths: readonly string[];
  timeLimitMs: number;
  rssCapBytes: number;
}): Promise<ChildImportResult> {
  const script = join(ROOT, 'bench', 'child-import.ts');
  const child = spawn(process.execPath, [script, options.databasePath, options.account, ...options.paths], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = now();
  let peak = 0;
  let stopped: string | null = null;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const watch = setInterval(() => {
    if (child.pid === undefined) return;
    peak = Math.max(peak, highWaterBytes(child.pid));
    const elapsed = now() - started;
    if (peak > options.rssCapBytes) stopped = `stopped at the ${megabytes(options.rssCapBytes)} memory cap`;
    else if (elapsed > options.timeLimitMs) stopped = `stopped at the ${ms(options.timeLimitMs)} time limit`;
    if (stopped) child.kill('SIGKILL');
  }, POLL_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(watch);
      const elapsed = now() - started;
      const line = stdout.trim().split('\n').pop() ?? '';
      if (stopped === null && code === 0 && line.startsWith('{')) {
        const report = JSON.parse(line) as {
          maxRssBytes: number;
          ms: number;
          status: string;
          summary: ChildImportResult['summary'];
          error: { message: string } | null;
        };
        const failed =
          report.status === 'completed' ? null : `import ${report.status}: ${report.error?.message}`;
        resolve({
          peakRssBytes: Math.max(peak, report.maxRssBytes),
          ms: report.ms,
          stopped: failed,
          summary: report.summary,
        });
        return;
      }
      const reason = stopped ?? `child exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`;
      resolve({ peakRssBytes: peak, ms: elapsed, stopped: reason, summary: null });
    });
  });
}
