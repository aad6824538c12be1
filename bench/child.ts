/**
 * Runs bench/child-import.js (the built engine, started as bin/brief.js's first line starts node) and watches it: its peak RSS is read from /proc while it runs (so a
 * run stopped at the time limit or the memory cap still has a figure) and from the child's own
 * report when it finishes (its VmHWM: its resourceUsage().maxRSS would include this process's RSS
 * at the spawn, see child-import.js). The cap keeps a runaway import from taking the shared machine's memory.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_ENGINE, buildOnce, cliLaunch } from './built.ts';
import { ROOT } from './context.ts';
import { megabytes, ms, now } from './measure.ts';

export interface ChildImportResult {
  peakRssBytes: number;
  /** The peak before the re-derivation (reading and storing); null when it did not finish or was not told. */
  storingRssBytes: number | null;
  /** From the first import.start to the last import completed (the child's own clock when it finished). */
  ms: number;
  /** CPU of the whole child and of its engine thread; null when it did not finish. */
  cpuMs: number | null;
  engineCpuMs: number | null;
  /** Null when every import finished; otherwise why it was stopped or failed. */
  stopped: string | null;
  summaries: Array<{ read: number; imported: number; bytes: number } | null>;
  /** The jobs that started in the child, by type, and the warmings cancelled before they started; null when it did not finish. */
  jobsRun: Record<string, number> | null;
  cancelled: number | null;
  /**
   * What the child's RSS was made of at its highest sample (polled every 200 ms): anonymous memory
   * (heaps, typed arrays, malloc) and file pages (the node binary's code); null when never sampled.
   * Two runs whose peaks differ tell by this which kind grew.
   */
  peakParts: { anonBytes: number; fileBytes: number } | null;
}

/** What ran in the children, for a row's value: a warming that ran would put a report's memory in the peak. */
export function jobsRunText(...results: ChildImportResult[]): string {
  const runs: Record<string, number> = {};
  let cancelled = 0;
  for (const result of results) {
    if (result.jobsRun === null) return '';
    for (const [type, times] of Object.entries(result.jobsRun)) runs[type] = (runs[type] ?? 0) + times;
    cancelled += result.cancelled ?? 0;
  }
  const ran = Object.entries(runs).map(([type, times]) => `${type} ×${times}`);
  const warming = runs.warm_cache ? 'a warming ran' : `warming: none (${cancelled} cancelled)`;
  return `; jobs run: ${ran.join(', ') || 'none'}, ${warming}`;
}

export interface ChildImport {
  account: string;
  paths: readonly string[];
}

const POLL_MS = 200;

/** The memory lines of a Linux /proc/<pid>/status, in bytes (0 where a line is missing). */
export function procMemory(status: string): { hwm: number; rss: number; anon: number; file: number } {
  const kilobytes = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return {
    hwm: kilobytes('VmHWM'),
    rss: kilobytes('VmRSS'),
    anon: kilobytes('RssAnon'),
    file: kilobytes('RssFile'),
  };
}

function sampleMemory(pid: number): ReturnType<typeof procMemory> | null {
  try {
    return procMemory(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/** Queues the imports in one child (one import.start each, in order) and runs them to the end. */
export function runChildImport(options: {
  databasePath: string;
  imports: readonly ChildImport[];
  timeLimitMs: number;
  rssCapBytes: number;
}): Promise<ChildImportResult> {
  buildOnce();
  const script = join(ROOT, 'bench', 'child-import.js');
  const imports = options.imports.map((one) => `${one.account}=${one.paths.join(',')}`);
  const launch = cliLaunch();
  const child = spawn(
    process.execPath,
    [...launch.flags, script, BUILT_ENGINE, options.databasePath, ...imports],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...launch.env },
    },
  );
  const started = now();
  let peak = 0;
  let highest: ReturnType<typeof procMemory> | null = null;
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
    const sample = sampleMemory(child.pid);
    if (sample !== null) {
      peak = Math.max(peak, sample.hwm);
      if (highest === null || sample.rss > highest.rss) highest = sample;
    }
    const elapsed = now() - started;
    if (peak > options.rssCapBytes) stopped = `stopped at the ${megabytes(options.rssCapBytes)} memory cap`;
    else if (elapsed > options.timeLimitMs) stopped = `stopped at the ${ms(options.timeLimitMs)} time limit`;
    if (stopped) child.kill('SIGKILL');
  }, POLL_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(watch);
      const elapsed = now() - started;
      const peakParts = highest && { anonBytes: highest.anon, fileBytes: highest.file };
      const line = stdout.trim().split('\n').pop() ?? '';
      if (stopped === null && code === 0 && line.startsWith('{')) {
        const report = JSON.parse(line) as {
          maxRssBytes: number;
          storingRssBytes: number;
          ms: number;
          cpuMs: number;
          engineCpuMs: number;
          failed: string | null;
          summaries: ChildImportResult['summaries'];
          jobsRun: Record<string, number>;
          cancelled: number;
        };
        resolve({
          peakRssBytes: Math.max(peak, report.maxRssBytes),
          storingRssBytes: report.storingRssBytes > 0 ? report.storingRssBytes : null,
          ms: report.ms,
          cpuMs: report.cpuMs,
          engineCpuMs: report.engineCpuMs,
          stopped: report.failed,
          summaries: report.summaries,
          jobsRun: report.jobsRun,
          cancelled: report.cancelled,
          peakParts,
        });
        return;
      }
      const reason = stopped ?? `child exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`;
      resolve({
        peakRssBytes: peak,
        storingRssBytes: null,
        ms: elapsed,
        cpuMs: null,
        engineCpuMs: null,
        stopped: reason,
        summaries: [],
        jobsRun: null,
        cancelled: null,
        peakParts,
      });
    });
  });
}
