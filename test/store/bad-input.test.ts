/**
 * What the store refuses because of what it holds: an unknown account, message or job, a job in a
 * state that does not allow the change, a duplicate, an identity that cannot go, metadata or a
 * value too large to keep. Each answers a typed error with a sentence and writes nothing.
 * Arguments of the wrong shape never get this far: the contract parses every call at the boundary
 * (test/engine/bad-calls.test.ts), and inside the engine the types carry that guarantee.
 */
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { AnalyticsCacheService } from '../../electron/engine/cache/analytics-cache-service.ts';
import { analyticsKey } from '../../electron/engine/cache/analytics-key.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { JobService } from '../../electron/engine/jobs/job-service.ts';
import { BriefError } from '../../shared/errors.ts';
import { facts, openTemp, snapshot } from './helpers.ts';

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
  [
    'createJob: unknown account',
    'NOT_FOUND',
    (w) => w.jobs.createJob({ type: 'compute_analytics', accountId: 999 }),
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
  ['getJob: unknown id', 'NOT_FOUND', (w) => w.jobs.getJob(999)],
  [
    'updateProgress: beyond total',
    'VALIDATION',
    (w) => w.jobs.updateProgress(w.processing.id, { current: 11, total: 10 }),
  ],
  ['updateProgress: finished job', 'CONFLICT', (w) => w.jobs.updateProgress(w.finished.id, { current: 1 })],
  ['updateProgress: unknown job', 'NOT_FOUND', (w) => w.jobs.updateProgress(999, { current: 1 })],
  ['completeJob: cancelled', 'CONFLICT', (w) => w.jobs.completeJob(w.finished.id)],
  ['failJob: cancelled', 'CONFLICT', (w) => w.jobs.failJob(w.finished.id, { code: 'NETWORK', message: 'x' })],
  ['retryJob: processing', 'CONFLICT', (w) => w.jobs.retryJob(w.processing.id)],
  ['cancelJob: already cancelled', 'CONFLICT', (w) => w.jobs.cancelJob(w.finished.id)],
  ['pauseJob: cancelled', 'CONFLICT', (w) => w.jobs.pauseJob(w.finished.id)],
  ['resumeJob: not paused', 'CONFLICT', (w) => w.jobs.resumeJob(w.processing.id)],
  ['heartbeat: unknown job', 'NOT_FOUND', (w) => w.jobs.heartbeat(999, 'w')],
  [
    'mergeMetadata: too large',
    'VALIDATION',
    (w) => w.jobs.mergeMetadata(w.processing.id, { big: 'x'.repeat(70_000) }),
  ],
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
    'updateDerived: foreign message',
    'NOT_FOUND',
    (w) =>
      w.messages.updateDerived(w.account.id, [
        { id: w.messageId, counted: false, direction: 'sent', echo: false, threadKey: 'k' },
        { id: 999, counted: true, direction: 'sent', echo: false, threadKey: 'k' },
      ]),
  ],
  [
    'updateLabels: unknown message',
    'NOT_FOUND',
    (w) => w.messages.updateLabels(w.account.id, 'gmail', 'nope', ['INBOX']),
  ],
  ['deleteMessages: unknown account', 'NOT_FOUND', (w) => w.messages.deleteMessages(999, 'gmail', ['m0'])],
  ['clearCache: unknown account', 'NOT_FOUND', (w) => w.messages.clearCache(999)],
  [
    'createAccount: duplicate',
    'CONFLICT',
    (w) => w.accounts.createAccount({ address: 'ME@example.com', provider: 'gmail' }),
  ],
  ['getAccount: unknown', 'NOT_FOUND', (w) => w.accounts.getAccount(999)],
  ['addIdentity: unknown account', 'NOT_FOUND', (w) => w.accounts.addIdentity(999, 'a@b.c')],
  [
    'removeIdentity: the address',
    'VALIDATION',
    (w) => w.accounts.removeIdentity(w.account.id, 'me@example.com'),
  ],
  ['markSynced: unknown account', 'NOT_FOUND', (w) => w.accounts.markSynced(999)],
  ['forgetAccount: unknown', 'NOT_FOUND', (w) => w.accounts.forgetAccount(999)],
  ['analytics set: not JSON', 'VALIDATION', (w) => w.analytics.set(w.key, undefined, 1, 1)],
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
