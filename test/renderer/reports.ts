/**
 * Reports for the dashboard's tests, computed by the engine's own computeReport from small
 * mailboxes built in memory, so the dashboard is tested against the real shape and real numbers.
 */

import { computeReport, type RangeSpec } from '../../electron/engine/analytics/index.ts';
import type { ReportEnvelope } from '../../shared/analytics-types.ts';
import type { AppSettings } from '../../shared/contract.ts';
import type { Account, Job } from '../../shared/domain.ts';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../shared/domain.ts';
import type { Report } from '../../shared/report-types.ts';
import { received, reportInput, sent } from '../analytics/builders.ts';

export const AS_OF = '2025-03-20T12:00:00.000Z';

/** A month of mail: a replied thread with Ann, a question to Bob he answered, a newsletter, a waiting message. */
function mailbox() {
  return [
    received('2025-03-10T09:00:00Z', 'ann@acme.example', {
      threadKey: 'budget',
      subject: 'Budget',
      senderName: 'Ann Lee',
      cc: ['bob@acme.example'],
    }),
    sent('2025-03-10T10:30:00Z', ['ann@acme.example'], { threadKey: 'budget', subject: 'Re: Budget' }),
    received('2025-03-10T11:00:00Z', 'ann@acme.example', { threadKey: 'budget', subject: 'Re: Budget' }),
    sent('2025-03-11T20:00:00Z', ['ann@acme.example', 'bob@acme.example'], {
      threadKey: 'budget',
      subject: 'Re: Budget',
    }),
    sent('2025-03-12T08:00:00Z', ['bob@acme.example'], { threadKey: 'lunch', subject: 'Lunch?' }),
    received('2025-03-12T09:15:00Z', 'bob@acme.example', { threadKey: 'lunch', subject: 'Re: Lunch?' }),
    ...[3, 6, 9].map((day) =>
      received(`2025-03-0${day}T07:00:00Z`, 'news@shop.example', {
        threadKey: `news${day}`,
        subject: 'Deals',
        automated: true,
        labels: ['INBOX', 'UNREAD', 'CATEGORY_PROMOTIONS'],
        unsubscribe: 'https://shop.example/unsubscribe',
      }),
    ),
    received('2025-03-17T14:00:00Z', 'dave@acme.example', { threadKey: 'contract', subject: 'Contract' }),
    sent('2025-03-14T16:00:00Z', ['carol@else.example'], { threadKey: 'proposal', subject: 'Proposal' }),
  ];
}

/** The report of the month's mailbox (`30` days: a comparison with the 30 days before). */
export function busyReport(range: RangeSpec = '30'): Report {
  return computeReport(reportInput(mailbox(), AS_OF, range));
}

/** The report of an account with no mail at all. */
export function emptyReport(range: RangeSpec = '30'): Report {
  return computeReport(reportInput([], AS_OF, range));
}

export function envelopeOf(report: Report, fields: Partial<ReportEnvelope> = {}): ReportEnvelope {
  return {
    report,
    stale: false,
    fromCache: true,
    computedAt: AS_OF,
    cacheKey: `a=1|f=report-2|r=30|d=2025-03-20|z=UTC|s=x`,
    ...fields,
  };
}

export const ACCOUNT: Account = {
  id: 1,
  address: 'me@example.com',
  provider: 'import',
  identities: ['me@example.com'],
  historyId: null,
  dataVersion: 1,
  syncState: 'idle',
  lastSyncAt: null,
  settings: DEFAULT_ACCOUNT_SETTINGS,
  createdAt: '2025-03-01T00:00:00.000Z',
};

export const SETTINGS: AppSettings = {
  syncIntervalMinutes: 5,
  quietHours: { enabled: false, startMinute: 1320, endMinute: 420 },
  keepSyncingInTray: true,
  launchAtLogin: false,
  timeZone: 'UTC',
  retentionDays: null,
  theme: 'system',
  morningBrief: { enabled: true, minute: 510, days: [1, 2, 3, 4, 5] },
};

export function job(fields: Partial<Job> = {}): Job {
  return {
    id: 1,
    type: 'import_mail',
    accountId: 1,
    status: 'pending',
    current: 0,
    total: null,
    percentage: null,
    step: null,
    attempts: 0,
    maxAttempts: 5,
    runAfter: null,
    metadata: {},
    error: null,
    createdAt: AS_OF,
    updatedAt: AS_OF,
    startedAt: null,
    finishedAt: null,
    ...fields,
  };
}
