/**
 * A TokenProvider over a refresh-token vault: access tokens are cached until a minute before they
 * expire and refreshed from the token endpoint; one refresh at a time per account, shared by every
 * request that arrives meanwhile (forced ones too: a burst of 401s costs one refresh); a forced
 * request forgets the cached token first, whether or not its refresh succeeds. A rotated
 * refresh token is saved. A revoked or expired grant (`invalid_grant`) becomes AUTH_REQUIRED
 * naming the account, and is not retried.
 */
import { BriefError } from '../../../shared/errors.ts';
import type { RefreshTokenVault } from './file-vault.ts';
import type { OAuthClientConfig } from './oauth-config.ts';
import { InvalidGrantError, refreshAccessToken } from './token-endpoint.ts';
import type { AccessToken, TokenProvider } from './token-provider.ts';

const EARLY_MS = 60_000;

export class RefreshingTokenProvider implements TokenProvider {
  readonly #vault: RefreshTokenVault;
  readonly #config: OAuthClientConfig;
  readonly #now: () => number;
  readonly #tokens = new Map<string, AccessToken>();
  readonly #pending = new Map<string, Promise<AccessToken>>();

  constructor(vault: RefreshTokenVault, config: OAuthClientConfig, now: () => number = Date.now) {
    this.#vault = vault;
    this.#config = config;
    this.#now = now;
  }

  getAccessToken(
    account: { id: number; address: string },
    options: { forceRefresh?: boolean } = {},
  ): Promise<AccessToken> {
    const key = account.address.toLowerCase();
    // A refresh under way started after the caller's token was issued, so it answers forced requests too.
    const pending = this.#pending.get(key);
    if (pending !== undefined) return pending;
    // Forced: Gmail refused the caller's token. Forgotten now, so a failed refresh cannot hand it out again.
    if (options.forceRefresh) this.#tokens.delete(key);
    const cached = this.#tokens.get(key);
    if (!options.forceRefresh && cached !== undefined && cached.expiresAt - EARLY_MS > this.#now())
      return Promise.resolve(cached);
    const refresh = this.#refresh(account.address).then((token) => {
      // Unless the account was forgotten meanwhile.
      if (this.#pending.get(key) === refresh) this.#tokens.set(key, token);
      return token;
    });
    this.#pending.set(key, refresh);
    const settled = () => {
      if (this.#pending.get(key) === refresh) this.#pending.delete(key);
    };
    refresh.then(settled, settled);
    return refresh;
  }

  /** Forgets the cached access token (after a disconnect or a reconnect). */
  forget(address: string): void {
    const key = address.toLowerCase();
    this.#tokens.delete(key);
    this.#pending.delete(key);
  }

  async #refresh(address: string): Promise<AccessToken> {
    const entry = this.#vault.get(address);
    if (entry === null) throw reconnect(address, 'no sign-in is stored for it');
    try {
      const grant = await refreshAccessToken(this.#config, entry.refreshToken, this.#now);
      // Google may rotate the refresh token; only the newest keeps working.
      if (grant.refreshToken !== null && grant.refreshToken !== entry.refreshToken) {
        this.#vault.set(address, { refreshToken: grant.refreshToken, scope: grant.scope || entry.scope });
      }
      return { accessToken: grant.accessToken, expiresAt: grant.expiresAt };
    } catch (error) {
      if (error instanceof InvalidGrantError)
        throw reconnect(address, 'Google revoked or expired its sign-in');
      throw error;
    }
  }
}

function reconnect(address: string, why: string): BriefError {
  return new BriefError(
    'AUTH_REQUIRED',
    `Reconnect ${address}: ${why}. Sign in again with Connect Gmail in the app, or \`brief connect\` in a terminal.`,
  );
}
