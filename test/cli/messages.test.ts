/**
 * What `brief` says about mail and reports, sentence by sentence: values refused in terms of the
 * flag typed, counts that agree with their nouns, an import that found no mail, a report in --tz
 * that says when it came from the cache.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../../electron/cli/report-text.ts';
import { systemTimeZone } from '../../electron/engine/index.ts';
import { type CliRun, importReplyWalk, REPLY_WALK, runCli } from './run-cli.ts';

let folder: string;
let db: string[];
let firstImport: CliRun;

const ONE_MESSAGE = [
  'From: Ann Example <ann@example.org>',
  'To: me@example.com',
  'Subject: Lunch',
  'Date: Mon, 03 Mar 2025 12:00:00 +0000',
  'Message-ID: <lunch-1@example.org>',
  '',
  'Shall we?',
  '',
].join('\r\n');

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'brief-messages-'));
  db = ['--db', join(folder, 'brief.db')];
  firstImport = await importReplyWalk(join(folder, 'brief.db'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Progress bars (a line each off a terminal) are not what these tests are about. */
const withoutProgress = (text: string) => text.replace(/^[█░].*\n/gm, '');

/** A refusal: this exit code, exactly this sentence on stderr, nothing on stdout. */
async function expectSentence(argv: string[], code: number, sentence: string) {
  const run = await runCli([...argv, ...db]);
  expect({ code: run.code, stderr: withoutProgress(run.stderr), stdout: run.stdout }).toEqual({
    code,
    stderr: `brief: ${sentence}\n`,
    stdout: '',
  });
}

/** A folder of the given files, for one import. */
function filesFolder(name: string, files: Record<string, string>): string {
  const path = join(folder, name);
  mkdirSync(path);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

describe('a value is refused in terms of the flag typed, never the method or the argument path', () => {
  it('an unknown --tz', () =>
    expectSentence(
      ['report', '--tz', 'Mars/Olympus'],
      2,
      'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/London.',
    ));

  it('a --range day that is not on the calendar, or that ends before it starts', async () => {
    await expectSentence(
      ['report', '--range', '2025-02-30..2025-03-05'],
      2,
      '--range 2025-02-30..2025-03-05: 2025-02-30 is not a day on the calendar; write real days as YYYY-MM-DD, such as 2026-02-28.',
    );
    await expectSentence(
      ['report', '--range', '2025-03-05..2025-03-03'],
      2,
      '--range 2025-03-05..2025-03-03 ends before it starts: put the earlier day first.',
    );
  });

  it('an --account or --alias that is not an address', async () => {
    const inbox = join(REPLY_WALK, 'inbox.mbox');
    await expectSentence(
      ['import', inbox, '--account', 'me'],
      2,
      '--account "me" is not an e-mail address: give one such as name@example.com.',
    );
    await expectSentence(
      ['import', inbox, '--account', 'me@example.com', '--alias', 'me-at-work'],
      2,
      '--alias "me-at-work" is not an e-mail address: give one such as name@example.com.',
    );
  });

  it('an alias that is not an address, or "all" where one account is meant', async () => {
    await expectSentence(
      ['accounts', 'alias-add', '1', 'someone'],
      2,
      '"someone" is not an e-mail address: brief accounts alias-add ACCOUNT ADDRESS takes one such as name@example.com.',
    );
    await expectSentence(
      ['accounts', 'aliases', 'all'],
      2,
      'brief accounts aliases works on one account: give its address or id from `brief accounts`, not "all".',
    );
  });
});

describe('counts agree with their nouns', () => {
  it('one duplicate merged', () => {
    expect(firstImport.code, firstImport.stderr).toBe(0);
    expect(firstImport.stdout).toBe('Imported 24 new messages (25 read, 1 duplicate merged).\n');
  });

  it('one new message and one skipped item', async () => {
    const mixed = filesFolder('mixed', { 'lunch.eml': ONE_MESSAGE, 'notes.txt': 'a shopping list\n' });
    const run = await runCli(['import', mixed, ...db, '--account', 'me@example.com']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        'Imported 1 new message (1 read, 0 duplicates merged).',
        'Skipped 1 item that is not readable mail:',
        `  ${join(mixed, 'notes.txt')}: not a mail message: no mail header block at the start`,
        '',
      ].join('\n'),
    );
  });

  it('accounts lists the messages of each account', async () => {
    const run = await runCli(['accounts', ...db]);
    expect(run.stdout).toBe('1\tme@example.com\timport\t25 messages\tidentities: me@example.com\n');
  });
});

