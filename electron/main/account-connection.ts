/**
 * Connecting and forgetting a Gmail account on the shell's side: the refresh token goes into the
 * vault (never to the engine, the renderer or a log), and forgetting an account removes it there
 * as well as from the store.
 */
import type { BriefApi } from '../../shared/contract.ts';
import type { Account } from '../../shared/domain.ts';
import type { AppTokenProvider } from './app-token-provider.ts';
import type { GoogleSignIn } from './google-sign-in.ts';
import type { TokenVault } from './vault.ts';

export interface ConnectDeps {
  vault: TokenVault;
  tokens: AppTokenProvider;
  signIn(): Promise<GoogleSignIn>;
  /** Creates (or finds) the engine's account for the address and queues its first sync. */
  register(address: string): Promise<Account>;
}

export async function connectGmail(deps: ConnectDeps): Promise<Account> {
  // Refused before the browser opens when tokens could not be kept encrypted here.
  deps.vault.assertUsable();
  const signIn = await deps.signIn();
  const hadToken = deps.vault.has(signIn.address);
  deps.vault.set(signIn.address, { refreshToken: signIn.refreshToken, scope: signIn.scope });
  deps.tokens.forget(signIn.address);
  try {
    return await deps.register(signIn.address);
  } catch (error) {
    // No account to go with it: a new token would only sit in the vault unused.
    if (!hadToken) deps.vault.remove(signIn.address);
    throw error;
  }
}

/** "Forget account": the store's data through the engine, then its token here. */
export async function forgetAccount(
  engine: Pick<BriefApi, 'call'>,
  deps: { vault: TokenVault; tokens: AppTokenProvider },
  accountId: number,
): Promise<{ accountId: number; forgotten: true }> {
  const account = await engine.call('accounts.get', { accountId });
  const result = await engine.call('accounts.forget', { accountId });
  deps.vault.remove(account.address);
  deps.tokens.forget(account.address);
  return result;
}
