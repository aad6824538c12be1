/**
 * The Gmail client library (about 26 MB once loaded) is loaded by the first sync, not by opening
 * the engine: an import or a report never pays for it. Checked in a fresh process, whose module
 * cache holds only what that process loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function loadedAfter(body: string): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'brief-gmail-lazy-'));
  folders.push(folder);
  const script = join(folder, 'probe.mts');
  const engine = pathToFileURL(join(ROOT, 'electron/engine/engine.ts')).href;
  const client = pathToFileURL(join(ROOT, 'electron/engine/sources/gmail/gmail-client.ts')).href;
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
     import { Engine } from '${engine}';
     import { GmailClient } from '${client}';
     const engine = Engine.open({ databasePath: ${JSON.stringify(join(folder, 'brief.db'))} });
     ${body}
     await engine.close();
     const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('@googleapis'));
     console.log(JSON.stringify(loaded.length > 0 ? ['@googleapis/gmail'] : []));`,
  );
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: ROOT });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
}

describe('the Gmail client library', () => {
  it('is not loaded by opening the engine and answering calls', () => {
    expect(loadedAfter("await engine.call('accounts.list', {}); void GmailClient;")).toEqual([]);
  });

  it('is loaded when a Gmail client is made', () => {
    const made = "new GmailClient({ rootUrl: 'http://127.0.0.1:9' });";
    expect(loadedAfter(made)).toEqual(['@googleapis/gmail']);
  });
});
