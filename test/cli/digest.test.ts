/**
 * `brief digest`: the Brief as text, JSON and one HTML file, "new since the last brief" moving
 * only when a digest was printed or written, and a sentence for every refusal.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMbox } from '../brief/mbox.ts';
import { runCli } from './run-cli.ts';

const ME = 'me@example.com';
let folder: string;
let db: string[];
const asOf = ['--as-of', '2025-03-20T12:00:00Z', '--tz', 'UTC'];

async function importMail(paths: string[]) {
  const run = await runCli(['import', ...paths, ...db, '--account', ME]);
  expect(run.code, run.stderr).toBe(0);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'brief-digest-'));
  db = ['--db', join(folder, 'brief.db')];
  mkdirSync(join(folder, 'first'));
  await importMail([
    writeMbox(join(folder, 'first'), 'inbox.mbox', [
      {
        id: 'a1@acme.example',
        date: '2025-03-17T09:00:00Z',
        from: 'ann@acme.example',
        to: ME,
        subject: 'Budget & <b>plans</b>',
      },
      ...[1, 2, 3].map((n) => ({
        id: `n${n}@shop.example`,
        date: `2025-03-1${n}T07:00:00Z`,
        from: 'news@shop.example',
        to: ME,
        subject: 'Deals',
        extra: ['List-Unsubscribe: <https://shop.example/u>', 'Precedence: bulk'],
      })),
    ]),
    writeMbox(join(folder, 'first'), 'sent.mbox', [
      {
        id: 'm5@example.com',
        date: '2025-03-15T12:00:00Z',
        from: ME,
        to: 'carol@food.example',
        subject: 'Lunch?',
      },
    ]),
  ]);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('brief digest', () => {
  it('prints the Brief as text, then counts nothing new until new mail comes', async () => {
    const first = await runCli(['digest', ...db, ...asOf]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`360Brief — ${ME}\nAs of 20 Mar 2025, 12:00.`);
    expect(first.stdout).toContain(
      'WAITING ON YOU\n1 thread waits on you (oldest 3 days), all new: this is your first brief.',
    );
    expect(first.stdout).toContain('  3 days     Budget & <b>plans</b> — ann@acme.example  [new]');
    expect(first.stdout).toContain(
      'WAITING ON THEM\n1 thread of yours has waited 3 days or more for an answer (oldest 5 days).',
    );
    expect(first.stdout).toContain('How: ');
    expect(first.stdout).toContain('(docs/metrics.md#briefReplyTime)');

    const again = await runCli(['digest', ...db, ...asOf]);
    expect(again.stdout).toMatch(
      /1 thread waits on you \(oldest 3 days\); 0 new since the last brief \(\d+ \w+ \d{4}, \d\d:\d\d\)\./,
    );

    mkdirSync(join(folder, 'second'));
    await importMail([
      writeMbox(join(folder, 'second'), 'inbox.mbox', [
        {
          id: 'c1@acme.example',
          date: '2025-03-18T09:00:00Z',
          from: 'dave@acme.example',
          to: ME,
          subject: 'Contract',
        },
      ]),
    ]);
    const json = await runCli(['digest', ...db, ...asOf, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const brief = JSON.parse(json.stdout);
    expect(
      brief.waitingOnYou.threads.map((t: { subject: string; isNew: boolean }) => [t.subject, t.isNew]),
    ).toEqual([
      ['Budget & <b>plans</b>', false],
      ['Contract', true],
    ]);
    expect(brief.waitingOnYou.newSinceLastBrief).toBe(1);
  });

  it('writes one self-contained HTML file: no script, no link but Gmail and unsubscribe ones', async () => {
    const out = join(folder, 'html');
    mkdirSync(out);
    const run = await runCli([
      'digest',
      ...db,
      ...asOf,
      '--format',
      'html',
      '--out',
      join(out, 'brief.html'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the brief to ${join(out, 'brief.html')}: open it in a browser, print it, or attach it to a mail.\n`,
    );
    expect(readdirSync(out)).toEqual(['brief.html']);
    expect(statSync(join(out, 'brief.html')).mode & 0o777).toBe(0o600);
    const html = readFileSync(join(out, 'brief.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain('Budget &amp; &lt;b&gt;plans&lt;/b&gt;');
    // Imported mail has no Gmail links, and no read state, so no newsletter is listed: no link at all.
    expect(html).not.toMatch(/https?:/i);
    expect(html).toContain('cannot tell which newsletters you never read');
  });

  it('refuses a bad format, anchor and output path with a sentence, and then moves nothing', async () => {
    expect((await runCli(['digest', ...db, ...asOf, '--format', 'json', '--out', '-'])).code).toBe(0);
    const marks = () => {
      const store = new Database(join(folder, 'brief.db'), { readonly: true });
      try {
        return store.prepare('SELECT account_id, seen_at, threads FROM brief_marks').all();
      } finally {
        store.close();
      }
    };
    const before = marks();
    const format = await runCli(['digest', ...db, '--format', 'pdf']);
    expect([format.code, format.stdout]).toEqual([2, '']);
    expect(format.stderr).toBe('brief: --format takes text, html, json (got "pdf").\n');
    const anchor = await runCli(['digest', ...db, '--anchor', 'yesterday']);
    expect(anchor.stderr).toBe('brief: --anchor takes now, newest, auto (got "yesterday").\n');
    const toFolder = await runCli(['digest', ...db, ...asOf, '--format', 'html', '--out', folder]);
    expect(toFolder.code).toBe(1);
    expect(toFolder.stderr).toBe(
      `brief: Could not write the digest to ${folder}: that is a folder; name a file such as brief.html.\n`,
    );
    const missing = await runCli(['digest', ...db, ...asOf, '--out', join(folder, 'no', 'such', 'b.txt')]);
    expect(missing.stderr).toContain('its folder does not exist');
    expect(marks()).toEqual(before);
  });
});
