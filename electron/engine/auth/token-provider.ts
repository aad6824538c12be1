/**
 * How the engine gets short-lived Gmail access tokens without ever holding a refresh token: in the
 * app the main thread's vault answers over the worker channel; in the CLI a file vault readable
 * only by the user does (docs/shell.md "Tokens").
 */
export interface AccessToken {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface TokenProvider {
  /** A valid access token for the account; `forceRefresh` after Gmail answered 401 once. Throws BriefError AUTH_REQUIRED when the user must reconnect. */
  getAccessToken(
    account: { id: number; address: string },
    options?: { forceRefresh?: boolean },
  ): Promise<AccessToken>;
}
