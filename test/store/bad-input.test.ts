import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { AnalyticsCacheService } from '../../electron/engine/cache/analytics-cache-service.ts';
import { analyticsKey } from '../../electron/engine/cache/analytics-key.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { cleanup } from '../../electron/engine/db/cleanup.ts';
import { JobService } from '../../electron/engine/jobs/job-service.ts';
import { BriefError } from '../../shared/errors.ts';
import { facts, openTemp, snapshot } from './helpers.ts';

// Deliberately wrong values, typed loosely so they reach the runtime checks.
// biome-ignore lint/suspicious/noExplicitAny: the point is to bypass the compiler
type Loose = any;

function world() {
  const { store } = openTemp();
  const accounts = new AccountService(store);
  const messages = new MessageCacheService(store);
  const jobs = new JobService(store);
  const analytics = new AnalyticsCacheService(store);
  const account = accounts.createAccount({ address: 'me@example.com', provider: 'gmail' });
  messages.cacheBulk(account.id, 'gmail', [{ facts: facts(0) }, { facts: facts(1) }]);
  const processing = jobs.createJob({ type: 'fetch_messages', accountId: account.id });
  jobs.claimNext('w');
  const finished = jobs.createJob({ type: 'cleanup' });
  jobs.cancelJob(finished.id);
  const key = analyticsKey({
    account: account.id,
    figureSet: 'overview',
    range: { preset: '7' },
    asOf: '2026-01-15',
    timeZone: 'UTC',
    settingsHash: 'h',
  });
  analytics.set(key, { n: 1 }, 1, 3);
  const messageId = messages.getMessage(account.id, 'gmail', 'm0')!.id;
  return { store, accounts, messages, jobs, analytics, account, processing, finished, key, messageId };
}

