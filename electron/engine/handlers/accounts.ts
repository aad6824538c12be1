/** accounts.* — the mailboxes on this device, their identities and settings. */

import { removeSnapshots } from '../analytics/index.ts';
import type { EngineServices } from '../engine.ts';
import { suggestAliases } from '../mail/index.ts';
import type { SomeHandlers } from './types.ts';

type AccountMethods =
  | 'accounts.list'
  | 'accounts.get'
  | 'accounts.addAlias'
  | 'accounts.removeAlias'
  | 'accounts.suggestAliases'
  | 'accounts.updateSettings'
  | 'accounts.forget';

export function accountHandlers(services: EngineServices): SomeHandlers<AccountMethods> {
  const { accounts, messages, events } = services;
  /** Identities decide direction and echoes, so the account's derivations follow every change. */
  const afterIdentityChange = (accountId: number) => {
    services.rederive(accountId);
    events.emit('data-changed', { accountId, dataVersion: accounts.getDataVersion(accountId) });
  };
  return {
    'accounts.list': () => accounts.listAccounts(),
    'accounts.get': ({ accountId }) => accounts.getAccount(accountId),
    'accounts.addAlias': ({ accountId, address }) => {
      const account = accounts.addIdentity(accountId, address);
      afterIdentityChange(accountId);
      return account;
    },
    'accounts.removeAlias': ({ accountId, address }) => {
      const account = accounts.removeIdentity(accountId, address);
      afterIdentityChange(accountId);
      return account;
    },
    'accounts.suggestAliases': ({ accountId }) => {
      const account = accounts.getAccount(accountId);
      const rows = [...messages.iterateMessages({ accountId })];
      return suggestAliases(rows, account.identities);
    },
    'accounts.updateSettings': ({ accountId, settings }) => {
      const before = accounts.getSettings(accountId);
      accounts.updateSettings(accountId, settings);
      if (settings.includeSpamTrash !== undefined && settings.includeSpamTrash !== before.includeSpamTrash) {
        afterIdentityChange(accountId);
      }
      return accounts.getAccount(accountId);
    },
    'accounts.forget': ({ accountId }) => {
      accounts.forgetAccount(accountId);
      // The column snapshots beside the database hold the account's mail too (analytics/snapshot/).
      removeSnapshots(services.store.path, accountId);
      return { accountId, forgotten: true as const };
    },
  };
}
