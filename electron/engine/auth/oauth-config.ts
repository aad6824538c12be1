/**
 * Where OAuth happens and as which client: Google's endpoints by default, replaceable so the
 * emulator can stand in; the installed-app client id and secret from settings or the environment
 * (`BRIEF_GOOGLE_CLIENT_ID`, `BRIEF_GOOGLE_CLIENT_SECRET`).
 */
import { BriefError } from '../../../shared/errors.ts';

export const GMAIL_METADATA_SCOPE = 'https://www.googleapis.com/auth/gmail.metadata';
export const GOOGLE_AUTHORIZATION_ENDPOINT = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_ENDPOINT = 'https://oauth2.googleapis.com/token';

export interface OAuthClientConfig {
  clientId: string;
  /** Installed apps have a secret Google does not treat as confidential; PKCE protects the code. */
  clientSecret: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

export function oauthConfig(
  given: Partial<OAuthClientConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): OAuthClientConfig {
  const clientId = given.clientId ?? env.BRIEF_GOOGLE_CLIENT_ID ?? '';
  const clientSecret = given.clientSecret ?? env.BRIEF_GOOGLE_CLIENT_SECRET ?? '';
  if (clientId === '') {
    throw new BriefError(
      'VALIDATION',
      'No Google OAuth client is configured: give `brief connect` your client with --client-id and --client-secret (it remembers them), or set BRIEF_GOOGLE_CLIENT_ID and BRIEF_GOOGLE_CLIENT_SECRET, and try again.',
    );
  }
  return {
    clientId,
    clientSecret,
    authorizationEndpoint:
      given.authorizationEndpoint ?? env.BRIEF_OAUTH_AUTHORIZATION_URL ?? GOOGLE_AUTHORIZATION_ENDPOINT,
    tokenEndpoint: given.tokenEndpoint ?? env.BRIEF_OAUTH_TOKEN_URL ?? GOOGLE_TOKEN_ENDPOINT,
  };
}
