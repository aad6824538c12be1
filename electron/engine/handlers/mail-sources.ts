/** import.start and demo.create: both fill an account through the same import job. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BriefError } from '../../../shared/errors.ts';
import type { EngineServices } from '../engine.ts';
import { DEMO_ADDRESS, DEMO_ALIASES, demoMailbox } from '../sources/import/demo.ts';
import type { SomeHandlers } from './types.ts';

type SourceMethods = 'import.start' | 'demo.create';

/** A path that is not there fails the call before an account or a job is written for it. */
function requireExisting(paths: readonly string[]): void {
  for (const path of paths) {
    if (!existsSync(path))
      throw new BriefError('NOT_FOUND', `Nothing to import at ${path}: check the path and try again.`);
  }
}

export function mailSourceHandlers(services: EngineServices): SomeHandlers<SourceMethods> {
  return {
    'import.start': ({ paths, account, aliases }) => {
      // Absolute now: the job may run in another process (the app, `brief serve`) with another
      // working folder, or after this one has moved on.
      const absolute = paths.map((path) => resolve(path));
      requireExisting(absolute);
      const target = services.accounts.ensureAccount(account, 'import', aliases ?? []);
      const job = services.jobs.createJob({
        type: 'import_mail',
        accountId: target.id,
        metadata: { paths: absolute },
      });
      services.pokeRunner();
      return job;
    },
    'demo.create': async ({ messages, seed }) => {
      const account = services.accounts.ensureAccount(DEMO_ADDRESS, 'demo', DEMO_ALIASES);
      // The job writes its mailbox itself, privately, and removes it (demo.ts).
      const demo = demoMailbox(services, { messages: messages ?? 20_000, seed: seed ?? 360 });
      const job = services.jobs.createJob({
        type: 'import_mail',
        accountId: account.id,
        metadata: { paths: [], demo, replace: true },
      });
      services.pokeRunner();
      return { account, job };
    },
  };
}
