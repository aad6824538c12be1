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
    }),
    'settings.get': () => services.appSettings.get(),
    'settings.update': (patch) => services.appSettings.update(patch),
    'messages.stats': ({ accountId }) => services.messages.getCacheStats(accountId),
  };
}
