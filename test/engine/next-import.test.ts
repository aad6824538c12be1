/**
 * Which files the reader reads ahead (next-import.ts): those of the import the runner claims next
 * (the oldest pending), read the way its account asks (raw data or not); none when that import
 * unpacks an archive (the job's own work) or no import waits.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { nextImportRead } from '../../electron/engine/sources/import/next-import.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openEngine, REPLY_WALK_PATHS, tempFolder } from './helpers.ts';
import { zipStored } from './zip-writer.ts';

let engine: Engine | null = null;

afterEach(async () => {
  await engine?.close();
  engine = null;
});

const next = () => nextImportRead(engineServicesForTests(engine!));

describe('the import read ahead', () => {
  it('is the oldest pending import, read as its account keeps raw data', async () => {
    engine = openEngine();
    expect(next()).toBeNull();
    const first = await engine.call('import.start', {
      paths: [REPLY_WALK_PATHS[0]!],
      account: 'a@example.com',
    });
    await engine.call('import.start', { paths: [REPLY_WALK_PATHS[1]!], account: 'b@example.com' });
    expect(next()).toEqual({ paths: [resolve(REPLY_WALK_PATHS[0]!)], keepRaw: false });
    await engine.call('accounts.updateSettings', {
      accountId: first.accountId!,
      settings: { keepRawData: true },
    });
    expect(next()).toEqual({ paths: [resolve(REPLY_WALK_PATHS[0]!)], keepRaw: true });
    await engine.call('jobs.cancel', { jobId: first.id });
    expect(next()).toEqual({ paths: [resolve(REPLY_WALK_PATHS[1]!)], keepRaw: false });
  });

  it('is none when the next import unpacks an archive', async () => {
    engine = openEngine();
    const zip = join(tempFolder(), 'mail.zip');
    writeFileSync(
      zip,
      zipStored([{ name: 'inbox.mbox', data: Buffer.from('From a@b Mon Jan  1 00:00:00 2024\n\nhi\n') }]),
    );
    await engine.call('import.start', { paths: [REPLY_WALK_PATHS[0]!, zip], account: 'a@example.com' });
    expect(next()).toBeNull();
  });
});
