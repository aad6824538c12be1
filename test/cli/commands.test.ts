/** `brief` commands in-process: exit codes, what they print, and a sentence for every refusal. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReplyWalk, REPLY_WALK, runCli } from './run-cli.ts';

let folder: string;
let db: string[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'brief-cli-'));
  db = ['--db', join(folder, 'brief.db')];
  await importReplyWalk(join(folder, 'brief.db'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A refusal: the exit code, a sentence on stderr naming what to do, nothing on stdout. */
function expectRefusal(run: { code: number; stdout: string; stderr: string }, code: number, pattern: RegExp) {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).toMatch(/^brief: [A-Z-].{20,}/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stdout).toBe('');
}

describe('brief', () => {
  it('--help prints the commands and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['import', 'report', 'accounts', 'jobs', 'demo', 'serve']) {
      expect(run.stdout).toContain(`  ${command}`);
    }
  });

  it('refuses an unknown command with exit 2, without creating a database', async () => {
    const path = join(folder, 'never-created.db');
    const run = await runCli(['frobnicate', '--db', path]);
    expectRefusal(run, 2, /Unknown command "frobnicate".*brief --help/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses an unknown option with exit 2', async () => {
    expectRefusal(await runCli(['report', '--colour', 'red', ...db]), 2, /colour.*brief report --help/);
  });

  it('import told of its result, then a second import adds nothing', async () => {
    const again = await runCli([
      'import',
      join(REPLY_WALK, 'inbox.mbox'),
      join(REPLY_WALK, 'sent.mbox'),
      ...db,
      '--account',
      'me@example.com',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Imported 0 new messages \(25 read, 25 duplicates merged\)/);
  });

  it('import refuses a missing path and a missing --account', async () => {
    expectRefusal(
      await runCli(['import', join(folder, 'nope.mbox'), ...db, '--account', 'me@example.com']),
      1,
      /Nothing to import at .*nope\.mbox: check the path and try again\.\n$/,
    );
    expectRefusal(await runCli(['import', join(REPLY_WALK, 'inbox.mbox'), ...db]), 2, /--account/);
  });

  it('accounts lists the account with its message count', async () => {
    const run = await runCli(['accounts', ...db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1\tme@example\.com\timport\t24 messages\tidentities: me@example\.com\n$/);
  });

  it('jobs lists the import jobs and filters by status', async () => {
    const run = await runCli(['jobs', ...db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\timport_mail\tcompleted 100%\tattempts 1\/5\t/);
    // Two imports, each followed by the warm_cache job it queued.
    expect(run.stdout).toMatch(/\twarm_cache\tcompleted\t/);
    expect(run.stdout).toMatch(/4 of 4 jobs\n$/);
    const failed = await runCli(['jobs', '--status', 'failed', ...db]);
    expect(failed.stdout).toBe('0 of 0 jobs\n');
    expectRefusal(await runCli(['jobs', '--status', 'exploded', ...db]), 2, /--status takes pending/);
    expectRefusal(await runCli(['jobs', 'retry', 'abc', ...db]), 2, /whole number/);
    expectRefusal(await runCli(['jobs', 'retry', '999', ...db]), 1, /Job 999 does not exist/);
    expectRefusal(await runCli(['jobs', 'cancel', '1', ...db]), 1, /cannot be cancelled/);
  });

  it('report prints the readable report, --json the report, --csv one figure', async () => {
    const fixed = [...db, '--tz', 'UTC', '--as-of', '2025-03-21T12:00:00Z'];
    const text = await runCli(['report', ...fixed]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^360Brief report for me@example\.com {3}range all {3}zone UTC/);
    expect(text.stdout).toMatch(/Coverage {6}24 messages \(11 sent, 13 received/);

    const json = await runCli(['report', '--json', ...fixed, '--range', '7']);
    expect(JSON.parse(json.stdout)).toMatchObject({ account: 'me@example.com', range: { preset: '7' } });

    const csv = await runCli(['report', '--csv', 'volume', ...fixed]);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/date/);
    expect(lines.length).toBeGreaterThan(2);

    const custom = await runCli(['report', '--json', ...fixed, '--range', '2025-03-03..2025-03-05']);
    expect(JSON.parse(custom.stdout).coverage.messages).toBeGreaterThan(0);
  });

  it('report refuses a bad range, a bad as-of time, a bad zone, a bad figure and an unknown account', async () => {
    expectRefusal(await runCli(['report', ...db, '--range', 'fortnight']), 2, /--range takes all, today/);
    expectRefusal(await runCli(['report', ...db, '--range', '2025-03-05..2025-03-03x']), 2, /--range/);
    expectRefusal(
      await runCli(['report', ...db, '--as-of', 'the day after']),
      2,
      /--as-of must be an ISO time/,
    );
    expectRefusal(await runCli(['report', ...db, '--tz', 'Mars/Base']), 2, /Unknown time zone "Mars\/Base"/);
    expectRefusal(await runCli(['report', ...db, '--csv', 'gossip']), 2, /--csv takes one figure/);
    expectRefusal(
      await runCli(['report', ...db, '--account', 'who@example.com']),
      1,
      /No account "who@example\.com"/,
    );
  });

  it('report on an empty database says how to get started', async () => {
    const empty = ['--db', join(folder, 'empty.db')];
    expectRefusal(await runCli(['report', ...empty]), 1, /brief demo/);
  });

  it('demo --messages 500 builds the demo account and prints its report', async () => {
    const demoDb = ['--db', join(folder, 'demo.db')];
    const run = await runCli(['demo', '--messages', '500', ...demoDb]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Demo account alex@example\.com is ready\. Imported \d+ new messages/);
    expect(run.stdout).toMatch(/360Brief report for alex@example\.com/);
    expectRefusal(
      await runCli(['demo', '--messages', '5', ...demoDb]),
      2,
      /--messages must be a whole number from 100/,
    );
  });
});
