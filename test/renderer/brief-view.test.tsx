/**
 * The Brief view over the fake transport, with Briefs computed by the engine's own computeBrief:
 * first in the tabs, its sections in words with their definitions and links, Gmail links for
 * synced threads and the drill-down for imported ones, delivered when the person leaves it, and
 * saved as one HTML file in a browser.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeBrief } from '../../electron/engine/analytics/brief/compute-brief.ts';
import { digestOf } from '../../electron/engine/analytics/brief/digest.ts';
import { withMarks } from '../../electron/engine/analytics/brief/new-since.ts';
import { useDrilldown } from '../../renderer/src/state/drilldown-store.ts';
import { useMetricsDoc } from '../../renderer/src/state/metrics-doc-store.ts';
import { useView } from '../../renderer/src/state/view-store.ts';
import type { Brief, BriefEnvelope } from '../../shared/brief-types.ts';
import { ME, reportInput } from '../analytics/builders.ts';
import { briefMailbox, T } from '../brief/brief-mailbox.ts';
import { openDashboard } from './dashboard.tsx';
import { busyReport, envelopeOf, SETTINGS } from './reports.ts';

function briefOf(provider: 'gmail' | 'import'): Brief {
  const { range: _range, ...input } = reportInput(briefMailbox(), T, 'all', {
    accounts: [{ ...ME, provider }],
  });
  // As the engine answers it: never briefed, so every thread waiting on you is new.
  return withMarks(computeBrief(input), new Map());
}

const envelope = (brief: Brief): BriefEnvelope => ({
  brief,
  stale: false,
  fromCache: true,
  computedAt: T,
  cacheKey: 'a=all|f=brief-1|r=30@auto|d=2026-05-08|z=UTC|s=x',
});

function openBrief(brief: Brief, more: Parameters<typeof openDashboard>[2] = {}) {
  return openDashboard('brief', envelopeOf(busyReport()), {
    'brief.get': () => envelope(brief),
    'brief.markSeen': () => ({ seenAt: T, accounts: 1, threads: brief.waitingOnYou.count }),
    ...more,
  });
}

afterEach(() => vi.restoreAllMocks());

describe('the Brief view', () => {
  it('is the first tab, and says each section in words', async () => {
    openBrief(briefOf('gmail'));
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Brief',
      'Overview',
      'People',
      'Threads',
      'Newsletters',
      'Labels',
      'Activity',
      'Settings',
    ]);
    const waiting = await screen.findByRole('region', { name: 'Waiting on you' });
    expect(waiting.textContent).toContain(
      '2 threads wait on you (oldest 4 days), all new: this is your first brief.',
    );
    expect(screen.getByRole('region', { name: 'Your reply time this week' }).textContent).toContain(
      'Faster than usual: your median reply this week was 2 h (2 replies), against 8 h (3 replies) over the previous four weeks.',
    );
    expect(screen.getByRole('region', { name: 'Going quiet' }).textContent).toContain('max@m.example');
    const newsletters = screen.getByRole('region', { name: 'Newsletters you never read' });
    expect(within(newsletters).getByRole('link', { name: 'Unsubscribe' }).getAttribute('href')).toBe(
      'https://shop.example/u',
    );
    expect(screen.getByRole('region', { name: 'Coverage' })).toBeTruthy();
    // No range to choose: the Brief brings its own.
    expect(screen.queryByText('30 days')).toBeNull();
  });

  it('links a synced thread to Gmail and marks the new ones', async () => {
    openBrief(briefOf('gmail'));
    const waiting = await screen.findByRole('region', { name: 'Waiting on you' });
    const budget = within(waiting).getByRole('link', { name: 'Budget' });
    expect(budget.getAttribute('href')).toMatch(
      /^https:\/\/mail\.google\.com\/mail\/u\/me@example\.com\/#all\/id\d+$/,
    );
    expect(within(waiting).getAllByText('new')).toHaveLength(2);
  });

  it("opens an imported thread's messages in the drill-down, the whole thread", async () => {
    const fake = openBrief(briefOf('import'), {
      'analytics.drilldown': () => ({ total: 0, page: 0, pageSize: 50, messages: [] }),
    });
    const waiting = await screen.findByRole('region', { name: 'Waiting on you' });
    fireEvent.click(within(waiting).getByTitle('Show the messages of “Budget”'));
    await waitFor(() => expect(fake.argsOf('analytics.drilldown')).toHaveLength(1));
    expect(fake.argsOf('analytics.drilldown')[0]).toMatchObject({
      account: 'all',
      range: { preset: 'all' },
      figure: 'threads',
      key: 't1',
    });
    expect(useDrilldown.getState().target?.title).toBe('Budget');
  });

  it('says how each section is computed, and opens its section of docs/metrics.md', async () => {
    const brief = briefOf('gmail');
    openBrief(brief);
    const waiting = await screen.findByRole('region', { name: 'Waiting on you' });
    expect(waiting.textContent).toContain(`How: ${brief.definitions.briefWaitingOnYou}`);
    expect(waiting.textContent).toContain(brief.definitions.briefNewSince);
    fireEvent.click(within(waiting).getByTitle('docs/metrics.md#briefWaitingOnYou'));
    expect(useMetricsDoc.getState().section).toBe('briefWaitingOnYou');
    fireEvent.click(within(waiting).getByTitle('docs/metrics.md#briefNewSince'));
    expect(useMetricsDoc.getState().section).toBe('briefNewSince');
  });

  it('is delivered when the person leaves it or hides the window, not while it is on screen', async () => {
    const fake = openBrief(briefOf('gmail'));
    await screen.findByRole('region', { name: 'Waiting on you' });
    fake.emit('analytics-updated', {
      key: 'a=all|f=brief-1|r=30@auto|d=2026-05-08|z=UTC|s=x',
      account: 'all',
    });
    await waitFor(() => expect(fake.argsOf('brief.get')).toHaveLength(2));
    expect(fake.argsOf('brief.markSeen')).toEqual([]);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await waitFor(() => expect(fake.argsOf('brief.markSeen')).toHaveLength(1));
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    await waitFor(() => expect(fake.argsOf('brief.markSeen')).toHaveLength(2));
    expect(fake.argsOf('brief.markSeen')[1]).toEqual({ account: 'all', timeZone: 'UTC' });
  });

  it('opens when the desktop shell says so (the morning brief was clicked)', async () => {
    const fake = openBrief(briefOf('gmail'));
    useView.setState({ view: 'overview' });
    await screen.findByRole('region', { name: 'Volume' });
    fake.emit('open-view', { view: 'brief' });
    expect(await screen.findByRole('region', { name: 'Waiting on you' })).toBeTruthy();
  });

  it('saves the same HTML file as brief digest: in a browser, a download', async () => {
    const brief = briefOf('gmail');
    const fake = openBrief(brief, { 'brief.digest': ({ format }) => digestOf(brief, format) });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:brief';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect([this.download, this.href]).toEqual(['360brief-me@example.com-2026-05-08.html', 'blob:brief']);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save as HTML' }));
    expect(await screen.findByText('Saved 360brief-me@example.com-2026-05-08.html')).toBeTruthy();
    expect(fake.argsOf('brief.digest')).toEqual([{ account: 'all', timeZone: 'UTC', format: 'html' }]);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(await created[0]!.text()).toBe(digestOf(brief, 'html').content);
    expect(fake.argsOf('brief.markSeen')).toEqual([]);
  });
});

describe('a window opened for the morning brief', () => {
  it('opens on the Brief when its address says #brief', async () => {
    window.location.hash = '#brief';
    try {
      openDashboard('overview', envelopeOf(busyReport()), {
        'brief.get': () => envelope(briefOf('gmail')),
        'brief.markSeen': () => ({ seenAt: T, accounts: 1, threads: 2 }),
      });
      expect(await screen.findByRole('region', { name: 'Waiting on you' })).toBeTruthy();
    } finally {
      window.location.hash = '';
    }
  });
});

describe('the morning brief setting', () => {
  it("saves the time and the days as the app setting (the tray is the desktop app's)", async () => {
    const saved: unknown[] = [];
    const handlers = {
      'settings.update': (patch: Partial<typeof SETTINGS>) => {
        saved.push(patch);
        return { ...SETTINGS, ...patch };
      },
    };
    openDashboard('settings', envelopeOf(busyReport()), handlers, { desktop: true, upload: null });
    const fieldset = await screen.findByRole('group', { name: /Morning brief \(a notification/ });
    fireEvent.change(within(fieldset).getByLabelText('At'), { target: { value: '07:45' } });
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ morningBrief: { enabled: true, minute: 465, days: [1, 2, 3, 4, 5] } });
    fireEvent.click(within(fieldset).getByLabelText('Sat'));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ morningBrief: { enabled: true, minute: 465, days: [1, 2, 3, 4, 5, 6] } });
  });
});
