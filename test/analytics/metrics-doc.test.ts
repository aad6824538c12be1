/**
 * docs/metrics.md stays true: its example mailbox (read out of the page itself) gives every number
 * the worked examples state, each figure the dashboard links to has its anchor, and neither the
 * README nor docs/ points outside the repository.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../electron/engine/analytics/definitions.ts';
import { computeReport, type Report } from '../../electron/engine/analytics/index.ts';
import { ROOT } from '../paths.ts';
import { inputFromParams } from './mailbox.ts';

const PAGE = join(ROOT, 'docs', 'metrics.md');
const page = readFileSync(PAGE, 'utf8');
const HOUR = 3_600_000;

/** The page's ```mbox <file name> blocks. */
function exampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of page.matchAll(/^```mbox (\S+)\n([\s\S]*?)^```$/gm)) files.set(match[1]!, match[2]!);
  return files;
}

let folder = '';
const reports: Record<string, Report> = {};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'brief-metrics-doc-'));
  for (const [name, text] of exampleFiles()) writeFileSync(join(folder, name), text);
  for (const preset of ['all', '7']) {
    const params = {
      account: 'me@example.com',
      aliases: [],
      timeZone: 'UTC',
      asOf: '2025-03-20T12:00:00Z',
      preset,
      paths: [folder],
    };
    reports[preset] = computeReport(await inputFromParams(params, folder));
  }
  const later = { account: 'me@example.com', aliases: [], timeZone: 'UTC', asOf: '2025-06-01T12:00:00Z' };
  const input = await inputFromParams({ ...later, preset: '7', paths: [folder] }, folder);
  reports.anchored = computeReport({ ...input, anchor: 'auto' });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('docs/metrics.md: the example mailbox gives the numbers the page states', () => {
  it('holds the three files', () => {
    expect([...exampleFiles().keys()]).toEqual(['archive.mbox', 'inbox.mbox', 'sent.mbox']);
  });

  it('coverage and volume', () => {
    const { coverage, volume } = reports.all!;
    expect(coverage).toMatchObject({ messages: 9, sent: 3, received: 6, undated: 1, automated: 1 });
    expect([coverage.first, coverage.last]).toEqual(['2025-03-10T09:00:00.000Z', '2025-03-19T10:00:00.000Z']);
    expect(reports['7']!.coverage).toMatchObject({ messages: 3, sent: 1, received: 2, undated: 0 });
    const days = volume.byDay.map((d) => `${d.date.slice(5)} ${d.sent}/${d.received}`);
    expect(days).toEqual([
      '03-10 1/2',
      '03-11 1/0',
      '03-12 0/1',
      '03-13 0/0',
      '03-14 0/0',
      '03-15 1/0',
      '03-16 0/0',
      '03-17 0/0',
      '03-18 0/1',
      '03-19 0/1',
    ]);
    expect(volume.byWeek).toEqual([
      { week: '2025-03-10', sent: 3, received: 3 },
      { week: '2025-03-17', sent: 0, received: 2 },
    ]);
    expect([volume.sent, volume.received, volume.uniqueCorrespondents]).toEqual([3, 6, 5]);
    expect(volume.automatedShare).toBeCloseTo(1 / 9, 12);
  });

  it('top senders, recipients and domains', () => {
    const r = reports.all!;
    expect(r.topSenders.map((s) => [s.name, s.address, s.count, s.automatedShare])).toEqual([
      ['Ann Lee', 'ann@acme.example', 3, 0],
      ['Dave Kim', 'dave@acme.example', 1, 0],
      ['Shop News', 'news@shop.example', 1, 1],
    ]);
    expect(r.topSenders[0]!.last).toBe('2025-03-19T10:00:00.000Z');
    expect(r.topRecipients.map((s) => [s.address, s.count])).toEqual([
      ['ann@acme.example', 2],
      ['bob@acme.example', 2],
      ['carol@food.example', 1],
    ]);
    expect(r.topDomains.senders).toEqual([
      { domain: 'acme.example', count: 4 },
      { domain: 'shop.example', count: 1 },
    ]);
    expect(r.topDomains.recipients).toEqual([
      { domain: 'acme.example', count: 2 },
      { domain: 'food.example', count: 1 },
    ]);
  });

  it('busiest times', () => {
    const cells = (matrix: number[][]) =>
      matrix.flatMap((row, day) => row.flatMap((n, hour) => (n > 0 ? [`${day}:${hour}=${n}`] : [])));
    // Rows Monday first: 0 Monday, 1 Tuesday, 2 Wednesday, 5 Saturday.
    expect(cells(reports.all!.busiestTimes.sent)).toEqual(['0:10=1', '1:20=1', '5:12=1']);
    expect(cells(reports.all!.busiestTimes.received)).toEqual([
      '0:9=1',
      '0:11=1',
      '1:9=1',
      '2:7=1',
      '2:10=1',
    ]);
  });

  it('response times, elapsed and working hours', () => {
    const { mine, theirs } = reports.all!.responseTime;
    expect(mine).toMatchObject({
      count: 2,
      medianMs: 62_100_000,
      meanMs: 62_100_000,
      p90Ms: 33 * HOUR,
      within1hShare: 0,
      buckets: [0, 1, 0, 1, 0, 0],
    });
    expect(theirs).toMatchObject({
      count: 2,
      medianMs: 328_500_000,
      p90Ms: 655_200_000,
      within1hShare: 0.5,
      buckets: [1, 0, 0, 0, 0, 1],
    });
    expect(reports['7']!.responseTime.mine).toMatchObject({ count: 0, medianMs: null });
    const working = reports.all!.workingHours;
    expect([working.mine.medianMs, working.mine.p90Ms]).toEqual([31_500_000, 16 * HOUR]);
    expect([working.theirs.medianMs, working.theirs.p90Ms]).toEqual([83_700_000, 46 * HOUR]);
  });

  it('after hours, awaiting and threads', () => {
    const r = reports.all!;
    expect(r.afterHours).toEqual({ share: 2 / 3, weekendShare: 1 / 3 });
    expect(reports['7']!.afterHours).toEqual({ share: 1, weekendShare: 1 });
    expect([r.awaiting.onMe, r.awaiting.onThem]).toEqual([2, 1]);
    expect(r.awaiting.onMeList.map((t) => [t.subject, t.ageMs])).toEqual([
      ['Contract', 51 * HOUR],
      ['Budget', 26 * HOUR],
    ]);
    expect(r.awaiting.onThemList.map((t) => [t.subject, t.correspondent, t.ageMs])).toEqual([
      ['Lunch?', 'carol@food.example', 5 * 24 * HOUR],
    ]);
    expect(r.threads).toMatchObject({ count: 4, medianLength: 1, p90Length: 5, medianParticipants: 1 });
    expect(r.threads.longest.map((t) => [t.subject, t.length, t.participants])).toEqual([
      ['Budget', 5, 2],
      ['Deals', 1, 1],
      ['Contract', 1, 1],
      ['Lunch?', 1, 1],
    ]);
    expect(reports['7']!.threads).toMatchObject({ count: 3, medianLength: 1, p90Length: 1 });
  });

  it('newsletters, labels, relationships, going quiet, network', () => {
    const r = reports.all!;
    expect(r.newsletters).toEqual([
      {
        address: 'news@shop.example',
        count: 1,
        readShare: null,
        last: '2025-03-12T07:00:00.000Z',
        unsubscribe: 'https://shop.example/u',
        rarelyRead: false,
      },
    ]);
    expect(r.labels).toEqual([
      { label: 'INBOX', count: 5 },
      { label: 'SENT', count: 3 },
      { label: 'archive', count: 1 },
    ]);
    expect(r.relationships.map((c) => [c.address, c.sentTo, c.receivedFrom, c.exchanges, c.balance])).toEqual(
      [
        ['ann@acme.example', 2, 3, 5, -1],
        ['bob@acme.example', 2, 0, 2, 2],
        ['carol@food.example', 1, 0, 1, 1],
        ['dave@acme.example', 0, 1, 1, -1],
        ['news@shop.example', 0, 1, 1, -1],
      ],
    );
    expect([r.relationships[0]!.myMedianMs, r.relationships[0]!.theirMedianMs]).toEqual([
      62_100_000, 328_500_000,
    ]);
    expect(r.goingQuiet).toEqual([]);
    expect(r.network.nodes.map((n) => n.exchanges)).toEqual([5, 2, 1, 1, 1]);
    expect(r.network.edges).toEqual([{ a: 'ann@acme.example', b: 'bob@acme.example', weight: 3 }]);
  });

  it('comparison (7 days against the 7 before)', () => {
    const { comparison } = reports['7']!;
    expect(comparison?.previous).toMatchObject({
      from: '2025-03-07T00:00:00.000Z',
      to: '2025-03-14T00:00:00.000Z',
    });
    const changes = Object.fromEntries(
      Object.entries(comparison!.figures).map(([key, value]) => [
        key,
        [value.now, value.before, value.change],
      ]),
    );
    expect(changes).toEqual({
      sent: [1, 2, -0.5],
      received: [2, 3, -1 / 3],
      uniqueCorrespondents: [3, 3, 0],
      myMedianMs: [null, 62_100_000, null],
      theirMedianMs: [655_200_000, 1_800_000, 363],
      afterHoursShare: [1, 0.5, 1],
      awaitingOnMe: [2, 0, null],
    });
  });
});

