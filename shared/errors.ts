/** Error codes both sides use (docs/architecture.md "The call path"). */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'AUTH_REQUIRED',
  'RATE_LIMITED',
  'NETWORK',
  'STORAGE_FULL',
  'CORRUPT_STORE',
  'CANCELLED',
  'UNSUPPORTED_INPUT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Whether work that failed with the code is worth another attempt by itself (the job queue retries
 * it with backoff). Not where it needs the person — reconnecting (AUTH_REQUIRED), other input
 * (UNSUPPORTED_INPUT), disk space (STORAGE_FULL) — or where they stopped it (CANCELLED). Every code
 * says, so a new code cannot be added without deciding.
 */
const RETRYABLE: Readonly<Record<ErrorCode, boolean>> = {
  VALIDATION: true,
  NOT_FOUND: true,
  CONFLICT: true,
  AUTH_REQUIRED: false,
  RATE_LIMITED: true,
  NETWORK: true,
  STORAGE_FULL: false,
  CORRUPT_STORE: true,
  CANCELLED: false,
  UNSUPPORTED_INPUT: false,
  INTERNAL: true,
};

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE[code];
}

/** What crosses every boundary instead of a stack trace: a code and a sentence a person can act on. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
}

export class BriefError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BriefError';
    this.code = code;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into the serialized form; unknown errors become INTERNAL without their stack. */
export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof BriefError) return error.toJSON();
  if (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return { code: (error as SerializedError).code, message: (error as SerializedError).message };
  }
  return {
    code: 'INTERNAL',
    message:
      "Something went wrong inside 360Brief. Try again; if it keeps happening, send us the files in the logs folder beside 360Brief's database.",
  };
}

export function fromSerializedError(error: SerializedError): BriefError {
  return new BriefError(error.code, error.message);
}
