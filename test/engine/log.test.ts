/** The log: secrets and mail content never written, error codes kept, the file the user's alone. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, redact } from '../../electron/engine/log.ts';
import { tempFolder } from './helpers.ts';

describe('redact', () => {
  it('keeps error codes (SQLite, Node, ours, HTTP statuses), also on errors, and removes authorization codes', () => {
    const sqlite = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(
      redact({
        code: 'SQLITE_BUSY_SNAPSHOT',
        error: { code: 'CONFLICT', message: 'x' },
        status: { code: 429 },
        cause: sqlite,
        oauth: { code: '4/0AX4XfWhTheAuthorizationCodeItself' },
        refresh_token: '1//abc',
      }),
    ).toEqual({
      code: 'SQLITE_BUSY_SNAPSHOT',
      error: { code: 'CONFLICT', message: 'x' },
      status: { code: 429 },
      cause: { name: 'Error', code: 'SQLITE_BUSY', message: 'database is locked' },
      oauth: { code: '[redacted]' },
      refresh_token: '[redacted]',
    });
  });
});

describe('createFileLogger', () => {
  it('creates nothing until it logs, then logs/ 0700 and the file 0600', () => {
    const folder = tempFolder();
    const path = join(folder, 'logs', 'cli.log');
    const logger = createFileLogger({ path });
    expect(existsSync(join(folder, 'logs'))).toBe(false);
    logger.warn('job attempt failed', { code: 'NETWORK' });
    expect(statSync(join(folder, 'logs')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ fields: { code: 'NETWORK' } });
  });
});
