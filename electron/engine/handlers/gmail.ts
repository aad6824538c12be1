/** Gmail accounts and syncs: registering an account after sign-in, and starting a sync on demand. */
import { BriefError } from '../../../shared/errors.ts';
import type { EngineServices } from '../engine.ts';
import type { SomeHandlers } from './types.ts';

type GmailMethods = 'accounts.registerGmail' | 'sync.start';

export function gmailHandlers(services: EngineServices): SomeHandlers<GmailMethods> {
  const { accounts, jobs } = services;
  return {
    'accounts.registerGmail': ({ address }) => {
      const account = accounts.ensureAccount(address, 'gmail');
      const type = account.historyId ? 'sync_history' : 'fetch_messages';
      if (jobs.queueSyncUnlessUnfinished(account.id, type)) services.pokeRunner();
      return accounts.getAccount(account.id);
    },
    'sync.start': ({ accountId }) => {
      const account = accounts.getAccount(accountId);
      if (account.provider !== 'gmail') {
        throw new BriefError(
          'UNSUPPORTED_INPUT',
          `${account.address} is imported mail, not a Gmail account: import newer files to update it.`,
        );
      }
      // An interrupted sync (its process gone, its lease run out) is resumed with its cursor.
      const job = jobs.queueSync(accountId, account.historyId ? 'sync_history' : 'fetch_messages');
      services.pokeRunner();
      return job;
    },
  };
}
