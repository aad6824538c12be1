/**
 * The log: secrets and mail content never written (redacted by path), error codes kept, the
 * folder and files the user's alone, files rotated at their size.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, type LogRecord, redact } from '../../electron/engine/log.ts';
import { tempFolder } from './helpers.ts';

/** The log's files, oldest first, and their records. */
function logFiles(folder: string): { name: string; bytes: number; records: LogRecord[] }[] {
  return readdirSync(folder)
    .map((name) => ({ name, number: Number(/\.(\d+)\.log$/.exec(name)?.[1]) }))
    .sort((a, b) => a.number - b.number)
    .map(({ name }) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const records = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogRecord);
      return { name, bytes: Buffer.byteLength(text), records };
    });
}

describe('redact (what Export diagnostics reads back)', () => {
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
  it('creates nothing until it logs, then its folders 0700 and the file 0600', async () => {
    const folder = tempFolder();
    const logs = join(folder, 'logs', 'cli');
    const logger = createFileLogger({ folder: logs });
    expect(existsSync(join(folder, 'logs'))).toBe(false);
    logger.warn('job attempt failed', { code: 'NETWORK' });
    await logger.close();
    expect(statSync(join(folder, 'logs')).mode & 0o777).toBe(0o700);
    expect(statSync(logs).mode & 0o777).toBe(0o700);
    const [file] = logFiles(logs);
    expect(file?.name).toBe('cli.1.log');
    expect(statSync(join(logs, 'cli.1.log')).mode & 0o777).toBe(0o600);
    expect(file?.records).toEqual([
      { level: 'warn', time: expect.any(String), message: 'job attempt failed', fields: { code: 'NETWORK' } },
    ]);
  });

  it('redacts by path: secrets and content at the top (pino) and below it, error codes kept, tokens cut out of text', async () => {
    const logs = join(tempFolder(), 'engine');
    const logger = createFileLogger({ folder: logs, clock: () => Date.UTC(2026, 0, 2) });
    const failure = Object.assign(new Error('refresh failed: Bearer ya29.A0secretAccessToken'), {
      code: 'AUTH_REQUIRED',
      config: { headers: { authorization: 'Bearer ya29.A0secretAccessToken' } },
    });
    logger.error('sync failed for 1//0gRefreshTokenInAMessage', {
      code: 'NETWORK',
      accessToken: 'ya29.A0secretAccessToken',
      account: { id: 3, address: 'ann@example.com', refresh_token: '1//0gRefreshToken' },
      message: { cause: { subject: 'Quarterly numbers', to: ['bob@example.com'] }, gmailId: '18c2' },
      oauth: { code: '4/0AX4XfWhTheAuthorizationCode' },
      deep: { a: { b: { refreshToken: '1//0gDeepRefreshToken', jobs: [{ snippet: 'See you' }] } } },
      error: failure,
    });
    await logger.close();

    const text = readFileSync(join(logs, 'engine.1.log'), 'utf8');
    for (const secret of ['ya29.', '1//0g', 'ann@example.com', 'bob@example.com', 'Quarterly', '4/0AX4'])
      expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toEqual({
      level: 'error',
      time: '2026-01-02T00:00:00.000Z',
      message: 'sync failed for [redacted]',
      fields: {
        code: 'NETWORK',
        accessToken: '[redacted]',
        account: { id: 3, address: '[15 omitted]', refresh_token: '[redacted]' },
        message: { cause: { subject: '[17 omitted]', to: '[content omitted]' }, gmailId: '18c2' },
        oauth: { code: '[redacted]' },
        deep: { a: { b: { refreshToken: '[redacted]', jobs: [{ snippet: '[7 omitted]' }] } } },
        error: { name: 'Error', code: 'AUTH_REQUIRED', message: 'refresh failed: Bearer [redacted]' },
      },
    });
  });

  it('leaves records under the level out', async () => {
    const logs = join(tempFolder(), 'main');
    const logger = createFileLogger({ folder: logs, level: 'warn' });
    logger.info('scheduled sync');
    logger.warn('update check failed');
    await logger.close();
    expect(logFiles(logs).flatMap((file) => file.records.map((record) => record.message))).toEqual([
      'update check failed',
    ]);
  });

  it('rotates at its size: each full file stops at the first record past it, the next number goes on, order kept', async () => {
    const logs = join(tempFolder(), 'engine');
    const maxBytes = 2000;
    const logger = createFileLogger({ folder: logs, maxBytes, keep: 100 });
    // One record at a time, each written before the next: the app logs a record now and then, and
    // a file is checked against its size after each write (a burst is written, and counted, at once).
    for (let index = 0; index < 60; index++) {
      logger.info('job progress', { jobId: 7, index });
      await logger.flush();
    }
    await logger.close();

    const files = logFiles(logs);
    expect(files.map((file) => file.name)).toEqual(files.map((_, index) => `engine.${index + 1}.log`));
    expect(files.length).toBeGreaterThan(2);
    const lineBytes = Math.max(
      ...files.flatMap((file) => file.records.map((r) => JSON.stringify(r).length + 1)),
    );
    for (const full of files.slice(0, -1)) {
      expect(full.bytes).toBeGreaterThanOrEqual(maxBytes);
      expect(full.bytes).toBeLessThan(maxBytes + lineBytes);
    }
    expect(files.at(-1)!.bytes).toBeLessThan(maxBytes);
    expect(files.flatMap((file) => file.records.map((record) => record.fields?.index))).toEqual(
      Array.from({ length: 60 }, (_, index) => index),
    );

    // The next start writes on in the newest file.
    const again = createFileLogger({ folder: logs, maxBytes, keep: 100 });
    again.info('engine started');
    await again.close();
    expect(logFiles(logs).at(-1)?.records.at(-1)?.message).toBe('engine started');
    expect(logFiles(logs)).toHaveLength(files.length);
  });
});