describe('docs/metrics.md: anchored ranges', () => {
  it('anchors "7 days" asked on 1 June on m9, as of the midnight after it', () => {
    const r = reports.anchored!;
    expect(r.range).toMatchObject({
      from: '2025-03-13T00:00:00.000Z',
      to: '2025-03-20T00:00:00.000Z',
      anchor: 'newest',
    });
    expect([r.asOf, r.coverage.messages]).toEqual(['2025-06-01T12:00:00.000Z', 3]);
    expect(r.awaiting.onMeList.map((t) => [t.subject, t.ageMs])).toEqual([['Contract', 39 * HOUR]]);
  });
});

describe('docs/metrics.md: anchors for "How is this computed?"', () => {
  it.each(Object.keys(DEFINITIONS))('#%s', (key) => {
    expect(page).toContain(`<a id="${key}"></a>`);
  });
});

describe('the README and docs/ stand on their own', () => {
  const pages = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => join('docs', name)),
  ];

  it.each(pages)('%s points at nothing outside the repository', (name) => {
    const text = readFileSync(join(ROOT, name), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|shared\/spec/);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(?:[a-z]+:|#)/.test(target!)) continue;
      const path = resolve(ROOT, dirname(name), target!.split('#')[0]!);
      expect(relative(ROOT, path).startsWith('..'), `${name} links ${target}`).toBe(false);
      expect(() => readFileSync(path), `${name} links ${target}, which does not exist`).not.toThrow();
    }
  });

  it('the README links docs/metrics.md', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/metrics.md)');
  });
});
