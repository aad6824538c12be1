/**
 * Forgetting an account from a terminal or the browser bridge: its mail, jobs and figures in the
 * engine, then (a Gmail account) its refresh token in the CLI's vault, so nothing of it is left to
 * sync with. `brief accounts forget` and the bridge's `accounts.forget` both come here.
 */
import { type Engine, FileVault } from '../engine/index.ts';
import { vaultPath } from './google-config.ts';

export async function forgetWithVault(
  engine: Engine,
  databasePath: string,
  accountId: number,
): Promise<{ accountId: number; forgotten: true }> {
  const account = await engine.call('accounts.get', { accountId });
  const result = await engine.call('accounts.forget', { accountId });
  if (account.provider === 'gmail') new FileVault(vaultPath(databasePath)).remove(account.address);
  return result;
}
