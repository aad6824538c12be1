import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { AnalyticsCacheService } from '../../electron/engine/cache/analytics-cache-service.ts';
import { analyticsKey } from '../../electron/engine/cache/analytics-key.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { JobService } from '../../electron/engine/jobs/job-service.ts';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../shared/domain.ts';
import { parseCall } from '../../shared/validate.ts';
import { facts, openTemp } from './helpers.ts';

describe('AccountService', () => {
  it('creates, finds and lists accounts, with the address first among identities', () => {
    const { store } = openTemp();
    const accounts = new AccountService(store);
    const account = accounts.createAccount({
      address: ' Ann@Example.COM ',
      provider: 'gmail',
      identities: ['ANN@work.example'],
    });
    expect(account).toMatchObject({
      address: 'ann@example.com',
      identities: ['ann@example.com', 'ann@work.example'],
      dataVersion: 0,
      syncState: 'idle',
      historyId: null,
      mailboxTotal: null,
      settings: DEFAULT_ACCOUNT_SETTINGS,
      createdAt: '2026-01-15T12:00:00.000Z',
    });
    expect(accounts.findByAddress('ANN@example.com')?.id).toBe(account.id);
    expect(accounts.findByAddress('ann@example.com', 'import')).toBeNull();
    expect(() => accounts.createAccount({ address: 'ann@example.com', provider: 'gmail' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    accounts.createAccount({ address: 'ann@example.com', provider: 'import' });
    expect(accounts.listAccounts()).toHaveLength(2);
  });

  it('edits identities in lower case and moves the data version only when they change', () => {
    const { store } = openTemp();
    const accounts = new AccountService(store);
    const { id } = accounts.createAccount({ address: 'ann@example.com', provider: 'gmail' });
    expect(accounts.addIdentity(id, 'Ann.Alias@Example.com')).toMatchObject({
      identities: ['ann@example.com', 'ann.alias@example.com'],
      dataVersion: 1,
    });
    expect(accounts.addIdentity(id, 'ann.alias@example.com').dataVersion).toBe(1);
    expect(() => accounts.removeIdentity(id, 'ann@example.com')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(accounts.removeIdentity(id, 'ANN.ALIAS@example.com')).toMatchObject({
      identities: ['ann@example.com'],
      dataVersion: 2,
    });
  });

  it('merges settings over the defaults; working hours that end before they start are refused by the contract', () => {
    const { store } = openTemp();
    const accounts = new AccountService(store);
    const { id } = accounts.createAccount({
      address: 'ann@example.com',
      provider: 'gmail',
      settings: { quotaProfile: 'legacy' },
    });
    expect(accounts.getSettings(id).quotaProfile).toBe('legacy');
    const updated = accounts.updateSettings(id, { includeSpamTrash: true });
    expect(updated).toEqual({ ...DEFAULT_ACCOUNT_SETTINGS, quotaProfile: 'legacy', includeSpamTrash: true });
    for (const workingHours of [
      { days: [1], startMinute: 600, endMinute: 540 },
      { days: [1, 1], startMinute: 540, endMinute: 600 },
    ]) {
      expect(() =>
        parseCall('accounts.updateSettings', { accountId: id, settings: { workingHours } }),
      ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(accounts.getSettings(id)).toEqual(updated);
  });

  it('reads back stored settings field by field: one it cannot read falls back to its default', () => {
    const { store } = openTemp();
    const accounts = new AccountService(store);
    const { id } = accounts.createAccount({ address: 'ann@example.com', provider: 'gmail' });
    const stored = { quotaProfile: 'legacy', keepRawData: 'yes', workingHours: { days: [9] } };
    store.db.prepare('UPDATE accounts SET settings = ? WHERE id = ?').run(JSON.stringify(stored), id);
    expect(accounts.getSettings(id)).toEqual({ ...DEFAULT_ACCOUNT_SETTINGS, quotaProfile: 'legacy' });
    store.db.prepare('UPDATE accounts SET settings = ? WHERE id = ?').run('[1, 2]', id);
    expect(accounts.getSettings(id)).toEqual(DEFAULT_ACCOUNT_SETTINGS);
  });

  it('records sync bookkeeping', () => {
    const { store, clock } = openTemp();
    const accounts = new AccountService(store);
    const { id } = accounts.createAccount({ address: 'ann@example.com', provider: 'gmail' });
    accounts.setSyncState(id, 'waiting-for-quota');
    accounts.setHistoryId(id, '123456');
    accounts.setMailboxTotal(id, 48_300);
    clock.advance(1000);
    accounts.markSynced(id);
    expect(accounts.getAccount(id)).toMatchObject({
      syncState: 'waiting-for-quota',
      historyId: '123456',
      mailboxTotal: 48_300,
      lastSyncAt: '2026-01-15T12:00:01.000Z',
    });
  });

  it('forgets an account with its jobs, messages, labels and analytics', () => {
    const { store } = openTemp();
    const accounts = new AccountService(store);
    const messages = new MessageCacheService(store);
    const jobs = new JobService(store);
    const analytics = new AnalyticsCacheService(store);
    const ann = accounts.createAccount({ address: 'ann@example.com', provider: 'gmail' });
    const bob = accounts.createAccount({ address: 'bob@example.com', provider: 'gmail' });
    messages.cacheBulk(ann.id, 'gmail', [{ facts: facts(0) }, { facts: facts(1) }]);
    messages.cacheBulk(bob.id, 'gmail', [{ facts: facts(2) }]);
    jobs.createJob({ type: 'fetch_messages', accountId: ann.id });
    const key = (account: number | 'all') =>
      analyticsKey({
        account,
        figureSet: 'overview',
        range: { preset: '30' },
        asOf: '2026-01-15',
        timeZone: 'UTC',
        settingsHash: 'h1',
      });
    for (const account of [ann.id, bob.id, 'all'] as const) analytics.set(key(account), { n: 1 }, 1, 5);
    accounts.forgetAccount(ann.id);
    const count = (table: string) =>
      (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([
      count('accounts'),
      count('analytics_jobs'),
      count('message_cache'),
      count('account_labels'),
    ]).toEqual([1, 0, 1, 2]);
    expect(store.db.prepare('SELECT account_key FROM analytics_cache').all()).toEqual([
      { account_key: String(bob.id) },
    ]);
    expect(() => accounts.getAccount(ann.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
