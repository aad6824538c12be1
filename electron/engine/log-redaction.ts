/**
 * What a log record may not carry, by path: secrets (tokens, client secrets, OAuth codes) are
 * replaced, mail content and correspondents (subject, addresses, …) are logged as their length.
 * pino applies these paths as it writes (`redact`) at the top of a record's fields; below the top
 * (`{ account: { address } }`, `{ error: { cause: { token } } }`) the same keys are censored the
 * same way while `plainFields` walks the record, because pino's wildcard paths (`*.address`)
 * cost about ten times a whole record each (docs/logging.md). Free text is scrubbed of token
 * shapes too, since an error message may quote a header.
 */

/** Keys whose value is a secret. `code` is one too, unless it is an error code (see `censor`). */
const SECRET_KEYS = [
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'secret',
  'clientSecret',
  'client_secret',
  'authorization',
  'Authorization',
  'password',
  'cookie',
  'codeVerifier',
  'code_verifier',
  'code',
] as const;

/** Keys whose value would show mail content or a correspondent. */
const CONTENT_KEYS = [
  'subject',
  'body',
  'snippet',
  'raw',
  'headers',
  'from',
  'to',
  'cc',
  'bcc',
  'address',
  'addresses',
] as const;

const CONTENT = new Set<string>(CONTENT_KEYS);

/** pino's `redact.paths`: every key above, at the top of a record's fields. */
export const REDACTED_PATHS: string[] = [...SECRET_KEYS, ...CONTENT_KEYS];
const REDACTED = new Set<string>(REDACTED_PATHS);

/**
 * A `code` field holds an OAuth authorization code (mixed case, with `/`), or an error code that
 * says what went wrong (`SQLITE_BUSY`, `ENOENT`, `CONFLICT`, an HTTP status): those are kept.
 */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

export function isErrorCode(value: unknown): boolean {
  return (
    (typeof value === 'number' && Number.isInteger(value)) ||
    (typeof value === 'string' && ERROR_CODE.test(value))
  );
}

/** pino's `redact.censor`: what a redacted path is written as. */
export function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? '';
  if (key === 'code' && isErrorCode(value)) return value;
  if (CONTENT.has(key)) return `[${typeof value === 'string' ? value.length : 'content'} omitted]`;
  return '[redacted]';
}

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const TOKENISH = /\b(ya29\.|1\/\/)[A-Za-z0-9._~+/=-]+/g;

/** Access and refresh tokens quoted inside free text. */
export function scrubTokens(text: string): string {
  return text.replace(BEARER, '$1[redacted]').replace(TOKENISH, '[redacted]');
}

/**
 * A record's fields made plain before pino writes them: errors become their name, error code and
 * scrubbed message (never a stack's arguments or a response body), strings lose token shapes,
 * long arrays are cut and deep nesting stops; below the top, the keys of `REDACTED_PATHS` are
 * censored (pino censors the top).
 */
export function plainFields(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return scrubTokens(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => plainFields(item, depth + 1));
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return { name: value.name, ...(isErrorCode(code) ? { code } : {}), message: scrubTokens(value.message) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      out[key] = depth > 0 && REDACTED.has(key) ? censor(inner, [key]) : plainFields(inner, depth + 1);
    return out;
  }
  return value;
}

const SECRET_KEY = /token|secret|authorization|password|cookie|code_verifier|refresh|bearer|^code$/i;
const CONTENT_KEY = new RegExp(`^(${CONTENT_KEYS.join('|')})$`, 'i');

/**
 * Redaction by key name at any depth, for JSON whose shape is not known in advance: what
 * "Export diagnostics" reads back (log lines of any version, the job history).
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return scrubTokens(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  if (value instanceof Error) return plainFields(value, depth);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key.toLowerCase() === 'code' && isErrorCode(inner)) out[key] = inner;
      else if (SECRET_KEY.test(key)) out[key] = '[redacted]';
      else if (CONTENT_KEY.test(key)) out[key] = censor(inner, [key.toLowerCase()]);
      else out[key] = redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}
