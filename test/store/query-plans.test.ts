import { describe, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { prepareAnalyticsStatements } from '../../electron/engine/cache/analytics-cache-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import {
  filterParams,
  type MessageFilter,
  MessageQueries,
} from '../../electron/engine/cache/message-query.ts';
import { prepareMessageStatements } from '../../electron/engine/cache/message-statements.ts';
import { listStatements, prepareJobStatements } from '../../electron/engine/jobs/job-statements.ts';
import { expectIndexed, facts, openTemp } from './helpers.ts';

function populated() {
  const { store } = openTemp();
  const account = new AccountService(store).createAccount({ address: 'me@example.com', provider: 'gmail' });
  new MessageCacheService(store).cacheBulk(
    account.id,
    'gmail',
    Array.from({ length: 50 }, (_, index) => ({ facts: facts(index) })),
  );
  return { store, accountId: account.id };
}

describe('hot queries use an index', () => {
  it('claimNext, listJobs by status, lease recovery and the sync check', () => {
    const { store } = populated();
    const jobs = prepareJobStatements(store);
    expectIndexed(
      store,
      jobs.claimCandidate.source,
      { now: '2026-01-01T00:00:00.000Z', worker: 'w', types: null, ids: null },
      /analytics_jobs_claim/,
    );
    expectIndexed(store, jobs.nextDue.source, { worker: 'w', types: null, ids: null }, /\(status=\?\)/);
    expectIndexed(store, jobs.unfinishedSync.source, [1], /analytics_jobs_account/);
    expectIndexed(
      store,
      listStatements(store, ['status']).page.source,
      { status: 'pending', limit: 50, offset: 0 },
      /\(status=\?\)/,
    );
    expectIndexed(
      store,
      listStatements(store, ['status']).count.source,
      { status: 'pending' },
      /\(status=\?\)/,
    );
    expectIndexed(store, jobs.expiredLeases.source, ['2026-01-01T00:00:00.000Z'], /analytics_jobs_lease/);
    expectIndexed(
      store,
      jobs.unfinishedForAccount.source,
      { accountId: 1, types: null },
      /analytics_jobs_account/,
    );
  });

  it.each<[string, Omit<MessageFilter, 'accountId'>, RegExp]>([
    ['range + label', { label: 'INBOX', from: 0, to: 1e13 }, /message_cache_time/],
    ['range + sender', { sender: 'sender1@example.com', from: 0, to: 1e13 }, /message_cache_sender/],
    ['thread', { threadKey: 'k' }, /message_cache_thread/],
    ['range', { from: 0, to: 1e13 }, /message_cache_time/],
  ])('getMessages by %s', (_, filter, index) => {
    const { store, accountId } = populated();
    const label = filter.label === undefined ? null : ({ test: 'bit', value: 1 } as const);
    const statement = new MessageQueries(store).statement({ accountId, ...filter }, true, label);
    const params = { accountId, ...filterParams({ accountId, ...filter }, label), limit: 100, offset: 0 };
    expectIndexed(store, statement.source, params, index);
  });

  it('checkCached and the upsert lookup', () => {
    const { store } = populated();
    const messages = prepareMessageStatements(store);
    expectIndexed(
      store,
      messages.cachedIds.source,
      { accountId: 1, provider: 'gmail', ids: '["m1"]' },
      /sqlite_autoindex_message_cache_1/,
    );
    expectIndexed(
      store,
      messages.findId.source,
      { accountId: 1, provider: 'gmail', providerId: 'm1' },
      /sqlite_autoindex_message_cache_1/,
    );
  });

  it("one account's message count and cache stats", () => {
    const { store, accountId } = populated();
    const messages = prepareMessageStatements(store);
    expectIndexed(
      store,
      messages.count.source,
      [accountId],
      /COVERING INDEX message_cache_time \(account_id=\?\)/,
    );
    expectIndexed(store, messages.statsFor.source, [accountId], /message_cache_time \(account_id=\?\)/);
  });

  it('analytics cache get', () => {
    const { store } = populated();
    expectIndexed(
      store,
      prepareAnalyticsStatements(store).get.source,
      ['a=1|f=x'],
      /sqlite_autoindex_analytics_cache_1/,
    );
  });
});
