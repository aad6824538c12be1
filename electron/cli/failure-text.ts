/**
 * A failure as `brief` says it. A BriefError already is a sentence; an error from the system
 * (nothing listening at an address, a port in use, a missing file, a permission refused) is said
 * with its cause, even when it arrives wrapped; only what has no known cause is "something went
 * wrong inside 360Brief", and then the details are in the log.
 */
import { BriefError, type SerializedError, toSerializedError } from '../../shared/errors.ts';

interface SystemError {
  code: string;
  message: string;
  path?: string;
  address?: string;
  port?: number;
  hostname?: string;
  syscall?: string;
}

export interface FailureContext {
  /** The `--endpoint` given on this command line, to name it when nothing answers there. */
  endpoint?: string | undefined;
  /** The folder of the CLI's log, for failures without a known cause. */
  logFolder: string;
}

/** The first error with a system code (ECONNREFUSED, EACCES…) in the error and its causes. */
function systemCause(error: unknown): SystemError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as Partial<SystemError> & { cause?: unknown; errors?: unknown[] };
    if (typeof candidate.code === 'string' && /^E[A-Z]+$/.test(candidate.code))
      return candidate as SystemError;
    // Node's connect tries each address of a name and reports an AggregateError of the attempts.
    current = candidate.cause ?? candidate.errors?.[0];
  }
  return null;
}

function addressOf(cause: SystemError): string {
  if (cause.address === undefined) return cause.hostname ?? 'the address given';
  return cause.port === undefined ? cause.address : `${cause.address}:${cause.port}`;
}

function endpointHint(context: FailureContext): string {
  return context.endpoint === undefined
    ? ''
    : ` (--endpoint ${context.endpoint}): start the server there, such as \`npm run emulator -- --port ${portOf(context.endpoint)}\`, or give --endpoint the address it printed`;
}

function portOf(url: string): string {
  try {
    return new URL(url).port || '8790';
  } catch {
    return '8790';
  }
}

/** The sentence for a system error, or null for a code without one. */
function systemSentence(cause: SystemError, context: FailureContext): SerializedError | null {
  // Some errors carry the path they concern; without one, the person is sent to the paths they gave.
  const at = (text: (path: string) => string, otherwise: string) =>
    cause.path ? text(cause.path) : otherwise;
  switch (cause.code) {
    case 'ECONNREFUSED':
      return {
        code: 'NETWORK',
        message: `Nothing is listening at ${addressOf(cause)}${endpointHint(context) || ': check that the server is running and the address is right'}.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        code: 'NETWORK',
        message: `The host ${cause.hostname ?? addressOf(cause)} could not be found: check the address and your internet connection.`,
      };
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        code: 'NETWORK',
        message: `The connection to ${addressOf(cause)} failed (${cause.code}): check your internet connection and try again.`,
      };
    case 'EADDRINUSE':
      return {
        code: 'CONFLICT',
        message: `Port ${cause.port ?? ''} is already in use on this computer: choose another --port, or leave --port out to take any free port.`,
      };
    case 'EACCES':
    case 'EPERM':
      if (cause.syscall === 'listen' || cause.syscall === 'bind')
        return {
          code: 'VALIDATION',
          message: `Port ${cause.port ?? ''} needs administrator rights on this computer: choose a --port above 1023, or leave --port out.`,
        };
      return {
        code: 'VALIDATION',
        message: at(
          (path) =>
            `Permission denied: 360Brief may not use ${path}. Check who owns it, or choose a file or folder you may use.`,
          'Permission denied: 360Brief may not use a file or folder it was given. Check who owns the paths on the command line (and --db).',
        ),
      };
    case 'ENOENT':
      return {
        code: 'NOT_FOUND',
        message: at(
          (path) => `There is no file or folder at ${path}: check the path and try again.`,
          'A file or folder it was given does not exist: check the paths on the command line (and --db).',
        ),
      };
    case 'EISDIR':
      return {
        code: 'VALIDATION',
        message: at(
          (path) => `${path} is a folder, where a file was expected.`,
          'A folder was given where a file was expected: check the paths on the command line (and --db).',
        ),
      };
    case 'ENOTDIR':
      return {
        code: 'VALIDATION',
        message: at(
          (path) => `Part of ${path} is a file, where a folder was expected.`,
          'A file was given where a folder was expected: check the paths on the command line (and --db).',
        ),
      };
    case 'ENOSPC':
      return { code: 'STORAGE_FULL', message: 'The disk is full: free some space and try again.' };
    case 'EROFS':
      return {
        code: 'VALIDATION',
        message: at(
          (path) => `${path} is on a read-only disk: choose a place 360Brief may write to.`,
          'A path it was given is on a read-only disk: choose a place 360Brief may write to (--db).',
        ),
      };
    default:
      return null;
  }
}

/** fetch refuses some ports outright (they belong to other protocols), before any connection. */
function refusedPort(error: unknown, context: FailureContext): SerializedError | null {
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (!(cause instanceof Error) || cause.message !== 'bad port') return null;
  return {
    code: 'VALIDATION',
    message: `${context.endpoint ? `--endpoint ${context.endpoint}` : 'The address'} uses a port that web clients refuse to connect to (it belongs to another protocol): use a port such as 8790.`,
  };
}

export function describeFailure(error: unknown, context: FailureContext): SerializedError {
  const serialized = toSerializedError(error);
  if (serialized.code !== 'INTERNAL') return serialized;
  const cause = systemCause(error);
  const known = cause ? systemSentence(cause, context) : refusedPort(error, context);
  if (known) return known;
  if (error instanceof BriefError) return serialized;
  return {
    code: 'INTERNAL',
    message: `Something went wrong inside 360Brief. Try again; if it keeps happening, send us the log files in ${context.logFolder}, which hold the details (or run with BRIEF_DEBUG=1 to print them here).`,
  };
}
