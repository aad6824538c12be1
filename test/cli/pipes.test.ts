/**
 * `brief … | head`: a reader that goes away before brief has written (the pipe's read end closed)
 * ends the command quietly, with its own exit code, instead of an unhandled EPIPE trace. Real
 * child processes, since only a real pipe can be closed under a writer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';
import { importReplyWalk } from './run-cli.ts';

const BRIEF = join(ROOT, 'test', 'cli', 'brief-main.ts');

let folder: string;
let db: string[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'brief-pipes-'));
  db = ['--db', join(folder, 'brief.db')];
  await importReplyWalk(join(folder, 'brief.db'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs brief with its stdout piped to a reader that closes the pipe at once, before any output. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BRIEF, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that closes early', () => {
  it('ends brief report --json quietly', async () => {
    const run = await runIntoClosedPipe(['report', '--json', ...db]);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    // Only the note on where the answer came from, which goes to stderr, remains.
    expect(run.stderr).toMatch(/^(brief: From the cache: [^\n]+\n)?$/);
    expect(run.code).toBe(0);
  });

  it('ends the readable report, the job list and the help quietly', async () => {
    for (const args of [['report', ...db], ['jobs', ...db], ['--help']]) {
      const run = await runIntoClosedPipe(args);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });
});
