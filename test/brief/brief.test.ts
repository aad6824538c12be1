/**
 * The Brief's sections on a hand-built mailbox (test/brief/brief-mailbox.ts), every value worked
 * out by hand from docs/metrics.md "The Brief".
 */
import { describe, expect, it } from 'vitest';
import { computeBrief } from '../../electron/engine/analytics/brief/compute-brief.ts';
import { withMarks } from '../../electron/engine/analytics/brief/new-since.ts';
import { verdictOf } from '../../electron/engine/analytics/brief/reply-time.ts';
import { ME, received, reportInput } from '../analytics/builders.ts';
import { briefMailbox, T } from './brief-mailbox.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function briefAsOf(asOf: string, messages = briefMailbox()) {
  const { range: _range, ...input } = reportInput(messages, asOf);
  return computeBrief(input);
}

describe('the Brief, as of Friday 2026-05-08 12:00 UTC', () => {
  const brief = briefAsOf(T);

  it('is taken as of now: the newest message lies inside the last 30 days', () => {
    expect([brief.account, brief.asOf, brief.at, brief.anchor]).toEqual([
      'me@example.com',
      '2026-05-08T12:00:00.000Z',
      '2026-05-08T12:00:00.000Z',
      'now',
    ]);
  });

  it('waiting on you: Budget (4 days 3 h) then Contract (28 h), each with its Gmail link', () => {
    const { waitingOnYou } = brief;
    expect(waitingOnYou.threads.map((t) => [t.thread, t.subject, t.correspondent, t.ageMs])).toEqual([
      ['t1', 'Budget', 'ann@a.example', 4 * DAY + 3 * HOUR],
      ['t2', 'Contract', 'bob@b.example', 28 * HOUR],
    ]);
    expect([waitingOnYou.count, waitingOnYou.oldestAgeMs]).toEqual([2, 99 * HOUR]);
    for (const thread of waitingOnYou.threads) {
      expect(thread.gmailLink).toMatch(
        /^https:\/\/mail\.google\.com\/mail\/u\/me@example\.com\/#all\/id\d+$/,
      );
      expect(thread.accountId).toBe(1);
    }
    // Before the marks are applied, every thread counts as new and no brief was taken.
    expect([waitingOnYou.newSinceLastBrief, waitingOnYou.lastBriefAt]).toEqual([2, null]);
  });

  it('waiting on them: only Proposal, 7 days (Gus has waited 2 days, under 3)', () => {
    expect(brief.waitingOnThem.threads.map((t) => [t.thread, t.correspondent, t.ageMs])).toEqual([
      ['t7', 'fay@f.example', 7 * DAY],
    ]);
    expect(brief.waitingOnThem.oldestAgeMs).toBe(7 * DAY);
  });

  it('going quiet: Max (10 exchanges in February, none since); Ned wrote in April, Ola only 9 times', () => {
    expect(brief.goingQuiet).toEqual([
      { address: 'max@m.example', exchanges: 10, last: '2026-02-10T09:00:00.000Z' },
    ]);
  });

  it('reply time: a median of 2 h this week (1 h, 3 h) against 8 h before (4 h, 8 h, 24 h): faster than usual', () => {
    expect(brief.replyTime).toEqual({
      thisWeek: {
        from: '2026-05-02T00:00:00.000Z',
        to: '2026-05-09T00:00:00.000Z',
        count: 2,
        medianMs: 2 * HOUR,
      },
      previousFourWeeks: {
        from: '2026-04-04T00:00:00.000Z',
        to: '2026-05-02T00:00:00.000Z',
        count: 3,
        medianMs: 8 * HOUR,
      },
      ratio: 0.25,
      verdict: 'faster',
    });
  });

  it('newsletters never read: the shop (3 unread in the 30 days); the club had one read, the bank sent two', () => {
    expect(brief.newsletters).toEqual({
      from: '2026-04-09T00:00:00.000Z',
      to: '2026-05-08T12:00:00.000Z',
      readStateKnown: true,
      senders: [
        {
          address: 'news@shop.example',
          count: 3,
          last: '2026-05-06T07:00:00.000Z',
          unsubscribe: 'https://shop.example/u',
        },
      ],
    });
  });

  it('coverage: every counted message, the first and the last; no Gmail total before a sync', () => {
    expect(brief.coverage).toMatchObject({
      messages: briefMailbox().length,
      first: '2026-02-01T09:00:00.000Z',
      last: '2026-05-08T08:00:00.000Z',
      mailboxTotal: null,
      shareSynced: null,
      lastSync: null,
    });
    expect(brief.coverage.accounts).toEqual([
      {
        address: 'me@example.com',
        source: 'gmail',
        stored: briefMailbox().length,
        mailboxTotal: null,
        shareSynced: null,
        lastSync: null,
      },
    ]);
  });

  it('carries a one-sentence definition for every section', () => {
    for (const text of Object.values(brief.definitions)) {
      expect(text.split(/(?<=[a-z)])\. /).length).toBe(1);
      expect(text.endsWith('.')).toBe(true);
    }
  });
});