describe('an import that finds no mail says so and fails', () => {
  it('only files that are not mail', async () => {
    const other = filesFolder('not-mail', { 'a.txt': 'hello\n', 'b.html': '<p>hi</p>\n' });
    await expectSentence(
      ['import', other, '--account', 'me@example.com'],
      1,
      [
        'Nothing was imported: none of the 2 items found is mail 360Brief can read. It reads mbox files, such as a Google Takeout, and .eml message files, also as .gz or .zip.',
        `  ${join(other, 'a.txt')}: not a mail message: no mail header block at the start`,
        `  ${join(other, 'b.html')}: not a mail message: no mail header block at the start`,
      ].join('\n'),
    );
  });

  it('one file that is not mail', async () => {
    const one = filesFolder('one-not-mail', { 'a.txt': 'hello\n' });
    await expectSentence(
      ['import', join(one, 'a.txt'), '--account', 'me@example.com'],
      1,
      [
        'Nothing was imported: the 1 item found is not mail 360Brief can read. It reads mbox files, such as a Google Takeout, and .eml message files, also as .gz or .zip.',
        `  ${join(one, 'a.txt')}: not a mail message: no mail header block at the start`,
      ].join('\n'),
    );
  });

  it('an empty folder', async () => {
    const empty = filesFolder('empty', {});
    await expectSentence(
      ['import', empty, '--account', 'me@example.com'],
      1,
      'Nothing was imported: no files were found at the paths given. It reads mbox files, such as a Google Takeout, and .eml message files, also as .gz or .zip.',
    );
  });

  it('leaves no new account behind, and keeps an account that was there before', async () => {
    const other = filesFolder('not-mail-new-account', { 'a.txt': 'hello\n' });
    const run = await runCli(['import', other, '--account', 'new-person@example.com', ...db]);
    expect(run.code).toBe(1);
    const listed = await runCli(['accounts', ...db]);
    expect(listed.stdout).not.toContain('new-person@example.com');
    expect(listed.stdout).toContain('me@example.com');
  });
});

describe('brief report', () => {
  it('prints its times in --tz', async () => {
    const run = await runCli([
      'report',
      ...db,
      '--tz',
      'America/New_York',
      '--as-of',
      '2025-03-21T12:00:00Z',
      '--range',
      '2025-03-01..2025-03-31',
    ]);
    expect(run.code, run.stderr).toBe(0);
    // An explicit --as-of is always computed: no line about the cache.
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      '360Brief report for me@example.com   range 2025-03-01 … 2025-03-31   zone America/New_York   as of 2025-03-21 08:00',
      '',
      'Coverage      25 messages (11 sent, 14 received, 0 undated), 2 automated',
      '              2025-03-03 04:00 → 2025-03-20 07:00',
    ]);
  });

  it('says when its answer came from the cache, as of when, and when that was behind the mail', async () => {
    // The imports warmed the cache for this computer's zone; the first report may refresh it.
    await runCli(['report', ...db]);
    const zone = systemTimeZone();
    const fresh = await runCli(['report', '--json', ...db]);
    const asOf = localTime(JSON.parse(fresh.stdout).asOf, zone);
    expect(fresh.stderr).toBe(
      `brief: From the cache: figures as of ${asOf} (${zone}), and no mail has changed since.\n`,
    );
    const text = await runCli(['report', ...db]);
    expect(text.stdout.split('\n')[1]).toBe(
      `From the cache: figures as of ${asOf} (${zone}), and no mail has changed since.`,
    );

    // A new identity changes what the figures count: the cached answer is stale until recomputed.
    expect((await runCli(['accounts', 'alias-add', '1', 'me@home.example', ...db])).code).toBe(0);
    const stale = await runCli(['report', ...db]);
    expect(stale.stdout.split('\n')[1]).toBe(
      `From the cache: figures as of ${asOf} (${zone}). Your mail or its settings changed since, or they are a day old, so they may be behind; fresh ones are being computed for the next \`brief report\`.`,
    );
    const next = await runCli(['report', '--csv', 'volume', ...db]);
    expect(next.stderr).toMatch(
      /^brief: From the cache: figures as of .+, and no mail has changed since\.\n$/,
    );
  });
});

describe('brief accounts', () => {
  it('names what a subcommand needs when it was not given', async () => {
    await expectSentence(
      ['accounts', 'forget'],
      2,
      'Name the account to forget: brief accounts forget ACCOUNT, where ACCOUNT is an address or id from `brief accounts`.',
    );
    await expectSentence(
      ['accounts', 'alias-add', 'me@example.com'],
      2,
      'Name the account and the address to add: brief accounts alias-add ACCOUNT ADDRESS, where ACCOUNT is an address or id from `brief accounts`.',
    );
    await expectSentence(
      ['accounts', 'list', 'extra'],
      2,
      'Too many words: brief accounts list (got "extra" as well).',
    );
  });
});
