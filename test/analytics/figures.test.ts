import { describe, expect, it } from 'vitest';
import { computeReport } from '../../electron/engine/analytics/index.ts';
import { message, received, reportInput, sent } from './builders.ts';

const H = 3_600_000;
const DAY = 24 * H;

describe('working-hours view (figure 8)', () => {
  it('counts only working time between the two messages, keeping pairs with none as 0', () => {
    const report = computeReport(
      reportInput(
        [
          received('2025-03-07T17:00:00Z', 'ann@a.example', { threadKey: 'weekend' }), // Friday
          sent('2025-03-10T10:00:00Z', ['ann@a.example'], { threadKey: 'weekend' }), // Monday: 65 h real, 2 h working
          received('2025-03-08T10:00:00Z', 'bob@b.example', { threadKey: 'saturday' }),
          sent('2025-03-08T12:00:00Z', ['bob@b.example'], { threadKey: 'saturday' }), // 2 h real, 0 working
        ],
        '2025-03-20T00:00:00Z',
      ),
    );
    expect(report.responseTime.mine.count).toBe(2);
    expect(report.workingHours.hours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' });
    expect(report.workingHours.mine).toMatchObject({
      count: 2,
      medianMs: H,
      p90Ms: 2 * H,
      meanMs: H,
      buckets: [1, 1, 0, 0, 0, 0],
    });
  });

  it('uses configured working hours in the report zone', () => {
    const report = computeReport(
      reportInput(
        [
          received('2025-03-08T10:00:00Z', 'bob@b.example', { threadKey: 'x' }),
          sent('2025-03-08T12:00:00Z', ['bob@b.example'], { threadKey: 'x' }),
        ],
        '2025-03-20T00:00:00Z',
        'all',
        {
          workingHours: { days: [6, 7], startMinute: 11 * 60, endMinute: 20 * 60 },
          timeZone: 'Europe/Paris',
        },
      ),
    );
    // Saturday 11:00–13:00 Paris (10:00Z–12:00Z): from 11:00 local = 10:00Z to 12:00Z → 2 h, all inside [11:00, 20:00).
    expect(report.workingHours.mine.medianMs).toBe(2 * H);
    expect(report.afterHours.share).toBe(0);
  });
});

describe('relationships and going quiet (figure 14)', () => {
  const asOf = '2025-06-01T00:00:00Z';
  const A = Date.parse(asOf);
  const at = (daysBefore: number) => new Date(A - daysBefore * DAY).toISOString();
  const many = (sender: string, count: number, from: number) =>
    Array.from({ length: count }, (_, i) => received(at(from + i), sender, { threadKey: `${sender}${i}` }));

  it('lists contacts with ≥ 10 exchanges 120–30 days back and none since', () => {
    const report = computeReport(
      reportInput(
        [
          ...many('quiet@a.example', 10, 40),
          ...many('busy@a.example', 12, 40),
          received(at(5), 'busy@a.example'),
          ...many('few@a.example', 9, 40),
          ...many('old@a.example', 10, 121), // before the window
        ],
        asOf,
      ),
    );
    expect(report.goingQuiet).toEqual([{ address: 'quiet@a.example', exchanges: 10, last: at(40) }]);
  });

  it('counts sent to, received from, balance, last contact and medians per contact', () => {
    const report = computeReport(
      reportInput(
        [
          received('2025-05-01T09:00:00Z', 'ann@a.example', { threadKey: 'r' }),
          sent('2025-05-01T10:00:00Z', ['ann@a.example', 'bob@b.example'], {
            threadKey: 'r',
            cc: ['me@example.com'],
          }),
          received('2025-05-01T13:00:00Z', 'ann@a.example', { threadKey: 'r' }),
          sent('2025-05-02T10:00:00Z', ['bob@b.example'], { threadKey: 's' }),
        ],
        asOf,
      ),
    );
    expect(report.relationships).toEqual([
      {
        address: 'ann@a.example',
        sentTo: 1,
        receivedFrom: 2,
        exchanges: 3,
        balance: -1,
        last: '2025-05-01T13:00:00.000Z',
        myMedianMs: H,
        theirMedianMs: 3 * H,
      },
      {
        address: 'bob@b.example',
        sentTo: 2,
        receivedFrom: 0,
        exchanges: 2,
        balance: 2,
        last: '2025-05-02T10:00:00.000Z',
        myMedianMs: null,
        theirMedianMs: null,
      },
    ]);
  });
});

describe('network (figure 15)', () => {
  it('links top contacts that appear together as sender, To or Cc (not Bcc), weighted by messages', () => {
    const report = computeReport(
      reportInput(
        [
          sent('2025-05-01T10:00:00Z', ['ann@a.example', 'bob@b.example'], { cc: ['cat@c.example'] }),
          received('2025-05-02T10:00:00Z', 'ann@a.example', { to: ['me@example.com', 'bob@b.example'] }),
          sent('2025-05-03T10:00:00Z', ['ann@a.example'], { bcc: ['cat@c.example'] }),
        ],
        '2025-06-01T00:00:00Z',
      ),
    );
    expect(report.network.nodes).toEqual([
      { address: 'ann@a.example', exchanges: 3 },
      { address: 'cat@c.example', exchanges: 2 },
      { address: 'bob@b.example', exchanges: 1 },
    ]);
    expect(report.network.edges).toEqual([
      { a: 'ann@a.example', b: 'bob@b.example', weight: 2 },
      { a: 'ann@a.example', b: 'cat@c.example', weight: 1 },
      { a: 'bob@b.example', b: 'cat@c.example', weight: 1 },
    ]);
  });
});

describe('comparison (figure 16)', () => {
  it('compares with the previous 7 local days; change is null when before is 0', () => {
    const report = computeReport(
      reportInput(
        [
          sent('2025-05-20T10:00:00Z', ['ann@a.example']), // previous range [05-19, 05-26)
          sent('2025-05-27T10:00:00Z', ['ann@a.example']), // this range [05-26, 06-02)
          sent('2025-05-28T10:00:00Z', ['bob@b.example']),
          received('2025-05-28T11:00:00Z', 'bob@b.example'),
        ],
        '2025-06-01T12:00:00Z',
        '7',
      ),
    );
    expect(report.comparison!.previous).toEqual({
      from: '2025-05-19T00:00:00.000Z',
      to: '2025-05-26T00:00:00.000Z',
      days: '2025-05-19..2025-05-25',
    });
    expect(report.comparison!.figures.sent).toEqual({ now: 2, before: 1, change: 1 });
    expect(report.comparison!.figures.received).toEqual({ now: 1, before: 0, change: null });
    expect(report.comparison!.figures.uniqueCorrespondents).toEqual({ now: 2, before: 1, change: 1 });
    expect(report.comparison!.figures.myMedianMs).toEqual({ now: null, before: null, change: null });
  });

  it('has no comparison for all', () => {
    expect(computeReport(reportInput([], '2025-06-01T12:00:00Z')).comparison).toBeNull();
  });
});

describe('newsletters (figure 12)', () => {
  const news = (day: number, unread: boolean) =>
    received(`2025-05-0${day}T08:00:00Z`, 'news@shop.example', {
      automated: true,
      labels: unread ? ['INBOX', 'UNREAD'] : ['INBOX'],
      unsubscribe: day === 4 ? 'https://shop.example/u' : null,
    });

  it('reports share read where the account has UNREAD labels, and flags rarely read senders', () => {
    const report = computeReport(
      reportInput([news(1, true), news(2, true), news(3, true), news(4, false)], '2025-06-01T00:00:00Z'),
    );
    expect(report.newsletters).toEqual([
      {
        address: 'news@shop.example',
        count: 4,
        readShare: 0.25,
        last: '2025-05-04T08:00:00.000Z',
        unsubscribe: 'https://shop.example/u',
        rarelyRead: false,
      },
    ]);
    const rarely = computeReport(
      reportInput([news(1, true), news(2, true), news(3, true)], '2025-06-01T00:00:00Z'),
    );
    expect(rarely.newsletters[0]).toMatchObject({ readShare: 0, rarelyRead: true });
  });

  it('leaves share read empty when the account has no UNREAD labels', () => {
    const report = computeReport(
      reportInput([news(1, false), news(2, false), news(3, false)], '2025-06-01T00:00:00Z'),
    );
    expect(report.newsletters[0]).toMatchObject({ readShare: null, rarelyRead: false });
  });
});

describe('labels and bytes (figure 13)', () => {
  it('counts counted messages per label and sums sizes per sender', () => {
    const report = computeReport(
      reportInput(
        [
          received('2025-05-01T08:00:00Z', 'ann@a.example', { labels: ['INBOX', 'Work'], size: 1000 }),
          received('2025-05-02T08:00:00Z', 'ann@a.example', { labels: ['INBOX'], size: 500 }),
          sent('2025-05-03T08:00:00Z', ['ann@a.example'], { labels: ['SENT', 'Work'], size: 200 }),
          message('2025-05-03T09:00:00Z', { labels: ['DRAFT'], counted: false, size: 9999 }),
        ],
        '2025-06-01T00:00:00Z',
      ),
    );
    expect(report.labels).toEqual([
      { label: 'INBOX', count: 2 },
      { label: 'Work', count: 2 },
      { label: 'SENT', count: 1 },
    ]);
    expect(report.bytesBySender).toEqual([
      { address: 'ann@a.example', bytes: 1500, messages: 2 },
      { address: 'me@example.com', bytes: 200, messages: 1 },
    ]);
  });
});

describe('undated messages and volume series', () => {
  it('counts undated messages only in the all range totals and gives week and month series', () => {
    const messages = [
      received('2025-04-30T08:00:00Z', 'ann@a.example'),
      sent('2025-05-05T08:00:00Z', ['ann@a.example']),
      message(null, { automated: true }),
      message('1985-01-01T00:00:00Z'),
    ];
    const all = computeReport(reportInput(messages, '2025-06-01T00:00:00Z'));
    expect(all.coverage).toMatchObject({ messages: 4, sent: 1, received: 3, undated: 2, automated: 1 });
    expect(all.volume).toMatchObject({ sent: 1, received: 3, automated: 1, automatedShare: 0.25 });
    expect(all.volume.byWeek).toEqual([
      { week: '2025-04-28', sent: 0, received: 1 },
      { week: '2025-05-05', sent: 1, received: 0 },
    ]);
    expect(all.volume.byMonth).toEqual([
      { month: '2025-04', sent: 0, received: 1 },
      { month: '2025-05', sent: 1, received: 0 },
    ]);
    const custom = computeReport(reportInput(messages, '2025-06-01T00:00:00Z', '2025-04-01..2025-05-31'));
    expect(custom.range).toEqual({
      preset: 'custom',
      from: '2025-04-01T00:00:00.000Z',
      to: '2025-06-01T00:00:00.000Z',
      days: '2025-04-01..2025-05-31',
      anchor: 'now',
    });
    expect(custom.coverage).toMatchObject({ messages: 2, undated: 0, automated: 0 });
  });
});
