/**
 * A TokenProvider over a refresh-token vault: access tokens are cached until a minute before they
 * expire and refreshed from the token endpoint; one refresh at a time per account. A revoked or
 * expired grant (`invalid_grant`) becomes AUTH_REQUIRED naming the account, and is not retried.
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
  readonly #cache = new Map<string, Promise<AccessToken>>();

  constructor(vault: RefreshTokenVault, config: OAuthClientConfig, now: () => number = Date.now) {
    this.#vault = vault;
    this.#config = config;
    this.#now = now;
  }

  async getAccessToken(
    account: { id: number; address: string },
    options: { forceRefresh?: boolean } = {},
  ): Promise<AccessToken> {
    const key = account.address.toLowerCase();
    const cached = this.#cache.get(key);
    if (cached !== undefined && !options.forceRefresh) {
      const token = await cached.catch(() => null);
      if (token !== null && token.expiresAt - EARLY_MS > this.#now()) return token;
    }
    const pending = this.#refresh(account.address);
    this.#cache.set(key, pending);
    pending.catch(() => {
      if (this.#cache.get(key) === pending) this.#cache.delete(key);
    });
    return pending;
  }

  /** Forgets the cached access token (after a disconnect). */
  forget(address: string): void {
    this.#cache.delete(address.toLowerCase());
  }

  async #refresh(address: string): Promise<AccessToken> {
    const entry = this.#vault.get(address);
    if (entry === null) throw reconnect(address, 'no sign-in is stored for it');
    try {
      const grant = await refreshAccessToken(this.#config, entry.refreshToken, this.#now);
      return { accessToken: grant.accessToken, expiresAt: grant.expiresAt };
    } catch (error) {
      if (error instanceof InvalidGrantError)
        throw reconnect(address, 'Google revoked or expired its sign-in');
      throw error;
    }
  }
}

function reconnect(address: string, why: string): BriefError {
  return new BriefError('AUTH_REQUIRED', `Reconnect ${address}: ${why}. Open Accounts and sign in again.`);
}
