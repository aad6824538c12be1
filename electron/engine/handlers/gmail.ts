/** Gmail accounts and syncs: registering an account after sign-in, and starting a sync on demand. */
import { BriefError } from '../../../shared/errors.ts';
import type { EngineServices } from '../engine.ts';
import type { SomeHandlers } from './types.ts';

type GmailMethods = 'accounts.registerGmail' | 'accounts.connectGmail' | 'sync.start' | 'diagnostics.export';

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
    // These two need the desktop shell (system browser, safe storage, a save dialog); the shell answers them itself.
    'accounts.connectGmail': () => {
      throw new BriefError(
        'UNSUPPORTED_INPUT',
        'Connect Gmail from the 360Brief desktop app, or run `brief connect` in a terminal.',
      );
    },
    'diagnostics.export': () => {
      throw new BriefError(
        'UNSUPPORTED_INPUT',
        "Only the 360Brief desktop app writes a diagnostics file; the logs it would hold are in the logs folder beside 360Brief's database.",
      );
    },
  };
}
