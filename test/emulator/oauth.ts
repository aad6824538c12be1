import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';

/** OAuth's error shape (not Google's API envelope), with its HTTP status. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }

  get body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.message };
  }
}

export interface TokenGrant {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  token_type: 'Bearer';
}

export interface AccessTokenInfo {
  user: string;
  scope: string;
}

interface AccessRecord {
  scope: string;
  expiresAt: number;
  revokedAt?: number;
  refreshToken?: string;
}

interface RefreshRecord {
  scope: string;
  revoked: boolean;
}

interface CodeRecord {
  redirectUri: string;
  scope: string;
  challenge?: string;
  challengeMethod?: string;
  offline: boolean;
  expiresAt: number;
}

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  offline: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export interface OAuthOptions {
  clock: Clock;
  user: string;
  clientId: string;
  clientSecret: string;
  /** The advertised lifetime (`expires_in`) of access tokens. */
  accessTokenLifetimeSeconds: number;
  /** Injected expiry: tokens die this many seconds after issue, whatever `expires_in` said. */
  forcedExpirySeconds?: number;
}

const secret = (prefix: string, bytes: number): string =>
  `${prefix}${randomBytes(bytes).toString('base64url')}`;

/** One consenting user, one OAuth client: codes, access and refresh tokens, scopes bound to tokens. */
export class OAuthAuthority {
  readonly options: OAuthOptions;
  readonly #access = new Map<string, AccessRecord>();
  readonly #refresh = new Map<string, RefreshRecord>();
  readonly #codes = new Map<string, CodeRecord>();

  constructor(options: OAuthOptions) {
    this.options = options;
  }

  /** The auto-consent step of the authorization endpoint: returns the code to redirect with. */
  authorize(request: AuthorizationRequest): string {
    if (request.clientId !== this.options.clientId) {
      throw new OAuthError(401, 'invalid_client', 'The OAuth client was not found.');
    }
    if (request.scope.trim() === '')
      throw new OAuthError(400, 'invalid_request', 'Missing required parameter: scope');
    const method = request.codeChallengeMethod ?? (request.codeChallenge === undefined ? undefined : 'plain');
    if (method !== undefined && method !== 'S256' && method !== 'plain') {
      throw new OAuthError(400, 'invalid_request', `Invalid code_challenge_method: ${method}`);
    }
    const code = secret('4/0A', 36);
    this.#codes.set(code, {
      redirectUri: request.redirectUri,
      scope: request.scope.trim().split(/\s+/).join(' '),
      offline: request.offline,
      expiresAt: this.options.clock.now() + 10 * 60_000,
      ...(request.codeChallenge === undefined
        ? {}
        : { challenge: request.codeChallenge, challengeMethod: method }),
    });
    return code;
  }

  /** The token endpoint, form fields as sent. */
  exchange(form: URLSearchParams, basicAuth?: { id: string; secret: string }): TokenGrant {
    const grantType = form.get('grant_type');
    if (grantType === null || grantType === '') {
      throw new OAuthError(400, 'unsupported_grant_type', 'Invalid grant_type: ');
    }
    this.#checkClient(basicAuth?.id ?? form.get('client_id'), basicAuth?.secret ?? form.get('client_secret'));
    if (grantType === 'authorization_code') return this.#redeemCode(form);
    if (grantType === 'refresh_token') return this.#redeemRefreshToken(form.get('refresh_token'));
    throw new OAuthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
  }

  /** Mints a grant directly (the emulator's starting tokens, and tests wanting another scope). */
  issue(scope: string, withRefreshToken: boolean): TokenGrant {
    const refreshToken = withRefreshToken ? secret('1//0g', 48) : undefined;
    if (refreshToken !== undefined) this.#refresh.set(refreshToken, { scope, revoked: false });
    return this.#grant(scope, refreshToken);
  }

  revoke(token: string): void {
    const now = this.options.clock.now();
    const access = this.#access.get(token);
    const refreshToken = access?.refreshToken ?? (this.#refresh.has(token) ? token : undefined);
    if (access === undefined && refreshToken === undefined) {
      throw new OAuthError(400, 'invalid_token', 'Token expired or revoked');
    }
    if (access !== undefined) access.revokedAt = now;
    if (refreshToken !== undefined) {
      this.#refresh.get(refreshToken)!.revoked = true;
      for (const record of this.#access.values())
        if (record.refreshToken === refreshToken) record.revokedAt ??= now;
    }
  }

  /** The token's grant when it is live; undefined when unknown, expired or revoked. */
  validate(token: string): AccessTokenInfo | undefined {
    const record = this.#access.get(token);
    if (record === undefined || record.revokedAt !== undefined) return undefined;
    if (this.options.clock.now() >= record.expiresAt) return undefined;
    return { user: this.options.user, scope: record.scope };
  }

  #checkClient(clientId: string | null, clientSecret: string | null): void {
    if (clientId !== this.options.clientId)
      throw new OAuthError(401, 'invalid_client', 'The OAuth client was not found.');
    if (clientSecret !== this.options.clientSecret)
      throw new OAuthError(401, 'invalid_client', 'Unauthorized');
  }

  #redeemCode(form: URLSearchParams): TokenGrant {
    const code = form.get('code');
    if (code === null || code === '')
      throw new OAuthError(400, 'invalid_request', 'Missing required parameter: code');
    const record = this.#codes.get(code);
    if (record === undefined || this.options.clock.now() >= record.expiresAt) {
      throw new OAuthError(400, 'invalid_grant', 'Malformed auth code.');
    }
    if (form.get('redirect_uri') !== record.redirectUri) {
      throw new OAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
    }
    if (record.challenge !== undefined) {
      const verifier = form.get('code_verifier');
      if (verifier === null || verifier === '') {
        throw new OAuthError(400, 'invalid_request', 'Missing code verifier.');
      }
      const expected =
        record.challengeMethod === 'S256'
          ? createHash('sha256').update(verifier).digest('base64url')
          : verifier;
      if (expected !== record.challenge) throw new OAuthError(400, 'invalid_grant', 'Invalid code verifier.');
    }
    this.#codes.delete(code);
    return this.issue(record.scope, record.offline);
  }

  #redeemRefreshToken(refreshToken: string | null): TokenGrant {
    if (refreshToken === null || refreshToken === '') {
      throw new OAuthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
    }
    const record = this.#refresh.get(refreshToken);
    if (record === undefined || record.revoked) {
      throw new OAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
    }
    const grant = this.#grant(record.scope, refreshToken);
    delete grant.refresh_token;
    return grant;
  }

  #grant(scope: string, refreshToken: string | undefined): TokenGrant {
    const accessToken = secret('ya29.a0', 96);
    const lifetime = this.options.accessTokenLifetimeSeconds;
    const dies = Math.min(lifetime, this.options.forcedExpirySeconds ?? lifetime);
    const record: AccessRecord = { scope, expiresAt: this.options.clock.now() + dies * 1000 };
    if (refreshToken !== undefined) record.refreshToken = refreshToken;
    this.#access.set(accessToken, record);
    const grant: TokenGrant = {
      access_token: accessToken,
      expires_in: lifetime,
      scope,
      token_type: 'Bearer',
    };
    if (refreshToken !== undefined) grant.refresh_token = refreshToken;
    return grant;
  }
}
