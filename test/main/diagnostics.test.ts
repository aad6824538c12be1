import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsFileName, scrubText, writeDiagnostics } from '../../electron/main/diagnostics.ts';

const ACCESS = 'ya29.a0AfB_byC8xkQw9ZrT3mVn4Lp0sYd7Ue2Hj5Kq1Wx6Rt8Nb';
const REFRESH = '1//0gHx3kP9qLm2Zt7Rv5Wn8Yc4Ud6Ef1Gh0Ij3Kl5Mn7Op9Qr';
const CLIENT_SECRET = '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0Sa';
const CODE = '4/0AeanS0b9XyZ12abCDefGHijKLmnOPqrSTuvWXyz0123456789';
const ADDRESSES = ['alice@example.com', 'bob.smith+news@mail.example.co.uk', 'ME@Work.Example.org'];
const HOME = '/home/someone';

describe('diagnostics export', () => {
  it('scrubs addresses, tokens and the home folder out of free text', () => {
    const text = `sync for alice@example.com with Bearer ${ACCESS} and refresh ${REFRESH} at ${HOME}/mail.mbox`;
    const scrubbed = scrubText(text, HOME);
    expect(scrubbed).not.toContain('alice@example.com');
    expect(scrubbed).not.toContain(ACCESS);
    expect(scrubbed).not.toContain(REFRESH);
    expect(scrubbed).not.toContain(HOME);
    expect(scrubbed).toContain('~/mail.mbox');
    expect(scrubbed).toContain('[address]');
  });

  it('writes logs, jobs and cache statistics with no token and no address surviving anywhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-diag-'));
    const mainLogs = join(dir, 'logs', 'main');
    const engineLogs = join(dir, 'logs', 'engine');
    mkdirSync(mainLogs, { recursive: true });
    mkdirSync(engineLogs);
    // The main log rotated once (main.1.log is the older file; number 10 sorts after 2).
    writeFileSync(
      join(mainLogs, 'main.1.log'),
      `${JSON.stringify({ time: 't', level: 'info', message: 'started' })}\n`,
    );
    writeFileSync(
      join(mainLogs, 'main.10.log'),
      [
        JSON.stringify({
          time: 't',
          level: 'info',
          message: `connected ${ADDRESSES[0]}`,
          fields: { refresh_token: REFRESH },
        }),
        JSON.stringify({
          time: 't',
          level: 'warn',
          message: 'token call',
          fields: { detail: `Authorization: Bearer ${ACCESS}` },
        }),
        `a plain line mentioning ${ADDRESSES[1]} and client secret ${CLIENT_SECRET}`,
      ].join('\n'),
    );
    writeFileSync(join(mainLogs, 'notes.txt'), 'not a log file');
    writeFileSync(
      join(engineLogs, 'engine.1.log'),
      `${JSON.stringify({ time: 't', level: 'error', message: 'exchange failed', fields: { code: CODE, from: ADDRESSES[2], url: `https://x/cb?code=${CODE}` } })}\n`,
    );
    const path = writeDiagnostics(join(dir, diagnosticsFileName(Date.parse('2026-05-04T10:00:00Z'))), {
      now: Date.parse('2026-05-04T10:00:00Z'),
      app: { version: '0.1.0', databasePath: `${HOME}/.config/360Brief/brief.db` },
      logFolders: [mainLogs, engineLogs, join(dir, 'logs', 'missing')],
      jobs: {
        jobs: [
          {
            id: 1,
            type: 'import_mail',
            status: 'failed',
            metadata: { paths: [`${HOME}/${ADDRESSES[0]}.mbox`], account: ADDRESSES[2] },
            error: { code: 'AUTH_REQUIRED', message: `Reconnect ${ADDRESSES[2]}: Google revoked it.` },
          },
        ],
        total: 1,
      },
      analyticsCache: { hits: 12, misses: 3, keys: [`1|overview|${ADDRESSES[1]}`] },
      messageCache: { messages: 1200, bytes: 345678 },
      home: HOME,
    });
    expect(path).toMatch(/360brief-diagnostics-2026-05-04T10-00-00-000Z\.json$/);
    const text = readFileSync(path, 'utf8');
    for (const secret of [ACCESS, REFRESH, CLIENT_SECRET, CODE, HOME, ...ADDRESSES])
      expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]/);
    const report = JSON.parse(text);
    expect(report.messageCache).toEqual({ messages: 1200, bytes: 345678 });
    expect(report.analyticsCache.hits).toBe(12);
    expect(report.jobs.jobs[0]).toMatchObject({ id: 1, type: 'import_mail', status: 'failed' });
    expect(report.logs.main).toHaveLength(4);
    expect(report.logs.main[0]).toMatchObject({ message: 'started' });
    expect(report.logs.engine).toHaveLength(1);
    expect(report.logs.missing).toEqual([]);
    expect(report.app.version).toBe('0.1.0');
  });
});
