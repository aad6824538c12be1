/**
 * The import's memory-lean paths give the same results as the plain ones: the two-pass,
 * page-by-page re-derivation writes exactly what `deriveAccount` computes over whole stored
 * messages (threads reconstructed, more rows than one page), and the merger seeded from the lean
 * key rows makes a second import add nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { writeMbox } from '../../electron/engine/mail/generator/index.ts';
import { type DerivableMessage, deriveAccount } from '../../electron/engine/mail/index.ts';
import type { ImportSummary } from '../../electron/engine/sources/import/import-executor.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine, tempFolder } from './helpers.ts';

const ME = 'me@example.com';
const AS_OF = Date.UTC(2026, 0, 15, 12);

async function runImport(engine: Engine, paths: string[]): Promise<ImportSummary> {
  const job = await engine.call('import.start', { paths, account: ME });
  await engine.runner.runUntilIdle();
  const done = engineServicesForTests(engine).jobs.getJob(job.id);
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
  return done.metadata.summary as ImportSummary;
}

/** A generated mbox without Takeout thread ids, so every thread is reconstructed. */
async function unthreadedMbox(messages: number): Promise<string> {
  const folder = tempFolder('brief-lean-');
  const path = join(folder, 'mail.mbox');
  await writeMbox(path, { seed: 11, messages, identities: [ME], end: AS_OF - 86_400_000, years: 1 });
  writeFileSync(path, readFileSync(path, 'latin1').replaceAll('\nX-GM-THRID:', '\nX-Thread-Note:'), 'latin1');
  return path;
}

describe('lean import paths', () => {
  it('re-derivation over pages writes what deriveAccount computes from whole messages', async () => {
    const clock = fakeClock(AS_OF);
    const engine = openEngine({ clock: clock.clock });
    const mbox = await unthreadedMbox(6_500);
    const summary = await runImport(engine, [mbox]);
    expect(summary.imported).toBeGreaterThan(5_000);

    const accountId = engineServicesForTests(engine).accounts.listAccounts()[0]!.id;
    const stored = [...engineServicesForTests(engine).messages.iterateMessages({ accountId })].sort(
      (a, b) => a.id - b.id,
    );
    const expected = deriveAccount(
      stored.map((message): DerivableMessage => ({ ...message, rowId: message.id })),
      [ME],
      { countSpamTrash: false, asOfMs: AS_OF },
    );
    const reconstructed = stored.filter((message) => message.threadKey?.startsWith('r:')).length;
    expect(reconstructed).toBe(stored.length);
    for (const message of stored) {
      const want = expected.get(message.id)!;
      expect({
        counted: message.counted,
        direction: message.direction,
        echo: message.echo,
        threadKey: message.threadKey,
      }).toEqual(want);
    }
    // Threads were joined, not left one per message.
    expect(new Set(stored.map((message) => message.threadKey)).size).toBeLessThan(stored.length / 2);
  });

  it('a second import of the same mbox, merged against the stored keys, adds nothing', async () => {
    const engine = openEngine({ clock: fakeClock(AS_OF).clock });
    const mbox = await unthreadedMbox(1_200);
    const first = await runImport(engine, [mbox]);
    const second = await runImport(engine, [mbox, mbox]);
    expect(second.imported).toBe(0);
    expect(second.duplicates).toBe(second.read);
    expect(second.read).toBe(first.read * 2);
  });
});
