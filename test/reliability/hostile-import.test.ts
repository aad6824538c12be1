/**
 * Reliability row "Hostile mail" (docs/reliability.md) by import: one message past a limit among 66
 * ordinary ones is stored cut (and reported with file and byte offset) and every ordinary message
 * is stored, through the import job and through `brief import` (exit 0); a NUL byte in the first
 * message does not make the mbox "binary".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import type { ImportSummary } from '../../electron/engine/sources/import/import-executor.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { runCli } from '../cli/run-cli.ts';
import { openEngine, tempFolder } from '../engine/helpers.ts';
import { HOSTILE_CASES, hostileHeaders, mboxWithHostile, ORDINARY, storedHostile } from './hostile-cases.ts';
import { MODE, trialSeed } from './mode.ts';

const ROW = 10;
const SEED = trialSeed(ROW, 0);

function writeMbox(bytes: Buffer): string {
  const file = join(tempFolder('brief-hostile-'), 'inbox.mbox');
  writeFileSync(file, bytes);
  return file;
}

async function importFile(engine: Engine, file: string) {
  const started = await engine.call('import.start', { paths: [file], account: 'me@example.com' });
  await engine.runner.runUntilIdle();
  const job = await engine.call('jobs.get', { jobId: started.id });
  const accountId = job.accountId!;
  const stored = [...engineServicesForTests(engine).messages.iterateMessages({ accountId })];
  return { job, summary: job.metadata.summary as ImportSummary, stored };
}

describe(`hostile mail by import (${MODE})`, () => {
  it.each(HOSTILE_CASES)(
    '$name: stored cut and reported at its offset, every ordinary message stored',
    async (hostile) => {
      const { bytes, offset } = mboxWithHostile(SEED, hostileHeaders(hostile));
      const file = writeMbox(bytes);
      const { job, summary, stored } = await importFile(openEngine(), file);
      expect(job.status, JSON.stringify(job.error)).toBe('completed');
      expect(job.attempts).toBe(1);
      expect(stored).toHaveLength(ORDINARY + 1);
      expect(summary).toMatchObject({ read: ORDINARY + 1, imported: ORDINARY + 1, skipped: 0, shortened: 1 });
      expect(summary.shortenedSamples).toEqual([
        { file, offset, reason: expect.stringMatching(hostile.reason) },
      ]);
      const message = storedHostile(stored);
      expect(message, 'the hostile message is stored').toBeDefined();
      hostile.expectStored(message!);
    },
  );

  it('a NUL byte in the first message: the mbox is still read as mail, every message stored', async () => {
    const { bytes } = mboxWithHostile(SEED, hostileHeaders(null), { body: 'before\0after\n', first: true });
    expect(bytes.subarray(0, 8192).includes(0)).toBe(true);
    const { job, summary, stored } = await importFile(openEngine(), writeMbox(bytes));
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(summary).toMatchObject({ read: ORDINARY + 1, skipped: 0 });
    expect(stored).toHaveLength(ORDINARY + 1);
    expect(storedHostile(stored)?.subject).toBe('A hostile message');
  });

  it('`brief import` of 66 ordinary messages and one with a 1,000-character display name: exit 0, all stored, the cut one listed', async () => {
    const [displayName] = HOSTILE_CASES;
    const { bytes, offset } = mboxWithHostile(SEED, hostileHeaders(displayName!));
    const file = writeMbox(bytes);
    const databasePath = join(tempFolder('brief-hostile-cli-'), 'brief.db');
    const run = await runCli(['import', file, '--db', databasePath, '--account', 'me@example.com']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/^brief:/m);
    expect(run.stdout).toContain(
      `Imported ${ORDINARY + 1} new messages (${ORDINARY + 1} read, 0 duplicates merged).`,
    );
    expect(run.stdout).toContain('Stored 1 message with values past the limits cut:');
    expect(run.stdout).toMatch(
      new RegExp(`^ {2}${file} @ byte ${offset}: Stored cut to the limits: the From display name`, 'm'),
    );
    const engine = openEngine({ databasePath });
    const stored = [
      ...engineServicesForTests(engine).messages.iterateMessages({
        accountId: engineServicesForTests(engine).accounts.listAccounts()[0]!.id,
      }),
    ];
    expect(stored).toHaveLength(ORDINARY + 1);
    expect(storedHostile(stored)?.fromName).toHaveLength(998);
  });
});
