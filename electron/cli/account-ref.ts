/** An account as a person names it on the command line: its address or its id from `brief accounts`. */
import { BriefError } from '../../shared/errors.ts';
import type { Engine } from '../engine/index.ts';

/**
 * The account `value` names; absent, the only account, or all of them when there are several.
 * `all` is all of them.
 */
export async function resolveAccount(engine: Engine, value: string | undefined): Promise<number | 'all'> {
  const accounts = await engine.call('accounts.list', {});
  if (value === 'all') return 'all';
  if (value === undefined) {
    if (accounts.length === 1) return accounts[0]!.id;
    if (accounts.length === 0)
      throw new BriefError(
        'NOT_FOUND',
        'There is no account yet: run `brief demo` or `brief import <path> --account you@example.com` first.',
      );
    return 'all';
  }
  const byId = /^\d+$/.test(value) ? accounts.find((account) => account.id === Number(value)) : undefined;
  const match = byId ?? accounts.find((account) => account.address.toLowerCase() === value.toLowerCase());
  if (!match) throw new BriefError('NOT_FOUND', `No account "${value}". \`brief accounts\` lists them.`);
  return match.id;
}
