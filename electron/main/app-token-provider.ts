/**
 * The token provider main gives the engine worker: the engine's refreshing provider over the
 * encrypted vault, or, when no OAuth client is configured, one that answers every request with
 * what to set up (the account then shows "needs reconnect" instead of failing obscurely).
 */
import { RefreshingTokenProvider, type RefreshTokenVault, type TokenProvider } from '../engine/index.ts';
import { type GoogleClient, missingClientError } from './google-oauth-client.ts';

export interface AppTokenProvider extends TokenProvider {
  /** Drops the cached access token (after "Forget account" or a reconnect). */
  forget(address: string): void;
}

export function createAppTokenProvider(
  vault: RefreshTokenVault,
  client: GoogleClient | null,
  now: () => number = Date.now,
): AppTokenProvider {
  if (client) return new RefreshingTokenProvider(vault, client.oauth, now);
  return {
    getAccessToken: () => Promise.reject(missingClientError()),
    // Nothing is ever cached without a client.
    forget: () => undefined,
  };
}
