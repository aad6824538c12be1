/**
 * Failures with a known cause are said with that cause, never as "something went wrong inside
 * 360Brief": nothing listening at --endpoint, a busy --port, a missing file, a permission refused.
 * Only a failure without a known cause is, and then the details are in the log it names.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../electron/cli/failure-text.ts';
import { BriefError } from '../../shared/errors.ts';
import { seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { startEmulator } from '../emulator/server.ts';
import { runCli } from './run-cli.ts';

let folder: string;
let db: string[];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'brief-failures-'));
  db = ['--db', join(folder, 'brief.db')];
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

const context = { logFolder: '/data/logs/cli' };

describe('a failure with a known cause says the cause', () => {
  it('nothing listening at --endpoint', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    const port = await listen(probe);
    await close(probe);
    const endpoint = `http://127.0.0.1:${port}`;
    const run = await runCli([
      'connect',
      '--endpoint',
      endpoint,
      '--client-id',
      'client.apps.example',
      '--client-secret',
      'secret',
      ...db,
    ]);
    expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({
      code: 1,
      stderr: `brief: Nothing is listening at 127.0.0.1:${port} (--endpoint ${endpoint}): start the server there, such as \`npm run emulator -- --port ${port}\`, or give --endpoint the address it printed.\n`,
      stdout: '',
    });
  });

  it('nothing listening where `brief connect --endpoint` pointed, when brief sync signs in', async () => {
    const emulator = await startEmulator({ messages: seedFromSynthetic({ seed: 3, messages: 20 }), seed: 3 });
    const syncDb = ['--db', join(folder, 'sync.db')];
    const options = ['--endpoint', emulator.url, '--client-id', emulator.clientId];
    const connected = await runCli([
      'connect',
      ...syncDb,
      ...options,
      '--client-secret',
      emulator.clientSecret,
    ]);
    expect(connected.code, connected.stderr).toBe(0);
    await emulator.close();
    const run = await runCli(['sync', ...syncDb]);
    expect(run.code).toBe(1);
    const host = new URL(emulator.url).host;
    expect(run.stderr.replace(/^[█░].*\n/gm, '')).toMatch(
      new RegExp(
        `^brief: Google sign-in could not be reached: nothing is listening at ${host}\\. Check your connection \\(or that the server there runs\\) and try again\\. \\(job \\d+; retry with \`brief jobs retry \\d+\`\\)\\n$`,
      ),
    );
  });

  it('a busy --port', async () => {
    const other = createServer();
    const port = await listen(other);
    try {
      const run = await runCli(['serve', '--port', String(port), ...db]);
      expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({
        code: 1,
        stderr: `brief: Port ${port} is already in use on this computer: choose another --port, or leave --port out to take any free port.\n`,
        stdout: '',
      });
    } finally {
      await close(other);
    }
  });

  it('a missing file', () => {
    let missing: unknown;
    try {
      readFileSync(join(folder, 'nope.json'));
    } catch (error) {
      missing = error;
    }
    expect(describeFailure(missing, context)).toEqual({
      code: 'NOT_FOUND',
      message: `There is no file or folder at ${join(folder, 'nope.json')}: check the path and try again.`,
    });
  });

  it('a permission denied, also when wrapped in an error of ours', () => {
    // The shape Node gives a refused open (this suite may run as root, where none is refused).
    const denied = Object.assign(new Error("EACCES: permission denied, open '/srv/mail/inbox.mbox'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/srv/mail/inbox.mbox',
    });
    const expected = {
      code: 'VALIDATION',
      message:
        'Permission denied: 360Brief may not use /srv/mail/inbox.mbox. Check who owns it, or choose a file or folder you may use.',
    };
    expect(describeFailure(denied, context)).toEqual(expected);
    const wrapped = new BriefError('INTERNAL', '360Brief could not prepare its database.', { cause: denied });
    expect(describeFailure(wrapped, context)).toEqual(expected);
  });

  it('a port web clients refuse to connect to', async () => {
    const run = await runCli([
      'connect',
      '--endpoint',
      'http://127.0.0.1:1',
      '--client-id',
      'client.apps.example',
      '--client-secret',
      'secret',
      ...db,
    ]);
    expect(run.stderr).toBe(
      'brief: --endpoint http://127.0.0.1:1 uses a port that web clients refuse to connect to (it belongs to another protocol): use a port such as 8790.\n',
    );
    expect(run.code).toBe(2);
  });
});

describe('a failure without a known cause', () => {
  it('points to the log that holds its details', () => {
    expect(describeFailure(new TypeError('x is not a function'), context)).toEqual({
      code: 'INTERNAL',
      message:
        'Something went wrong inside 360Brief. Try again; if it keeps happening, send us the log files in /data/logs/cli, which hold the details (or run with BRIEF_DEBUG=1 to print them here).',
    });
  });

  it('keeps a sentence of ours as it is', () => {
    const ours = new BriefError('NETWORK', 'Gmail could not be reached reliably; the sync will resume.');
    expect(describeFailure(ours, context)).toEqual(ours.toJSON());
  });
});
