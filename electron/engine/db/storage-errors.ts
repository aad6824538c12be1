import { BriefError } from '../../../shared/errors.ts';

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isConstraintError(error: unknown, kind: 'UNIQUE' | 'FOREIGNKEY' | 'CHECK'): boolean {
  return sqliteCode(error) === `SQLITE_CONSTRAINT_${kind}`;
}

/**
 * Turns the SQLite failures a person can do something about into typed errors; anything else is
 * returned unchanged so constraint errors stay visible to the service that understands them.
 */
export function translateStorageError(error: unknown, path: string): unknown {
  const code = sqliteCode(error);
  if (code === null || error instanceof BriefError) return error;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new BriefError(
      'CORRUPT_STORE',
      `The 360Brief database at ${path} is damaged. Move the file aside and start 360Brief again; your mail will be synced again.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_FULL') {
    return new BriefError(
      'STORAGE_FULL',
      'The disk holding the 360Brief database is full. Free some space and try again.',
      { cause: error },
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM')
  ) {
    return new BriefError(
      'INTERNAL',
      `360Brief cannot write its database at ${path}. Check that the folder exists and that you may write to it.`,
      { cause: error },
    );
  }
  return error;
}
