/**
 * Every figure of every report view in its four states, drawn by the real dashboard over a fake
 * transport: a report with mail (the engine's own numbers on screen), an empty one (each figure
 * says why it is empty), the first report still loading, a stale report being refreshed, and a
 * failed report (with and without one already on screen).
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDuration } from '../../renderer/src/lib/format.ts';
import type { ReportEnvelope } from '../../shared/analytics-types.ts';
import { BriefError } from '../../shared/errors.ts';
import type { Report } from '../../shared/report-types.ts';
import { FIGURES_BY_VIEW, openDashboard, REPORT_VIEWS } from './dashboard.tsx';
import { deferred, type FakeApi } from './fake-api.ts';
import { busyReport, emptyReport, envelopeOf } from './reports.ts';

type Check = (card: HTMLElement, report: Report) => void;
const contains =
  (text: (report: Report) => string): Check =>
  (card, report) =>
    expect(card.textContent).toContain(text(report));
/** A headline tile's text: label, value and (when compared) change. */
const tile = (card: HTMLElement, label: string) =>
  [...card.querySelectorAll('.stat')].find(
    (stat) => stat.querySelector('.stat__label')?.textContent === label,
  )!.textContent;

/** What each figure shows of a report with mail, and what it says when its part of the report is empty. */
const FIGURES: Record<string, { full: Check; empty: string }> = {
  'Headline figures': {
    full: (card, r) => {
      const change = formatChange(r.comparison!.figures.sent.change);
      expect(tile(card, 'Sent')).toContain(`Sent${formatCount(r.coverage.sent)}${change}`);
      expect(tile(card, 'My median reply')).toContain(formatDuration(r.responseTime.mine.medianMs));
    },
    empty: 'My median reply—',
  },
  'Thread figures': {
    full: (card, r) => expect(tile(card, 'Threads')).toContain(`Threads${formatCount(r.threads.count)}`),
    empty: 'Median length—',
  },
  Volume: {
    full: contains(
      (r) => `${formatCount(r.volume.sent)} sent and ${formatCount(r.volume.received)} received`,
    ),
    empty: 'No dated messages in this range.',
  },
  'Busiest times': {
    full: (card, r) => {
      const busy = r.busiestTimes.received.flat().filter((count) => count > 0).length;
      expect(within(card).getAllByRole('button', { name: /, [1-9][\d,]* messages?$/ })).toHaveLength(busy);
    },
    empty: 'Hours are local to UTC',
  },
  'Response time in working hours': {
    full: (card, r) => {
      const me = within(card).getByRole('row', { name: /^Me/ });
      expect(me.textContent).toContain(formatDuration(r.workingHours.mine.medianMs));
    },
    empty: 'Working hours: Mon, Tue, Wed, Thu, Fri, 09:00–18:00',
  },
  'My response time': {
    full: contains((r) => `Median${formatDuration(r.responseTime.mine.medianMs)}`),
    empty: 'No reply pairs in this range.',
  },
  'Their response time': {
    full: contains((r) => `Median${formatDuration(r.responseTime.theirs.medianMs)}`),
    empty: 'No reply pairs in this range.',
  },
  'Awaiting reply': {
    full: contains((r) => `Waiting on me ${r.awaiting.onMe}`),
    empty: 'Nothing from a contact has waited more than a day for your reply.',
  },
  'Top senders': {
    full: contains((r) => {
      const named = r.topSenders.find((sender) => sender.name !== null)!;
      return `${named.name} ${named.address}`;
    }),
    empty: 'No received mail from contacts in this range.',
  },
  'Top recipients': {
    full: contains((r) => r.topRecipients[0]!.address),
    empty: 'No sent mail in this range.',
  },
  'Top domains': { full: contains((r) => r.topDomains.senders[0]!.domain), empty: 'None in this range.' },
  Network: {
    full: (card, r) => {
      for (const node of r.network.nodes) {
        expect(within(card).getByRole('button', { name: `${node.address}, ${node.exchanges} exchanges` }));
      }
    },
    empty: 'Too few contacts in this range to draw a network.',
  },
  Relationships: {
    full: contains((r) => r.relationships[0]!.address),
    empty: 'No exchanges with contacts in this range.',
  },
  'Going quiet': { full: contains(() => 'No one has gone quiet.'), empty: 'No one has gone quiet.' },
  'Their response time by contact': {
    full: contains((r) => r.responseTime.theirs.byContact[0]!.address),
    empty: 'No contact answered one of your messages in this range.',
  },
  'Longest threads': {
    full: contains((r) => r.threads.longest[0]!.subject!),
    empty: 'No threads in this range.',
  },
  'Newsletters and bulk senders': {
    full: contains((r) => `${r.newsletters[0]!.address} rarely read`),
    empty: 'No automated mail in this range.',
  },
  'Labels and categories': {
    full: contains((r) => r.labels[0]!.label),
    empty: 'No labelled messages in this range.',
  },
  'Size by sender': {
    full: contains((r) => r.bytesBySender[0]!.address),
    empty: 'No messages in this range.',
  },
};

