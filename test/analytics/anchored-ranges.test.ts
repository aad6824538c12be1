import { describe, expect, it } from 'vitest';
import { computeReport, drilldown } from '../../electron/engine/analytics/index.ts';
import { message, received, reportInput, sent } from './builders.ts';

/**
 * Anchored ranges (docs/metrics.md "Anchored ranges"): an archive that ended on 28 Jan 2002,
 * reported as of 29 Nov 2026.
 */
const AS_OF = '2026-11-29T12:00:00Z';

function archive() {
  return [
    received('2001-12-20T09:00:00Z', 'ann@a.example', { threadKey: 'old' }),
    sent('2001-12-20T10:00:00Z', ['ann@a.example'], { threadKey: 'old' }),
    // Waits on me: received 3 days before the end of the newest day, never answered.
    received('2002-01-25T16:00:00Z', 'bob@b.example', { threadKey: 'waiting' }),
    sent('2002-01-28T15:00:00Z', ['cy@c.example'], { threadKey: 'newest' }),
  ];
}

describe('anchored ranges', () => {
  it('counts a preset back from the newest message day with anchor newest; the as-of time stays', () => {
    const report = computeReport(reportInput(archive(), AS_OF, '30', { anchor: 'newest' }));
    expect(report.asOf).toBe('2026-11-29T12:00:00.000Z');
    expect(report.range).toEqual({
      preset: '30',
      from: '2001-12-30T00:00:00.000Z',
      to: '2002-01-29T00:00:00.000Z',
      anchor: 'newest',
    });
    expect([report.coverage.messages, report.volume.sent, report.volume.received]).toEqual([2, 1, 1]);
    expect(report.coverage.allTime).toEqual({
      first: '2001-12-20T09:00:00.000Z',
      last: '2002-01-28T15:00:00.000Z',
    });
    // Awaiting reply is as of the range end (docs/metrics.md "Awaiting reply"): 2002-01-29T00:00Z.
    expect(report.awaiting.onMeList.map((entry) => [entry.thread, entry.ageMs])).toEqual([
      ['waiting', (3 * 24 + 8) * 3_600_000],
    ]);
    expect(report.comparison?.previous).toEqual({
      from: '2001-11-30T00:00:00.000Z',
      to: '2001-12-30T00:00:00.000Z',
      days: '2001-11-30..2001-12-29',
    });
    expect(report.comparison?.figures.sent).toEqual({ now: 1, before: 1, change: 0 });
  });

  it('leaves the calendar range with anchor now, and auto anchors only when the range would start after the mail', () => {
    const calendar = computeReport(reportInput(archive(), AS_OF, '30'));
    expect([calendar.range.from, calendar.range.anchor, calendar.coverage.messages]).toEqual([
      '2026-10-31T00:00:00.000Z',
      'now',
      0,
    ]);
    expect(calendar.awaiting.onMe).toBe(0);
    const auto = computeReport(reportInput(archive(), AS_OF, '30', { anchor: 'auto' }));
    expect(auto.range).toEqual(
      computeReport(reportInput(archive(), AS_OF, '30', { anchor: 'newest' })).range,
    );
    // Mail on 2026-11-01 lies in the calendar 30 days: auto keeps them.
    const recent = [...archive(), received('2026-11-01T08:00:00Z', 'ann@a.example')];
    const kept = computeReport(reportInput(recent, AS_OF, '30', { anchor: 'auto' }));
    expect([kept.range.from, kept.range.anchor]).toEqual(['2026-10-31T00:00:00.000Z', 'now']);
  });

  it('ends an anchored all with the newest message day, and auto never anchors all', () => {
    const anchored = computeReport(reportInput(archive(), AS_OF, 'all', { anchor: 'newest' }));
    expect(anchored.range).toEqual({
      preset: 'all',
      from: null,
      to: '2002-01-29T00:00:00.000Z',
      anchor: 'newest',
    });
    expect(anchored.awaiting.onMe).toBe(1);
    const auto = computeReport(reportInput(archive(), AS_OF, 'all', { anchor: 'auto' }));
    expect(auto.range).toEqual({ preset: 'all', from: null, to: '2026-11-29T12:00:00.000Z', anchor: 'now' });
  });

  it('keeps custom ranges as fixed days whatever the anchor', () => {
    const report = computeReport(
      reportInput(archive(), AS_OF, '2002-01-01..2002-01-31', { anchor: 'newest' }),
    );
    expect([report.range.from, report.range.anchor]).toEqual(['2002-01-01T00:00:00.000Z', 'now']);
  });

  it('anchors on the local day of the newest message in the report zone', () => {
    const late = [...archive(), received('2002-01-28T23:30:00Z', 'ann@a.example')];
    const report = computeReport(
      reportInput(late, AS_OF, 'today', { anchor: 'newest', timeZone: 'Europe/Berlin' }),
    );
    // 23:30Z is 00:30 on 29 Jan in Berlin.
    expect([report.range.from, report.range.to]).toEqual([
      '2002-01-28T23:00:00.000Z',
      '2002-01-29T23:00:00.000Z',
    ]);
  });

  it('judges validity by the as-of time alone: a time more than a day after it is undated, never the anchor', () => {
    const future = [
      ...archive(),
      message('2027-03-01T00:00:00Z'),
      received('2026-11-30T06:00:00Z', 'ann@a.example'),
    ];
    const report = computeReport(reportInput(future, AS_OF, '7', { anchor: 'newest' }));
    // 2026-11-30T06:00Z is within a day after the as-of time: valid, and the newest message.
    expect(report.coverage.allTime.last).toBe('2026-11-30T06:00:00.000Z');
    expect(report.range.to).toBe('2026-12-01T00:00:00.000Z');
    const all = computeReport(reportInput(future, AS_OF, 'all'));
    expect(all.coverage.undated).toBe(1);
  });

  it('finds nothing to anchor on in an empty mailbox and counts from now', () => {
    const report = computeReport(reportInput([], AS_OF, '30', { anchor: 'newest' }));
    expect([report.range.anchor, report.range.from, report.coverage.allTime]).toEqual([
      'now',
      '2026-10-31T00:00:00.000Z',
      { first: null, last: null },
    ]);
  });

  it('opens the same messages in a drill-down as the anchored report counts', () => {
    const input = reportInput(archive(), AS_OF, '30', { anchor: 'newest' });
    const page = drilldown(input, { figure: 'awaiting', key: 'onMe' });
    expect(page.messages.map((m) => m.time)).toEqual(['2002-01-25T16:00:00.000Z']);
  });
});
