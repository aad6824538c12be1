/**
 * The engine's TokenProvider in the app: the worker asks the main thread for a short-lived access
 * token, and this answers it by refreshing the vault's refresh token at the token endpoint. Access
 * tokens stay in memory, are reused until a minute before they expire, and one refresh serves
 * every concurrent request for the same account.
 */
import { BriefError } from '../../shared/errors.ts';
import type { AccessToken, TokenProvider } from '../engine/index.ts';
import type { GoogleClientConfig } from './google-oauth-client.ts';
import { type Fetch, postTokenForm } from './token-endpoint.ts';
import type { TokenVault } from './vault.ts';

const EARLY_RENEWAL_MS = 60_000;

export interface VaultTokenProviderOptions {
  vault: TokenVault;
  /** Null when no OAuth client is configured: every request then asks for setup. */
  client: GoogleClientConfig | null;
  fetch?: Fetch;
  clock?: () => number;
}

export interface VaultTokenProvider extends TokenProvider {
  /** Drops the cached access token (after "Forget account" or a reconnect). */
  evict(address: string): void;
}

export function createVaultTokenProvider(options: VaultTokenProviderOptions): VaultTokenProvider {
  const clock = options.clock ?? Date.now;
  const cached = new Map<string, AccessToken>();
  const inFlight = new Map<string, Promise<AccessToken>>();

  const refresh = async (address: string): Promise<AccessToken> => {
    const client = options.client;
    if (!client) {
      throw new BriefError(
        'AUTH_REQUIRED',
        'No Google OAuth client is configured on this device. Set it up (docs/shell.md) and reconnect the account.',
      );
    }
    const grant = options.vault.get(address);
    if (!grant) {
      throw new BriefError(
        'AUTH_REQUIRED',
        `${address} is not connected on this device. Connect it again from Settings.`,
      );
    }
    const answer = await postTokenForm(
      client.endpoints.tokenUrl,
      {
        grant_type: 'refresh_token',
        refresh_token: grant.refreshToken,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      },
      options.fetch,
    );
    // Google may rotate the refresh token; keep the newest.
    if (answer.refresh_token && answer.refresh_token !== grant.refreshToken) {
      options.vault.set(address, { refreshToken: answer.refresh_token, scope: answer.scope ?? grant.scope });
    }
    const token = { accessToken: answer.access_token, expiresAt: clock() + answer.expires_in * 1000 };
    cached.set(address, token);
    return token;
  };

  return {
    async getAccessToken(account, requestOptions) {
      const address = account.address.toLowerCase();
      const current = cached.get(address);
      if (!requestOptions?.forceRefresh && current && current.expiresAt - EARLY_RENEWAL_MS > clock())
        return current;
      const pending = inFlight.get(address);
      if (pending) return pending;
      const started = refresh(address).finally(() => inFlight.delete(address));
      inFlight.set(address, started);
      return started;
    },
    evict(address) {
      cached.delete(address.toLowerCase());
    },
  };
}
