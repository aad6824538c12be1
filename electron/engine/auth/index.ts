/** Google sign-in for the engine and the CLI: the loopback flow, the token endpoint, a file vault and a refreshing token provider. */
export { FileVault, type RefreshTokenVault, type VaultEntry } from './file-vault.ts';
export {
  type Authorization,
  type LoopbackOptions,
  runLoopbackAuthorization,
} from './loopback-authorization.ts';
export {
  GMAIL_METADATA_SCOPE,
  GOOGLE_AUTHORIZATION_ENDPOINT,
  GOOGLE_TOKEN_ENDPOINT,
  type OAuthClientConfig,
  oauthConfig,
} from './oauth-config.ts';
export { RefreshingTokenProvider } from './refreshing-token-provider.ts';
export { exchangeCode, InvalidGrantError, refreshAccessToken, type TokenGrant } from './token-endpoint.ts';
export type { AccessToken, TokenProvider } from './token-provider.ts';