describe('new since the last brief', () => {
  const brief = briefAsOf(T);

  it('counts the threads the last brief of the account did not list, and says when that brief was', () => {
    const marks = new Map([[1, { seenAt: '2026-05-07T08:30:00.000Z', threads: new Set(['t1', 'gone']) }]]);
    const marked = withMarks(brief, marks);
    expect(marked.waitingOnYou.threads.map((t) => [t.thread, t.isNew])).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
    expect([marked.waitingOnYou.newSinceLastBrief, marked.waitingOnYou.lastBriefAt]).toEqual([
      1,
      '2026-05-07T08:30:00.000Z',
    ]);
  });

  it('takes every thread of an account never briefed as new', () => {
    const marked = withMarks(brief, new Map());
    expect(marked.waitingOnYou.threads.every((t) => t.isNew)).toBe(true);
    expect([marked.waitingOnYou.newSinceLastBrief, marked.waitingOnYou.lastBriefAt]).toEqual([2, null]);
  });

  it("compares each thread of an all-accounts Brief with its own account's mark", () => {
    const other = {
      id: 2,
      address: 'me@work.example',
      identities: ['me@work.example'],
      provider: 'import' as const,
    };
    const messages = [
      ...briefMailbox(),
      received('2026-05-06T09:00:00Z', 'pat@p.example', {
        accountId: 2,
        labels: ['INBOX'],
        threadKey: 't1',
        subject: 'Same key',
      }),
    ];
    const { range: _range, ...input } = reportInput(messages, T, 'all', { accounts: [ME, other] });
    const all = computeBrief(input);
    expect(all.account).toBe('all');
    expect(all.waitingOnYou.threads.map((t) => [t.thread, t.gmailLink === null])).toEqual([
      ['1:t1', false],
      ['2:t1', true],
      ['1:t2', false],
    ]);
    // Account 1's last brief listed t1; account 2 was never briefed.
    const marked = withMarks(
      all,
      new Map([[1, { seenAt: '2026-05-07T08:30:00.000Z', threads: new Set(['t1']) }]]),
    );
    expect(marked.waitingOnYou.threads.map((t) => t.isNew)).toEqual([false, true, true]);
    expect(marked.waitingOnYou.newSinceLastBrief).toBe(2);
  });
});

describe('anchored: asked long after the mail ended', () => {
  it("takes the Brief as of the midnight after the newest message's day, the dashboard's auto anchor", () => {
    const brief = briefAsOf('2026-11-29T12:00:00Z');
    expect([brief.asOf, brief.at, brief.anchor]).toEqual([
      '2026-11-29T12:00:00.000Z',
      '2026-05-09T00:00:00.000Z',
      'newest',
    ]);
    // Twelve hours later than at T: Budget 4 days 15 h; Cy's message (now 24 h old) is not over 24 h.
    expect(brief.waitingOnYou.threads.map((t) => [t.thread, t.ageMs])).toEqual([
      ['t1', 4 * DAY + 15 * HOUR],
      ['t2', 40 * HOUR],
    ]);
    expect(brief.replyTime.thisWeek.from).toBe('2026-05-02T00:00:00.000Z');
    expect(brief.replyTime.verdict).toBe('faster');
  });

  it('stays on the calendar when asked with anchor now', () => {
    const { range: _range, ...input } = reportInput(briefMailbox(), '2026-11-29T12:00:00Z');
    const brief = computeBrief({ ...input, anchor: 'now' });
    expect([brief.anchor, brief.waitingOnYou.count, brief.replyTime.verdict]).toEqual([
      'now',
      0,
      'no-replies',
    ]);
  });
});

describe('the reply-time verdict', () => {
  const period = (medianMs: number | null) => ({
    from: '',
    to: '',
    count: medianMs === null ? 0 : 1,
    medianMs,
  });

  it('is faster below 0.8 times the usual median, slower above 1.25 times, and as usual between, both bounds included', () => {
    expect(verdictOf(period(79), period(100))).toEqual({ ratio: 0.79, verdict: 'faster' });
    expect(verdictOf(period(80), period(100))).toEqual({ ratio: 0.8, verdict: 'usual' });
    expect(verdictOf(period(125), period(100))).toEqual({ ratio: 1.25, verdict: 'usual' });
    expect(verdictOf(period(126), period(100))).toEqual({ ratio: 1.26, verdict: 'slower' });
  });

  it('says so when there is nothing to compare', () => {
    expect(verdictOf(period(null), period(100))).toEqual({ ratio: null, verdict: 'no-replies' });
    expect(verdictOf(period(50), period(null))).toEqual({ ratio: null, verdict: 'no-baseline' });
  });
});
