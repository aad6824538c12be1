import { describe, expect, it } from 'vitest';
import { computeReport, type ReportAccount } from '../../electron/engine/analytics/index.ts';
import { ME, message, received, reportInput, sent } from './builders.ts';

/** Coverage's stored side (figure 17, docs/metrics.md "Coverage"): stored, left out, per account. */
const AS_OF = '2026-11-29T12:00:00Z';
const SYNCED: ReportAccount = { ...ME, mailboxTotal: 6, lastSync: '2026-11-29T11:00:00.000Z' };
const OTHER: ReportAccount = {
  id: 2,
  address: 'Me@Work.example',
  identities: ['me@work.example'],
  provider: 'gmail',
  mailboxTotal: 4,
  lastSync: '2026-11-28T08:00:00.000Z',
};
const FILES: ReportAccount = {
  id: 3,
  address: 'me@old.example',
  identities: ['me@old.example'],
  provider: 'import',
};

function mailbox() {
  return [
    received('2026-11-20T09:00:00Z', 'ann@a.example'),
    sent('2026-11-20T10:00:00Z', ['ann@a.example']),
    message('2026-11-21T10:00:00Z', { labels: ['DRAFT'], counted: false }),
    message('2026-11-21T11:00:00Z', { labels: ['DRAFT', 'TRASH'], counted: false }),
    message('2026-11-22T10:00:00Z', { labels: ['SPAM'], counted: false }),
    message('2026-11-23T10:00:00Z', { labels: ['TRASH'], counted: false }),
    received('2026-11-24T10:00:00Z', 'bob@b.example', { accountId: 2 }),
    message('2026-11-24T11:00:00Z', { accountId: 2, labels: ['TRASH'], counted: false }),
    received('2001-05-01T10:00:00Z', 'cy@c.example', { accountId: 3 }),
  ];
}

describe('coverage: what is stored, what is left out, and each account', () => {
  it('says why stored and counted differ: drafts first, then spam, then trash', () => {
    const report = computeReport(reportInput(mailbox().slice(0, 6), AS_OF, 'all', { accounts: [SYNCED] }));
    expect(report.coverage).toMatchObject({
      messages: 2,
      stored: 6,
      leftOut: { drafts: 2, spam: 1, trash: 1 },
      // Gmail's total counts drafts but not spam or trash: 2 counted + 1 draft of 6.
      mailboxTotal: 6,
      shareSynced: 0.5,
      lastSync: '2026-11-29T11:00:00.000Z',
    });
    expect(report.coverage.messages + report.coverage.leftOut.drafts + 2).toBe(report.coverage.stored);
  });

  it('describes every account under all, and sums the synced ones', () => {
    const report = computeReport(reportInput(mailbox(), AS_OF, 'all', { accounts: [SYNCED, OTHER, FILES] }));
    expect(report.account).toBe('all');
    expect(report.coverage.accounts).toEqual([
      {
        address: 'me@example.com',
        source: 'gmail',
        stored: 6,
        mailboxTotal: 6,
        shareSynced: 0.5,
        lastSync: '2026-11-29T11:00:00.000Z',
      },
      {
        address: 'me@work.example',
        source: 'gmail',
        stored: 2,
        mailboxTotal: 4,
        shareSynced: 0.25,
        lastSync: '2026-11-28T08:00:00.000Z',
      },
      {
        address: 'me@old.example',
        source: 'import',
        stored: 1,
        mailboxTotal: null,
        shareSynced: null,
        lastSync: null,
      },
    ]);
    // The synced accounts summed: (3 + 1) of (6 + 4); the least recent sync.
    expect(report.coverage).toMatchObject({
      stored: 9,
      mailboxTotal: 10,
      shareSynced: 0.4,
      lastSync: '2026-11-28T08:00:00.000Z',
      allTime: { first: '2001-05-01T10:00:00.000Z', last: '2026-11-24T10:00:00.000Z' },
    });
  });

  it('leaves the mailbox figures empty when no account is synced', () => {
    const report = computeReport(reportInput(mailbox().slice(8), AS_OF, 'all', { accounts: [FILES] }));
    expect(report.coverage).toMatchObject({
      mailboxTotal: null,
      shareSynced: null,
      lastSync: null,
      stored: 1,
    });
  });
});
