/**
 * The Brief through the engine: answered from the analytics cache warmed after each import,
 * "new since the last brief" across two imports (the mark moves only when a brief is delivered),
 * per account and for all accounts, and the digest files.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine, tempFolder } from '../engine/helpers.ts';
import { writeMbox } from './mbox.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ME = 'me@example.com';

async function importInto(engine: Engine, time: ReturnType<typeof fakeClock>, paths: string[], account = ME) {
  const job = await engine.call('import.start', { paths, account });
  await engine.runner.runUntilIdle({ sleep: time.sleep });
  expect(engineServicesForTests(engine).jobs.getJob(job.id).status).toBe('completed');
}

async function setup() {
  const time = fakeClock(Date.parse('2025-03-20T12:00:00.000Z'));
  const engine = openEngine({ clock: time.clock });
  await engine.call('settings.update', { timeZone: 'UTC' });
  const folder = tempFolder('brief-service-');
  const first = [
    writeMbox(folder, 'inbox.mbox', [
      {
        id: 'a1@acme.example',
        date: '2025-03-17T09:00:00Z',
        from: 'ann@acme.example',
        to: ME,
        subject: 'Budget',
      },
    ]),
    writeMbox(folder, 'sent.mbox', [
      {
        id: 'm5@example.com',
        date: '2025-03-15T12:00:00Z',
        from: ME,
        to: 'carol@food.example',
        subject: 'Lunch?',
      },
    ]),
  ];
  // In a folder of its own: a file's name is its label, and only "inbox" is the inbox.
  mkdirSync(join(folder, 'later'));
  const second = [
    writeMbox(join(folder, 'later'), 'inbox.mbox', [
      {
        id: 'c1@acme.example',
        date: '2025-03-18T09:00:00Z',
        from: 'dave@acme.example',
        to: ME,
        subject: 'Contract',
      },
    ]),
  ];
  return { time, engine, first, second, folder };
}

describe('the Brief through the engine', () => {
  it('opens from the cache warmed by the import, and counts new threads across two imports', async () => {
    const { time, engine, first, second } = await setup();
    await importInto(engine, time, first);
    const [account] = await engine.call('accounts.list', {});
    const ask = () => engine.call('brief.get', { account: account!.id });

    const one = await ask();
    expect([one.fromCache, one.stale]).toEqual([true, false]);
    expect(one.brief.waitingOnYou.threads.map((t) => [t.subject, t.ageMs, t.isNew, t.gmailLink])).toEqual([
      ['Budget', 3 * DAY + 3 * HOUR, true, null],
    ]);
    expect([one.brief.waitingOnYou.newSinceLastBrief, one.brief.waitingOnYou.lastBriefAt]).toEqual([1, null]);
    expect(one.brief.waitingOnThem.threads.map((t) => [t.subject, t.correspondent, t.ageMs])).toEqual([
      ['Lunch?', 'carol@food.example', 5 * DAY],
    ]);
    // Asking again moves nothing: only a delivered brief does.
    expect((await ask()).brief.waitingOnYou.newSinceLastBrief).toBe(1);

    time.advance(HOUR);
    const seen = await engine.call('brief.markSeen', { account: account!.id });
    expect(seen).toEqual({ seenAt: '2025-03-20T13:00:00.000Z', accounts: 1, threads: 1 });
    const after = await ask();
    expect([after.fromCache, after.brief.waitingOnYou.newSinceLastBrief]).toEqual([true, 0]);

    await importInto(engine, time, second);
    const two = await ask();
    expect([two.fromCache, two.stale]).toEqual([true, false]);
    expect(two.brief.waitingOnYou.threads.map((t) => [t.subject, t.isNew])).toEqual([
      ['Budget', false],
      ['Contract', true],
    ]);
    expect([two.brief.waitingOnYou.newSinceLastBrief, two.brief.waitingOnYou.lastBriefAt]).toEqual([
      1,
      '2025-03-20T13:00:00.000Z',
    ]);
  });

  it("keeps a mark per account: a brief of all accounts marks each, one account's only that one", async () => {
    const { time, engine, first, second } = await setup();
    await importInto(engine, time, first);
    await importInto(engine, time, second, 'me@work.example');
    const [home, work] = await engine.call('accounts.list', {});
    await engine.call('brief.markSeen', { account: home!.id });
    const all = await engine.call('brief.get', { account: 'all' });
    expect(all.brief.waitingOnYou.threads.map((t) => [t.subject, t.accountId, t.isNew])).toEqual([
      ['Budget', home!.id, false],
      ['Contract', work!.id, true],
    ]);
    await engine.call('brief.markSeen', { account: 'all' });
    expect((await engine.call('brief.get', { account: work!.id })).brief.waitingOnYou.newSinceLastBrief).toBe(
      0,
    );
    // Forgetting an account forgets its mark with it.
    await engine.call('accounts.forget', { accountId: work!.id });
    const rows = engineServicesForTests(engine).store.db.prepare('SELECT account_id FROM brief_marks').all();
    expect(rows).toEqual([{ account_id: home!.id }]);
  });

  it('answers an archive as of its newest mail, exactly when asked as of an instant', async () => {
    const { time, engine, first } = await setup();
    time.advance(400 * DAY);
    await importInto(engine, time, first);
    const [account] = await engine.call('accounts.list', {});
    const warm = await engine.call('brief.get', { account: account!.id });
    expect([warm.fromCache, warm.brief.anchor, warm.brief.at]).toEqual([
      true,
      'newest',
      '2025-03-18T00:00:00.000Z',
    ]);
    // As of that midnight Budget is 15 h old, not yet over a day; Lunch? 2 days 12 h, not yet 3.
    expect([warm.brief.waitingOnYou.count, warm.brief.waitingOnThem.count]).toEqual([0, 0]);
    const exact = await engine.call('brief.get', {
      account: account!.id,
      asOf: '2025-03-20T12:00:00Z',
      anchor: 'now',
    });
    expect([exact.fromCache, exact.cacheKey, exact.brief.at]).toEqual([
      false,
      '',
      '2025-03-20T12:00:00.000Z',
    ]);
    expect([exact.brief.waitingOnYou.count, exact.brief.waitingOnThem.count]).toEqual([1, 1]);
  });

  it("writes the digest as text, JSON and one HTML page with no script and no link but Gmail's and unsubscribe ones", async () => {
    const { time, engine, first, folder } = await setup();
    writeMbox(
      folder,
      'news.mbox',
      [1, 2, 3].map((n) => ({
        id: `n${n}@shop.example`,
        date: `2025-03-1${n}T07:00:00Z`,
        from: 'news@shop.example',
        to: ME,
        subject: `Deals <script>alert(${n})</script>`,
        extra: [
          'List-Unsubscribe: <mailto:leave@shop.example>, <https://shop.example/u?a=1&b=2>',
          'Precedence: bulk',
        ],
      })),
    );
    await importInto(engine, time, [...first, join(folder, 'news.mbox')]);
    const request = { account: 'all' as const, timeZone: 'UTC' };
    const html = await engine.call('brief.digest', { ...request, format: 'html' });
    expect([html.fileName, html.mediaType]).toEqual([
      '360brief-me@example.com-2025-03-20.html',
      'text/html; charset=utf-8',
    ]);
    expect(html.content).not.toMatch(/<script/i);
    expect(html.content).toContain('Your brief');
    expect(html.content).toContain('Budget');
    // Imported mail has no read state, so no newsletter is said to be never read.
    expect(html.content).toContain('cannot tell which newsletters you never read');
    const urls = html.content.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi) ?? [];
    expect(
      urls.every(
        (url) => url.startsWith('https://mail.google.com/') || url.startsWith('https://shop.example/'),
      ),
    ).toBe(true);
    const text = await engine.call('brief.digest', { ...request, format: 'text' });
    expect(text.content).toContain(
      '1 thread waits on you (oldest 3 days), all new: this is your first brief.',
    );
    const json = await engine.call('brief.digest', { ...request, format: 'json' });
    expect(JSON.parse(json.content).waitingOnYou.count).toBe(1);
    await expect(engine.call('brief.saveDigest', request)).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
    });
  });
});
