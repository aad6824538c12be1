/**
 * The import rows' child (bench/child-import.js) reports its own peak memory and what ran in it.
 * On Linux a spawned process's resourceUsage().maxRSS starts at its parent's RSS at the spawn, so
 * a child started by a bench that held 700 MB once "peaked" at 728 MB importing 1,000,000 messages
 * (220 MB alone). Here the parent holds a ballast larger than the child can reach, and the child's
 * figure must stay below it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { writeMbox } from '../../electron/engine/mail/generator/index.ts';
import { ROOT } from '../paths.ts';

const BALLAST_BYTES = 384 * 1024 ** 2;

let folder: string | null = null;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

it.runIf(process.platform === 'linux')(
  "reports the child's own peak RSS, not its parent's, and that the import ran without a warming (Linux only: /proc)",
  async () => {
    folder = mkdtempSync(join(tmpdir(), 'brief-child-import-'));
    const mbox = join(folder, 'mail.mbox');
    await writeMbox(mbox, {
      seed: 3,
      messages: 200,
      identities: ['me@example.com'],
      end: Date.UTC(2026, 0, 1),
      years: 1,
    });
    // Touched pages, so they count in this process's RSS when the child is spawned.
    const ballast = Buffer.alloc(BALLAST_BYTES, 1);
    const engine = join(ROOT, 'electron', 'engine', 'index.ts');
    const script = join(ROOT, 'bench', 'child-import.js');
    const { stdout } = await promisify(execFile)(process.execPath, [
      script,
      engine,
      join(folder, 'brief.db'),
      `me@example.com=${mbox}`,
    ]);
    expect(ballast.at(-1)).toBe(1);
    const report = JSON.parse(stdout.trim().split('\n').pop()!) as {
      maxRssBytes: number;
      failed: string | null;
      summaries: Array<{ read: number } | null>;
      jobsRun: Record<string, number>;
      cancelled: number;
    };
    expect(report.failed).toBeNull();
    expect(report.summaries.map((summary) => summary?.read)).toEqual([200]);
    expect(report.jobsRun).toEqual({ import_mail: 1 });
    expect(report.cancelled).toBe(1);
    expect(report.maxRssBytes).toBeGreaterThan(0);
    expect(report.maxRssBytes).toBeLessThan(BALLAST_BYTES);
  },
);
