/**
 * docs/metrics.md "The Brief" stays true: its example mailbox (read out of the page) gives the
 * values each Brief section's worked example states, and every Brief section the dashboard links
 * to has its anchor.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBrief } from '../../electron/engine/analytics/brief/compute-brief.ts';
import { withMarks } from '../../electron/engine/analytics/brief/new-since.ts';
import { verdictOf } from '../../electron/engine/analytics/brief/reply-time.ts';
import type { AnalyticsMessage } from '../../electron/engine/analytics/index.ts';
import { briefSentences } from '../../shared/brief-text.ts';
import { BRIEF_DEFINITION_KEYS, type Brief } from '../../shared/brief-types.ts';
import { inputFromParams } from '../analytics/mailbox.ts';
import { ROOT } from '../paths.ts';

const page = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');
/** The page's text with its line breaks folded, as quoted sentences read. */
const flat = page.replace(/\s+/g, ' ');
const HOUR = 3_600_000;
let folder = '';

async function briefOf(
  asOf: string,
  change: (messages: AnalyticsMessage[]) => void = () => {},
): Promise<Brief> {
  const params = {
    account: 'me@example.com',
    aliases: [],
    timeZone: 'UTC',
    asOf,
    preset: '30',
    paths: [folder],
  };
  const { range: _range, ...input } = await inputFromParams(params, folder);
  change(input.messages);
  return computeBrief(input);
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'brief-doc-'));
  for (const match of page.matchAll(/^```mbox (\S+)\n([\s\S]*?)^```$/gm))
    writeFileSync(join(folder, match[1]!), match[2]!);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('docs/metrics.md: the Brief of the example mailbox, as of 2025-03-20 12:00 UTC', () => {
  it('is taken as of T; asked on 1 June, as of the midnight after m9', async () => {
    const brief = await briefOf('2025-03-20T12:00:00Z');
    expect([brief.at, brief.anchor]).toEqual(['2025-03-20T12:00:00.000Z', 'now']);
    expect([brief.replyTime.thisWeek.from, brief.replyTime.previousFourWeeks.from]).toEqual([
      '2025-03-14T00:00:00.000Z',
      '2025-02-14T00:00:00.000Z',
    ]);
    expect((await briefOf('2025-06-01T12:00:00Z')).at).toBe('2025-03-20T00:00:00.000Z');
  });

  it('waiting on you and on them, and what is new', async () => {
    const brief = await briefOf('2025-03-20T12:00:00Z');
    expect(brief.waitingOnYou.threads.map((t) => [t.subject, t.correspondent, t.ageMs, t.gmailLink])).toEqual(
      [
        ['Contract', 'dave@acme.example', 183_600_000, null],
        ['Budget', 'ann@acme.example', 93_600_000, null],
      ],
    );
    expect(brief.waitingOnThem.threads.map((t) => [t.subject, t.correspondent, t.ageMs])).toEqual([
      ['Lunch?', 'carol@food.example', 432_000_000],
    ]);
    expect(withMarks(brief, new Map()).waitingOnYou.newSinceLastBrief).toBe(2);
    // The brief delivered at 09:00 listed Contract only.
    const morning = await briefOf('2025-03-20T09:00:00Z');
    expect(morning.waitingOnYou.threads.map((t) => t.subject)).toEqual(['Contract']);
    const since = new Map([
      [
        1,
        {
          seenAt: '2025-03-20T09:00:00.000Z',
          threads: new Set(morning.waitingOnYou.threads.map((t) => t.thread)),
        },
      ],
    ]);
    const marked = withMarks(brief, since);
    expect(marked.waitingOnYou.threads.filter((t) => t.isNew).map((t) => t.subject)).toEqual(['Budget']);
  });

  it('going quiet, reply time, newsletters and coverage, in the words the page quotes', async () => {
    const brief = await briefOf('2025-03-20T12:00:00Z');
    expect(brief.goingQuiet).toEqual([]);
    expect(brief.replyTime).toMatchObject({
      thisWeek: { count: 0, medianMs: null },
      previousFourWeeks: { count: 2, medianMs: 62_100_000 },
      verdict: 'no-replies',
    });
    const words = briefSentences(brief);
    expect(flat).toContain(words.replyTime);
    expect(words.replyTime).toBe(
      'No replies from you this week; your median over the previous four weeks was 17 h 15 min (2 replies).',
    );
    expect(brief.newsletters.readStateKnown).toBe(false);
    expect(words.coverage).toBe('Imported mail: 9 messages from 10 Mar 2025 to 19 Mar 2025.');
    expect(flat).toContain(`"${words.coverage}"`);
    const before = { from: '', to: '', count: 2, medianMs: 62_100_000 };
    expect(verdictOf({ from: '', to: '', count: 1, medianMs: 3 * HOUR }, before).verdict).toBe('faster');
  });

  it('had you answered m7 at 12:00 on the 18th: faster than usual', async () => {
    const brief = await briefOf('2025-03-20T12:00:00Z', (messages) => {
      const m7 = messages.find((m) => m.messageId === 'c1@acme.example')!;
      messages.push({
        ...m7,
        rowId: 100,
        providerId: 'reply',
        messageId: 'm8@example.com',
        inReplyTo: ['c1@acme.example'],
        time: Date.parse('2025-03-18T12:00:00Z'),
        from: 'me@example.com',
        sender: 'me@example.com',
        to: ['dave@acme.example'],
        labels: ['SENT'],
        direction: 'sent',
      });
    });
    expect(brief.replyTime.thisWeek).toMatchObject({ count: 1, medianMs: 10_800_000 });
    expect(brief.replyTime.ratio).toBeCloseTo(0.17, 2);
    expect(brief.replyTime.verdict).toBe('faster');
  });

  it('has an anchor for every Brief section', () => {
    for (const key of BRIEF_DEFINITION_KEYS) expect(page).toContain(`<a id="${key}"></a>`);
  });
});
