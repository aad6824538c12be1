/**
 * What a failed Gmail call means, decided by the error's *reason* (docs/sync.md "Quota,
 * retries, errors"), not by its status alone: a 403 can be a usage limit (back off) or a permission
 * problem (stop), a 429 can name the time to come back.
 */
export type Failure =
  /** Usage limits and concurrency: wait (until `retryAt` when the server said) and try again. */
  | { kind: 'quota'; reason: string; retryAt: number | null }
  /** 5xx, dropped connections, timeouts: back off and try again. */
  | { kind: 'transient'; reason: string }
  /** 401: the access token is no longer accepted. */
  | { kind: 'auth' }
  | { kind: 'notFound' }
  /** Anything else (400, 403 forbidden or insufficient permissions): retrying will not help. */
  | { kind: 'fatal'; status: number; message: string };

interface GoogleErrorBody {
  error?: { code?: number; message?: string; errors?: Array<{ reason?: string; message?: string }> };
}

const USAGE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'dailyLimitExceeded',
  'quotaExceeded',
  'concurrentLimitExceeded',
]);

/** "User-rate limit exceeded.  Retry after 2026-05-01T09:01:00.000Z" → that instant. */
export function retryAtFromMessage(message: string | undefined): number | null {
  const match = message === undefined ? null : /Retry after (\S+)/i.exec(message);
  if (match === null) return null;
  const at = Date.parse(match[1]!.replace(/[.,;]$/, ''));
  return Number.isFinite(at) ? at : null;
}

/** A Retry-After header: delay seconds or an HTTP date. */
export function retryAtFromHeader(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : null;
}

export function classifyResponse(
  status: number,
  body: unknown,
  retryAfterHeader: string | null | undefined,
  now: number,
): Failure {
  const error = (body as GoogleErrorBody | null)?.error;
  const message = error?.message ?? '';
  const reason = error?.errors?.[0]?.reason ?? '';
  const retryAt = retryAtFromHeader(retryAfterHeader, now) ?? retryAtFromMessage(message);
  if (status === 401) return { kind: 'auth' };
  if (status === 404) return { kind: 'notFound' };
  if (status === 429) return { kind: 'quota', reason: reason || 'rateLimitExceeded', retryAt };
  if (status === 403 && USAGE_LIMIT_REASONS.has(reason)) return { kind: 'quota', reason, retryAt };
  if (status >= 500 || status === 408) return { kind: 'transient', reason: reason || `HTTP ${status}` };
  return { kind: 'fatal', status, message: message || `HTTP ${status}` };
}

/** An exception from the HTTP layer: an answered error when it carries a response, else the network. */
export function classifyThrown(error: unknown, now: number): Failure {
  const response = (error as { response?: { status?: number; data?: unknown; headers?: unknown } }).response;
  if (response?.status !== undefined) {
    return classifyResponse(response.status, response.data, headerOf(response.headers, 'retry-after'), now);
  }
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ??
    (error as { code?: unknown }).code;
  return { kind: 'transient', reason: typeof code === 'string' ? code : 'network error' };
}

function headerOf(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  if (typeof headers === 'object' && headers !== null) {
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : null;
  }
  return null;
}
