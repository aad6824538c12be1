/**
 * Where the app's engine worker syncs Gmail from: the endpoint main hands it in the worker's start
 * data, never BRIEF_GMAIL_ROOT_URL read by the engine itself (a packaged app drops that variable
 * before it reaches the worker, see shell-environment.ts). Two emulators over real HTTP: the one
 * named in the environment is a trap that must see no call; the one main names holds the mail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { RefreshingTokenProvider } from '../../electron/engine/auth/refreshing-token-provider.ts';
import { startWorkerHost, type WorkerHost } from '../../electron/engine/worker-host.ts';
import type { Events } from '../../shared/contract.ts';
import { seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';

const ENGINE_WORKER = new URL('../../electron/engine/worker.ts', import.meta.url);
const ADDRESS = 'owner@example.com';
const SEEDED = [...seedFromSynthetic({ seed: 13, messages: 40 })];
// A sync leaves spam and trash out (the account's default), so these are the ones stored.
const KEPT = SEEDED.filter(
  (message) => !message.labelIds.some((label) => label === 'SPAM' || label === 'TRASH'),
);

describe('the engine worker syncs Gmail where main says', () => {
  let trap: RunningEmulator;
  let gmail: RunningEmulator;
  let host: WorkerHost;
  let folder: string;
  const previous = process.env.BRIEF_GMAIL_ROOT_URL;

  beforeAll(async () => {
    trap = await startEmulator({ user: ADDRESS });
    // Quota windows 50 times shorter on both sides, so the sync does not wait in real time.
    gmail = await startEmulator({ user: ADDRESS, messages: SEEDED, timeScale: 50 });
    folder = mkdtempSync(join(tmpdir(), 'brief-endpoint-'));
    const vault = new FileVault(join(folder, 'tokens.json'));
    vault.set(ADDRESS, { refreshToken: gmail.refreshToken, scope: gmail.scope });
    const tokenProvider = new RefreshingTokenProvider(vault, {
      clientId: gmail.clientId,
      clientSecret: gmail.clientSecret,
      authorizationEndpoint: gmail.endpoints.oauth2AuthBaseUrl,
      tokenEndpoint: gmail.endpoints.oauth2TokenUrl,
    });
    // The worker thread starts with a copy of this environment.
    process.env.BRIEF_GMAIL_ROOT_URL = `${trap.url}/`;
    host = startWorkerHost({
      workerUrl: ENGINE_WORKER,
      startData: {
        databasePath: join(folder, 'brief.db'),
        logFolder: join(folder, 'logs', 'engine'),
        runJobs: true,
        gmailSync: { rootUrl: `${gmail.url}/`, timeScale: 50 },
      },
      tokenProvider,
      schedule: (run) => run(),
    });
    await host.ready();
  });

  afterAll(async () => {
    if (previous === undefined) delete process.env.BRIEF_GMAIL_ROOT_URL;
    else process.env.BRIEF_GMAIL_ROOT_URL = previous;
    await host.shutdown(2000);
    await trap.close();
    await gmail.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('fetches the mailbox from the endpoint in its start data; the environment is not read', async () => {
    const finished = new Promise<Events['job-state']>((resolve) => {
      const stop = host.on('job-state', (event) => {
        if (event.type !== 'fetch_messages' || !['completed', 'failed'].includes(event.status)) return;
        stop();
        resolve(event);
      });
    });
    const account = await host.call('accounts.registerGmail', { address: ADDRESS });
    expect(await finished).toMatchObject({ accountId: account.id, status: 'completed', error: null });
    expect(trap.counters.snapshot().callsByMethod).toEqual({});
    expect(Object.keys(gmail.counters.snapshot().callsByMethod).length).toBeGreaterThan(0);
    expect((await host.call('messages.stats', { accountId: account.id })).count).toBe(KEPT.length);
  });
});