type World = ReturnType<typeof world>;
const cases: Array<[string, string, (w: World) => unknown]> = [
  ['createJob: unknown type', 'VALIDATION', (w) => w.jobs.createJob({ type: 'mine_bitcoin' as Loose })],
  [
    'createJob: unknown account',
    'NOT_FOUND',
    (w) => w.jobs.createJob({ type: 'compute_analytics', accountId: 999 }),
  ],
  [
    'createJob: metadata not an object',
    'VALIDATION',
    (w) => w.jobs.createJob({ type: 'cleanup', metadata: [1] as Loose }),
  ],
  [
    'createJob: metadata over 64 KB',
    'VALIDATION',
    (w) => w.jobs.createJob({ type: 'cleanup', metadata: { big: 'x'.repeat(70_000) } }),
  ],
  [
    'createJob: second sync',
    'CONFLICT',
    (w) => w.jobs.createJob({ type: 'sync_history', accountId: w.account.id }),
  ],
  [
    'createJob: extra field',
    'VALIDATION',
    (w) => w.jobs.createJob({ type: 'cleanup', priority: 1 } as Loose),
  ],
  ['getJob: unknown id', 'NOT_FOUND', (w) => w.jobs.getJob(999)],
  ['getJob: not an id', 'VALIDATION', (w) => w.jobs.getJob('1' as Loose)],
  ['listJobs: limit 0', 'VALIDATION', (w) => w.jobs.listJobs({ limit: 0 })],
  ['listJobs: limit 501', 'VALIDATION', (w) => w.jobs.listJobs({ limit: 501 })],
  ['listJobs: bad status', 'VALIDATION', (w) => w.jobs.listJobs({ status: 'done' as Loose })],
  ['updateProgress: negative', 'VALIDATION', (w) => w.jobs.updateProgress(w.processing.id, { current: -1 })],
  [
    'updateProgress: beyond total',
    'VALIDATION',
    (w) => w.jobs.updateProgress(w.processing.id, { current: 11, total: 10 }),
  ],
  [
    'updateProgress: step too long',
    'VALIDATION',
    (w) => w.jobs.updateProgress(w.processing.id, { current: 1, step: 's'.repeat(501) }),
  ],
  ['updateProgress: fraction', 'VALIDATION', (w) => w.jobs.updateProgress(w.processing.id, { current: 1.5 })],
  ['updateProgress: finished job', 'CONFLICT', (w) => w.jobs.updateProgress(w.finished.id, { current: 1 })],
  ['updateProgress: unknown job', 'NOT_FOUND', (w) => w.jobs.updateProgress(999, { current: 1 })],
  ['completeJob: cancelled', 'CONFLICT', (w) => w.jobs.completeJob(w.finished.id)],
  ['completeJob: bad metadata', 'VALIDATION', (w) => w.jobs.completeJob(w.processing.id, 'done' as Loose)],
  [
    'failJob: empty message',
    'VALIDATION',
    (w) => w.jobs.failJob(w.processing.id, { code: 'NETWORK', message: '' }),
  ],
  ['failJob: cancelled', 'CONFLICT', (w) => w.jobs.failJob(w.finished.id, { code: 'NETWORK', message: 'x' })],
  ['retryJob: processing', 'CONFLICT', (w) => w.jobs.retryJob(w.processing.id)],
  ['cancelJob: already cancelled', 'CONFLICT', (w) => w.jobs.cancelJob(w.finished.id)],
  ['pauseJob: cancelled', 'CONFLICT', (w) => w.jobs.pauseJob(w.finished.id)],
  ['resumeJob: not paused', 'CONFLICT', (w) => w.jobs.resumeJob(w.processing.id)],
  ['hasRunningJob: bad types', 'VALIDATION', (w) => w.jobs.hasRunningJob(w.account.id, ['nope' as Loose])],
  ['claimNext: empty worker', 'VALIDATION', (w) => w.jobs.claimNext('')],
  ['claimNext: bad types', 'VALIDATION', (w) => w.jobs.claimNext('w', { types: [] })],
  ['heartbeat: unknown job', 'NOT_FOUND', (w) => w.jobs.heartbeat(999, 'w')],
  [
    'mergeMetadata: too large',
    'VALIDATION',
    (w) => w.jobs.mergeMetadata(w.processing.id, { big: 'x'.repeat(70_000) }),
  ],
  ['setCursor: not JSON', 'VALIDATION', (w) => w.jobs.setCursor(w.processing.id, () => 1)],
  ['job cleanup: negative days', 'VALIDATION', (w) => w.jobs.cleanup(-1)],
  [
    'cacheBulk: unknown account',
    'NOT_FOUND',
    (w) => w.messages.cacheBulk(999, 'gmail', [{ facts: facts(5) }]),
  ],
  [
    'cacheBulk: one bad item among good',
    'VALIDATION',
    (w) =>
      w.messages.cacheBulk(w.account.id, 'gmail', [
        { facts: facts(5) },
        { facts: { ...facts(6), size: -1 } },
      ]),
  ],
  [
    'cacheBulk: bad provider',
    'VALIDATION',
    (w) => w.messages.cacheBulk(w.account.id, 'Gmail!', [{ facts: facts(5) }]),
  ],
  [
    'cacheMessage: missing field',
    'VALIDATION',
    (w) => w.messages.cacheMessage(w.account.id, 'gmail', { ...facts(5), labels: undefined } as Loose),
  ],
  ['getMessage: empty id', 'VALIDATION', (w) => w.messages.getMessage(w.account.id, 'gmail', '')],
  [
    'getMessages: limit 501',
    'VALIDATION',
    (w) => w.messages.getMessages({ accountId: w.account.id }, { limit: 501 }),
  ],
  [
    'getMessages: from after to',
    'VALIDATION',
    (w) => w.messages.getMessages({ accountId: w.account.id, from: 10, to: 5 }),
  ],
  [
    'getMessages: bad direction',
    'VALIDATION',
    (w) => w.messages.getMessages({ accountId: w.account.id, direction: 'up' as Loose }),
  ],
  [
    'checkCached: ids not strings',
    'VALIDATION',
    (w) => w.messages.checkCached(w.account.id, 'gmail', [1] as Loose),
  ],
  ['getCacheStats: bad id', 'VALIDATION', (w) => w.messages.getCacheStats(-1)],
  [
    'updateDerived: foreign message',
    'NOT_FOUND',
    (w) =>
      w.messages.updateDerived(w.account.id, [
        { id: w.messageId, counted: false, direction: 'sent', echo: false, threadKey: 'k' },
        { id: 999, counted: true, direction: 'sent', echo: false, threadKey: 'k' },
      ]),
  ],
  [
    'updateDerived: bad direction',
    'VALIDATION',
    (w) =>
      w.messages.updateDerived(w.account.id, [
        { id: w.messageId, counted: true, direction: 'out' as Loose, echo: false, threadKey: 'k' },
      ]),
  ],
  [
    'updateLabels: unknown message',
    'NOT_FOUND',
    (w) => w.messages.updateLabels(w.account.id, 'gmail', 'nope', ['INBOX']),
  ],
  [
    'updateLabels: empty label',
    'VALIDATION',
    (w) => w.messages.updateLabels(w.account.id, 'gmail', 'm0', ['']),
  ],
  ['deleteMessages: unknown account', 'NOT_FOUND', (w) => w.messages.deleteMessages(999, 'gmail', ['m0'])],
  ['clearCache: unknown account', 'NOT_FOUND', (w) => w.messages.clearCache(999)],
  ['deleteOlderThan: fraction', 'VALIDATION', (w) => w.messages.deleteOlderThan(w.account.id, 1.5)],
  [
    'createAccount: bad address',
    'VALIDATION',
    (w) => w.accounts.createAccount({ address: 'not an address', provider: 'gmail' }),
  ],
  [
    'createAccount: bad provider',
    'VALIDATION',
    (w) => w.accounts.createAccount({ address: 'x@y.z', provider: 'outlook' as Loose }),
  ],
  [
    'createAccount: duplicate',
    'CONFLICT',
    (w) => w.accounts.createAccount({ address: 'ME@example.com', provider: 'gmail' }),
  ],
  ['getAccount: unknown', 'NOT_FOUND', (w) => w.accounts.getAccount(999)],
  ['addIdentity: bad address', 'VALIDATION', (w) => w.accounts.addIdentity(w.account.id, '@')],
  ['addIdentity: unknown account', 'NOT_FOUND', (w) => w.accounts.addIdentity(999, 'a@b.c')],
  [
    'removeIdentity: the address',
    'VALIDATION',
    (w) => w.accounts.removeIdentity(w.account.id, 'me@example.com'),
  ],
  [
    'updateSettings: unknown key',
    'VALIDATION',
    (w) => w.accounts.updateSettings(w.account.id, { theme: 'dark' } as Loose),
  ],
  [
    'updateSettings: bad profile',
    'VALIDATION',
    (w) => w.accounts.updateSettings(w.account.id, { quotaProfile: '2030' as Loose }),
  ],
  [
    'setSyncState: unknown state',
    'VALIDATION',
    (w) => w.accounts.setSyncState(w.account.id, 'asleep' as Loose),
  ],
  ['setHistoryId: empty', 'VALIDATION', (w) => w.accounts.setHistoryId(w.account.id, '')],
  ['setMailboxTotal: negative', 'VALIDATION', (w) => w.accounts.setMailboxTotal(w.account.id, -5)],
  ['markSynced: unknown account', 'NOT_FOUND', (w) => w.accounts.markSynced(999)],
  ['forgetAccount: unknown', 'NOT_FOUND', (w) => w.accounts.forgetAccount(999)],
  ['analytics get: not a key', 'VALIDATION', (w) => w.analytics.get('overview', 1)],
  ['analytics set: not JSON', 'VALIDATION', (w) => w.analytics.set(w.key, undefined, 1, 1)],
  ['analytics set: negative compute time', 'VALIDATION', (w) => w.analytics.set(w.key, {}, 1, -1)],
  ['analytics invalidate: bad key', 'VALIDATION', (w) => w.analytics.invalidate(-2 as Loose)],
  [
    'analyticsKey: bad date',
    'VALIDATION',
    () =>
      analyticsKey({
        account: 1,
        figureSet: 'o',
        range: { preset: '7' },
        asOf: '15/01/2026',
        timeZone: 'UTC',
        settingsHash: 'h',
      }),
  ],
  ['cleanup: zero retention', 'VALIDATION', (w) => cleanup(w.store, { retentionDays: 0 })],
];

describe('bad input', () => {
  it.each(cases)('%s → %s, nothing written', (_, code, call) => {
    const w = world();
    const before = snapshot(w.store);
    let thrown: unknown;
    try {
      call(w);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BriefError);
    expect((thrown as BriefError).code).toBe(code);
    expect((thrown as BriefError).message).toMatch(/\.$/);
    expect(snapshot(w.store)).toBe(before);
  });
});
