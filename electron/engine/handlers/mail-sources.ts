/** import.start and demo.create: both fill an account through the same import job. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Account } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import type { EngineServices } from '../engine.ts';
import { createDemoMailbox, DEMO_ADDRESS, DEMO_ALIASES } from '../sources/import/demo.ts';
import type { SomeHandlers } from './types.ts';

type SourceMethods = 'import.start' | 'demo.create';

function ensureAccount(
  services: EngineServices,
  address: string,
  provider: Account['provider'],
  aliases: readonly string[],
) {
  const existing = services.accounts.findByAddress(address, provider);
  const account = existing ?? services.accounts.createAccount({ address, provider });
  for (const alias of aliases) {
    if (!account.identities.includes(alias.toLowerCase())) services.accounts.addIdentity(account.id, alias);
  }
  return services.accounts.getAccount(account.id);
}

/** A path that is not there fails the call before an account or a job is written for it. */
function requireExisting(paths: readonly string[]): void {
  for (const path of paths) {
    if (!existsSync(resolve(path)))
      throw new BriefError(
        'NOT_FOUND',
        `Nothing to import at ${resolve(path)}: check the path and try again.`,
      );
  }
}

export function mailSourceHandlers(services: EngineServices): SomeHandlers<SourceMethods> {
  return {
    'import.start': ({ paths, account, aliases }) => {
      requireExisting(paths);
      const target = ensureAccount(services, account, 'import', aliases ?? []);
      const job = services.jobs.createJob({ type: 'import_mail', accountId: target.id, metadata: { paths } });
      services.pokeRunner();
      return job;
    },
    'demo.create': async ({ messages, seed }) => {
      const account = ensureAccount(services, DEMO_ADDRESS, 'demo', DEMO_ALIASES);
      const mbox = await createDemoMailbox(services, { messages: messages ?? 20_000, seed: seed ?? 360 });
      const job = services.jobs.createJob({
        type: 'import_mail',
        accountId: account.id,
        metadata: { paths: [mbox], demo: true },
      });
      services.pokeRunner();
      return { account, job };
    },
  };
}
