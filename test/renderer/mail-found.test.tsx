/**
 * The mail is found: an archive's range is anchored on its newest message and says so, with a
 * way back to calendar dates; an empty range says where the mail is; the coverage says what each
 * account is and why stored and counted differ.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { computeReport, type ReportAccount } from '../../electron/engine/analytics/index.ts';
import type { RangeAnchor } from '../../shared/domain.ts';
import { message, received, reportInput, sent } from '../analytics/builders.ts';
import { openDashboard } from './dashboard.tsx';
import { envelopeOf } from './reports.ts';

const AS_OF = '2026-11-29T12:00:00Z';

/** An archive that ended on 28 Jan 2002, reported with the anchor asked for. */
function archiveReport(anchor: RangeAnchor, range: '30' | '2002-01-01..2002-01-31' = '30') {
  const mail = [
    received('2002-01-25T16:00:00Z', 'bob@b.example', { threadKey: 'waiting' }),
    sent('2002-01-28T15:00:00Z', ['cy@c.example'], { threadKey: 'newest' }),
    received('2001-06-01T09:00:00Z', 'ann@a.example'),
  ];
  return computeReport(reportInput(mail, AS_OF, range, { anchor }));
}

const notice = (text: string | RegExp) => screen.findByText(text);

describe('anchored ranges on the dashboard', () => {
  it('asks for auto, shows the archive’s last 30 days with one line, and goes back to calendar dates', async () => {
    const fake = openDashboard('overview', (args) =>
      envelopeOf(archiveReport((args.range as { anchor?: RangeAnchor }).anchor ?? 'now')),
    );
    await notice(/Showing the last 30 days of this mail, to 28 Jan 2002/);
    expect(fake.argsOf('analytics.report')[0]!.range).toEqual({ preset: '30', anchor: 'auto' });
    expect((await screen.findByRole('region', { name: 'Coverage' })).textContent).toContain('2 messages');

    fireEvent.click(screen.getByRole('button', { name: 'Show calendar dates' }));
    await notice(/No mail in this range\. This mail runs from 1 Jun 2001 to 28 Jan 2002\./);
    expect(fake.argsOf('analytics.report').at(-1)!.range).toEqual({ preset: '30', anchor: 'now' });

    fireEvent.click(screen.getByRole('button', { name: 'Show the last 30 days of this mail' }));
    await notice(/Showing the last 30 days of this mail/);
    expect(fake.argsOf('analytics.report').at(-1)!.range).toEqual({ preset: '30', anchor: 'auto' });
  });

  it('offers all time when a custom range holds none of the mail', async () => {
    const fake = openDashboard('overview', (args) =>
      'preset' in args.range && args.range.preset === 'all'
        ? envelopeOf(computeReport(reportInput([], AS_OF, 'all')))
        : envelopeOf(archiveReport('now', '2002-01-01..2002-01-31')),
    );
    await screen.findByRole('region', { name: 'Coverage' });
    // The custom month holds the archive's January mail: no notice.
    expect(screen.queryByText(/No mail in this range/)).toBeNull();
    fake.handle({
      'analytics.report': () =>
        envelopeOf(
          computeReport(
            reportInput([received('2001-06-01T09:00:00Z', 'a@a.example')], AS_OF, '2002-01-01..2002-01-31'),
          ),
        ),
    });
    act(() => fake.emit('data-changed', { accountId: 1, dataVersion: 2 }));
    await notice(/No mail in this range/);
    fireEvent.click(screen.getByRole('button', { name: 'Show all time' }));
    await expect
      .poll(() => fake.argsOf('analytics.report').at(-1)!.range)
      .toEqual({ preset: 'all', anchor: 'auto' });
  });
});

describe('coverage: what each account is, and what is left out', () => {
  const gmail: ReportAccount = {
    id: 1,
    address: 'me@gmail.com',
    identities: ['me@gmail.com'],
    provider: 'gmail',
    mailboxTotal: 4,
    lastSync: '2026-11-29T11:58:00.000Z',
  };
  const files: ReportAccount = {
    id: 2,
    address: 'old@enron.com',
    identities: ['old@enron.com'],
    provider: 'import',
  };
  const mail = [
    received('2026-11-20T09:00:00Z', 'ann@a.example'),
    sent('2026-11-20T10:00:00Z', ['ann@a.example']),
    message('2026-11-21T10:00:00Z', { labels: ['DRAFT'], counted: false }),
    message('2026-11-22T10:00:00Z', { labels: ['TRASH'], counted: false }),
    received('2001-05-01T10:00:00Z', 'cy@c.example', { accountId: 2 }),
  ];

  it('says a synced account’s share of Gmail and its last sync, an imported one’s files, and the drafts left out', async () => {
    const report = computeReport(reportInput(mail, AS_OF, 'all', { accounts: [gmail, files] }));
    openDashboard('overview', envelopeOf(report));
    const list = await screen.findByRole('list', { name: 'Where the mail comes from' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items[0]).toMatch(/^me@gmail\.com: Gmail, 75 % of 4 in Gmail synced, synced (just now|\d.* ago)$/);
    expect(items[1]).toBe('old@enron.com: imported files');
    expect(items[2]).toBe('5 stored; not counted: 1 draft and 1 in the trash');
  });

  it('names no account and lists nothing left out for one imported account whose mail all counts', async () => {
    const report = computeReport(reportInput(mail.slice(0, 2), AS_OF, 'all', { accounts: [files] }));
    openDashboard('overview', envelopeOf(report));
    const list = await screen.findByRole('list', { name: 'Where the mail comes from' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['imported files']);
  });
});
