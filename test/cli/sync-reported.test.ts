/**
 * `brief sync` says which messages it stored cut or skipped, as `brief import` does: a first sync
 * through the CLI against the emulator, one message with a 20,000-character Subject among
 * ordinary mail; the sync completes and prints that message's Gmail id and what was cut.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server.ts';
import { emulatorConnectOptions } from '../reliability/brief-process.ts';
import { HOSTILE_CASES, hostileHeaders, hostileSeed, ordinarySeeds } from '../reliability/hostile-cases.ts';
import { runCli } from './run-cli.ts';

const SEED = 17;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('brief sync lists the messages it stored with values past the limits cut', async () => {
  const emulator = await startEmulator({ messages: ordinarySeeds(SEED), seed: SEED });
  cleanups.push(() => emulator.close());
  const longSubject = HOSTILE_CASES.find((hostile) => hostile.name === 'a 20,000-character Subject')!;
  const { id } = emulator.mailbox.addMessage(hostileSeed(hostileHeaders(longSubject)));
  const folder = mkdtempSync(join(tmpdir(), 'brief-sync-reported-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const db = ['--db', join(folder, 'brief.db')];
  const connected = await runCli(['connect', ...db, ...emulatorConnectOptions(emulator), '--no-sync']);
  expect(connected.code, connected.stderr).toBe(0);

  const synced = await runCli(['sync', ...db]);
  expect(synced.code, synced.stderr).toBe(0);
  const lines = synced.stdout.trimEnd().split('\n');
  expect(lines.slice(-3)).toEqual([
    'user@example.com is up to date.',
    'Stored 1 message with values past the limits cut:',
    `  Gmail message ${id}: Stored cut to the limits: the Subject (20,000 characters) cut to 16,384.`,
  ]);
});