/**
 * Lets every answer the fake gave reach the page, then the test reads it at once: the fake answers
 * through promises only, so one task later they have all settled, and act draws what they changed.
 * Repeated while a round of answers led to more calls (the report is asked for once the account
 * and its settings are in). No deadline: a loaded machine is slower, not different.
 */
async function settle(fake: FakeApi): Promise<void> {
  for (let calls = -1; calls !== fake.calls.length; ) {
    calls = fake.calls.length;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

const drawn = (title: string) => screen.getByRole('region', { name: title });
const coverage = () => drawn('Coverage').textContent;

describe.each(REPORT_VIEWS)('the %s view', (view) => {
  const titles = FIGURES_BY_VIEW[view];

  it('draws every figure from a report with mail', async () => {
    const report = busyReport();
    await settle(openDashboard(view, envelopeOf(report)));
    for (const title of titles) FIGURES[title]!.full(drawn(title), report);
  });

  it('says why each figure is empty for a report without mail', async () => {
    await settle(openDashboard(view, envelopeOf(emptyReport())));
    for (const title of titles) expect(drawn(title).textContent, title).toContain(FIGURES[title]!.empty);
  });

  it('says the figures are being computed while the first report loads, then draws them', async () => {
    const answer = deferred<ReportEnvelope>();
    const fake = openDashboard(view, () => answer.promise);
    await settle(fake);
    expect(screen.getByText('Computing figures…')).toBeTruthy();
    for (const title of titles) expect(screen.queryByRole('region', { name: title }), title).toBeNull();
    answer.resolve(envelopeOf(busyReport()));
    await settle(fake);
    for (const title of titles) expect(drawn(title), title).toBeTruthy();
    expect(screen.queryByText('Computing figures…')).toBeNull();
  });

  it('draws a stale report marked as refreshing, and the fresh one when the engine announces it', async () => {
    const stale = envelopeOf(emptyReport(), { stale: true });
    const fake = openDashboard(view, stale);
    await settle(fake);
    for (const title of titles) expect(drawn(title), title).toBeTruthy();
    expect(coverage()).toContain('refreshing…');
    fake.handle({ 'analytics.report': () => envelopeOf(busyReport()) });
    act(() => fake.emit('analytics-updated', { key: stale.cacheKey, account: 1 }));
    await settle(fake);
    expect(coverage()).toContain('11 messages');
    expect(coverage()).not.toContain('refreshing…');
    for (const title of titles) expect(drawn(title), title).toBeTruthy();
  });

  it('shows a failed first report with its sentence and a way to try again', async () => {
    const fake = openDashboard(view, () => {
      throw new BriefError('CORRUPT_STORE', 'The local store is damaged; 360Brief is rebuilding it.');
    });
    await settle(fake);
    expect(screen.getByRole('alert').textContent).toContain('The local store is damaged');
    for (const title of titles) expect(screen.queryByRole('region', { name: title }), title).toBeNull();
    fake.handle({ 'analytics.report': () => envelopeOf(busyReport()) });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await settle(fake);
    for (const title of titles) expect(drawn(title), title).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the figures on screen, with the error above them, when a refresh fails', async () => {
    const fake = openDashboard(view, envelopeOf(busyReport()));
    await settle(fake);
    for (const title of titles) expect(drawn(title), title).toBeTruthy();
    fake.handle({
      'analytics.report': () => {
        throw new BriefError('NETWORK', 'The 360Brief service is not answering.');
      },
    });
    act(() => fake.emit('data-changed', { accountId: 1, dataVersion: 2 }));
    await settle(fake);
    expect(screen.getByRole('alert').textContent).toContain('not answering');
    for (const title of titles) expect(drawn(title), title).toBeTruthy();
  });
});
