/** app.*, settings.* and messages.stats — what the shell and the settings page ask. */
import type { EngineServices } from '../engine.ts';
import type { SomeHandlers } from './types.ts';

type AppMethods = 'app.info' | 'settings.get' | 'settings.update' | 'messages.stats';

export function appHandlers(services: EngineServices): SomeHandlers<AppMethods> {
  return {
    'app.info': () => ({
      version: services.version,
      databasePath: services.store.path,
      engine: services.mode,
      storeRecovery: services.recovery,
    }),
    'settings.get': () => services.appSettings.get(),
    'settings.update': (patch) => services.appSettings.update(patch),
    'messages.stats': ({ accountId }) => {
      // An unknown account is an error, not an empty mailbox.
      if (accountId !== undefined) services.accounts.getAccount(accountId);
      return services.messages.getCacheStats(accountId);
    },
  };
}
