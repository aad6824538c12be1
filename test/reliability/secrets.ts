/**
 * The secrets an emulator issues during a test, recorded as it issues them (authorization codes,
 * access and refresh tokens, the client secret), and a search for them in files and values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../emulator/server.ts';

export interface IssuedSecrets {
  codes: Set<string>;
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
  clientSecret: string;
  /** Every secret with a name saying what it is. */
  all(): Array<{ kind: string; value: string }>;
}

/** Wraps the emulator's authority so every code and token it hands out is remembered. */
export function recordIssuedSecrets(emulator: RunningEmulator): IssuedSecrets {
  const issued: IssuedSecrets = {
    codes: new Set(),
    accessTokens: new Set([emulator.accessToken]),
    refreshTokens: new Set([emulator.refreshToken]),
    clientSecret: emulator.clientSecret,
    all() {
      return [
        ...[...issued.codes].map((value) => ({ kind: 'authorization code', value })),
        ...[...issued.accessTokens].map((value) => ({ kind: 'access token', value })),
        ...[...issued.refreshTokens].map((value) => ({ kind: 'refresh token', value })),
        { kind: 'client secret', value: issued.clientSecret },
      ];
    },
  };
  const { oauth } = emulator;
  const authorize = oauth.authorize.bind(oauth);
  const exchange = oauth.exchange.bind(oauth);
  oauth.authorize = (request) => {
    const code = authorize(request);
    issued.codes.add(code);
    return code;
  };
  oauth.exchange = (form, basicAuth) => {
    const grant = exchange(form, basicAuth);
    issued.accessTokens.add(grant.access_token);
    if (grant.refresh_token !== undefined) issued.refreshTokens.add(grant.refresh_token);
    return grant;
  };
  return issued;
}

export function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Which secrets occur in the bytes of a file (as UTF-8 or UTF-16, the encodings SQLite stores text in). */
export function secretsInFile(path: string, secrets: IssuedSecrets): string[] {
  const bytes = readFileSync(path);
  return secrets
    .all()
    .filter(
      ({ value }) =>
        bytes.includes(Buffer.from(value, 'utf8')) || bytes.includes(Buffer.from(value, 'utf16le')),
    )
    .map(({ kind }) => kind);
}

/** Which secrets occur anywhere in a value once written out as JSON. */
export function secretsInValue(value: unknown, secrets: IssuedSecrets): string[] {
  const text = JSON.stringify(value) ?? '';
  return secrets
    .all()
    .filter((secret) => text.includes(secret.value))
    .map(({ kind }) => kind);
}
