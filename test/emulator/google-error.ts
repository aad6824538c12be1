/**
 * Gmail API errors in Google's envelope, with the status words, domains and reasons Google sends
 * (docs/emulator.md "What it answers").
 */
export interface GoogleErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface GoogleErrorBody {
  error: { code: number; message: string; errors: GoogleErrorItem[]; status: string };
}

/** A refused or failed call; `kind` names it in the emulator's counters. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: GoogleErrorBody;
  readonly kind: string;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    statusWord: string,
    item: GoogleErrorItem,
    headers: Record<string, string> = {},
  ) {
    super(item.message);
    this.status = status;
    this.kind = `${status} ${item.reason}`;
    this.headers = headers;
    this.body = { error: { code: status, message: item.message, errors: [item], status: statusWord } };
  }

  /** Google's top-level message is sometimes longer than the one inside `errors`. */
  withTopMessage(message: string): this {
    this.body.error.message = message;
    return this;
  }
}

export function invalidArgument(message: string): ApiError {
  return new ApiError(400, 'INVALID_ARGUMENT', { message, domain: 'global', reason: 'invalidArgument' });
}

export function unauthenticated(): ApiError {
  return new ApiError(
    401,
    'UNAUTHENTICATED',
    {
      message: 'Invalid Credentials',
      domain: 'global',
      reason: 'authError',
      location: 'Authorization',
      locationType: 'header',
    },
    { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  ).withTopMessage(
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  );
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, 'PERMISSION_DENIED', { message, domain: 'global', reason: 'forbidden' });
}

export function insufficientPermissions(): ApiError {
  return new ApiError(403, 'PERMISSION_DENIED', {
    message: 'Insufficient Permission',
    domain: 'global',
    reason: 'insufficientPermissions',
  }).withTopMessage('Request had insufficient authentication scopes.');
}

export function notFound(message = 'Requested entity was not found.'): ApiError {
  return new ApiError(404, 'NOT_FOUND', { message, domain: 'global', reason: 'notFound' });
}

export function userRateLimit429(retryAt: number): ApiError {
  const message = `User-rate limit exceeded.  Retry after ${new Date(retryAt).toISOString()}`;
  return new ApiError(429, 'RESOURCE_EXHAUSTED', {
    message,
    domain: 'usageLimits',
    reason: 'rateLimitExceeded',
  });
}

export function concurrent429(): ApiError {
  return new ApiError(429, 'RESOURCE_EXHAUSTED', {
    message: 'Too many concurrent requests for user',
    domain: 'usageLimits',
    reason: 'rateLimitExceeded',
  });
}

export function usageLimit403(
  reason: 'userRateLimitExceeded' | 'rateLimitExceeded' | 'dailyLimitExceeded' | 'quotaExceeded',
): ApiError {
  const messages = {
    userRateLimitExceeded: 'User Rate Limit Exceeded',
    rateLimitExceeded: 'Rate Limit Exceeded',
    dailyLimitExceeded: 'Daily Limit Exceeded',
    quotaExceeded:
      "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com'.",
  };
  return new ApiError(403, 'PERMISSION_DENIED', { message: messages[reason], domain: 'usageLimits', reason });
}

export function backendError(): ApiError {
  return new ApiError(500, 'INTERNAL', {
    message: 'Backend Error',
    domain: 'global',
    reason: 'backendError',
  });
}

export function unavailable(): ApiError {
  return new ApiError(503, 'UNAVAILABLE', {
    message: 'The service is currently unavailable.',
    domain: 'global',
    reason: 'backendError',
  });
}
