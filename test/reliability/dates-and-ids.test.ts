/**
 * Dates are dates, zones are zones, job ids are decimal numbers (issue 13, "The bridge and the
 * shell"): what `brief` and the contract refuse instead of quietly reading something else
 * (2026-02-30 as March 2nd, `--tz ""` as this computer's zone, `0x10` as job 16).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCall } from '../../shared/validate.ts';
import { importReplyWalk, runCli } from '../cli/run-cli.ts';

let folder: string;
let db: string[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'brief-reliability-values-'));
  db = ['--db', join(folder, 'brief.db')];
  await importReplyWalk(join(folder, 'brief.db'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Refused as a mistake of the person typing (exit 2) with a sentence, nothing printed on stdout. */
async function expectRefused(argv: string[], pattern: RegExp): Promise<void> {
  const run = await runCli([...argv, ...db]);
  expect(run.code, `${argv.join(' ')}: ${run.stderr}`).toBe(2);
  expect(run.stderr).toMatch(/^brief: .{30,}\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stdout).toBe('');
}

describe('brief report --as-of', () => {
  it.each([
    ['2026-02-30T00:00:00Z', /February 2026 has 28 days/],
    ['2024-02-30', /February 2024 has 29 days/],
    ['2026-04-31T12:00:00+02:00', /April 2026 has 30 days/],
    ['2026-13-01T00:00:00Z', /no month 13/],
    ['2026-01-01T24:00:00Z', /hours are 00 to 23/],
    ['2026-01-01T12:60:00Z', /minutes and seconds 00 to 59/],
    ['2026-01-01T12:00:00+25:00', /out of range/],
    ['Feb 3 2026', /must be an ISO time such as/],
    ['1767225600000', /must be an ISO time such as/],
    ['', /must be an ISO time such as/],
  ])('refuses %s', async (asOf, pattern) => {
    await expectRefused(['report', '--as-of', asOf], pattern);
  });

  it('reads a real day, with or without a time and an offset, as that instant', async () => {
    const read = async (asOf: string) => {
      const run = await runCli(['report', '--json', '--tz', 'UTC', '--as-of', asOf, ...db]);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { asOf: string }).asOf;
    };
    expect(await read('2024-02-29T23:30:00Z')).toBe('2024-02-29T23:30:00.000Z');
    expect(await read('2026-03-01T01:00:00+02:00')).toBe('2026-02-28T23:00:00.000Z');
    expect(await read('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('brief report --tz and --range', () => {
  it('refuses an empty or blank zone instead of using the default', async () => {
    await expectRefused(['report', '--tz', ''], /--tz needs a time zone such as Europe\/London/);
    await expectRefused(['report', '--tz', '  '], /leave it out to use this computer's zone/);
  });

  it('refuses a custom range with a day that does not exist', async () => {
    await expectRefused(
      ['report', '--range', '2026-02-30..2026-03-05'],
      /^brief: --range 2026-02-30\.\.2026-03-05: 2026-02-30 is not a day on the calendar/,
    );
    await expectRefused(
      ['report', '--range', '2026-02-01..2026-02-29'],
      /^brief: --range 2026-02-01\.\.2026-02-29: 2026-02-29 is not a day on the calendar/,
    );
  });
});

describe('brief jobs <subcommand> ID', () => {
  it.each(['0x10', '1e3', ' 7', '7 ', '+7', '0', '1.0', '', '0b11', '99999999999999999999'])(
    'refuses the job id "%s"',
    async (id) => {
      await expectRefused(['jobs', 'cancel', id], /A job id is a whole number such as 12/);
    },
  );

  it('takes a decimal id', async () => {
    const run = await runCli(['jobs', 'cancel', '1', ...db]);
    // Job 1 is the finished import: it exists, so the answer is about its state, not its id.
    expect(run.stderr).toMatch(/cannot be cancelled/);
  });

  it('reads other numeric options as decimal digits only', async () => {
    await expectRefused(['demo', '--messages', '0x200'], /--messages must be a whole number.*decimal digits/);
    await expectRefused(['demo', '--messages', ' 500'], /--messages must be a whole number.*decimal digits/);
  });
});

describe('the contract', () => {
  const report = (range: unknown, asOf?: string) =>
    parseCall('analytics.report', { account: 'all', range, ...(asOf ? { asOf } : {}) });

  it('refuses custom ranges and as-of times on days that do not exist, with a sentence', () => {
    expect(() => report({ from: '2026-02-30', to: '2026-03-05' })).toThrow(
      /range\.from: Dates are real calendar days written YYYY-MM-DD/,
    );
    expect(() => report({ from: '2026-02-01', to: '2026-13-01' })).toThrow(/range\.to: Dates are real/);
    expect(() => report({ preset: 'all' }, '2026-02-30T00:00:00Z')).toThrow(
      /asOf: Times are ISO 8601 on a real calendar day/,
    );
    expect(report({ from: '2024-02-29', to: '2024-03-01' }).args).toMatchObject({
      range: { from: '2024-02-29', to: '2024-03-01' },
    });
  });
});
