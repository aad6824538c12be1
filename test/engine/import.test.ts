/**
 * Reliability row "Bad mail" (docs/reliability.md) through the import job: the parser-torture
 * fixtures and the SpamAssassin ham sets import without a crash, every message is imported or
 * reported (file, offset, reason), a second import adds nothing, and .gz and .zip inputs work.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { DuplicateMerger, readMail } from '../../electron/engine/mail/index.ts';
import type { ImportSummary } from '../../electron/engine/sources/import/import-executor.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { Job } from '../../shared/domain.ts';
import { CORPORA, corporaMissing, hasCorpora } from '../paths.ts';
import { openEngine, REPLY_WALK, REPLY_WALK_PATHS, tempFolder } from './helpers.ts';
import { zipStored } from './zip-writer.ts';

const FIXTURES = join(CORPORA, 'fixtures');
const HAM = [join(CORPORA, 'spamassassin', 'easy_ham'), join(CORPORA, 'spamassassin', 'hard_ham')];

async function runImport(engine: Engine, paths: string[], account = 'probe@example.com'): Promise<Job> {
  const job = await engine.call('import.start', { paths, account });
  await engine.runner.runUntilIdle();
  return engine.call('jobs.get', { jobId: job.id });
}

function summaryOf(job: Job): ImportSummary {
  expect(job.status, JSON.stringify(job.error)).toBe('completed');
  return job.metadata.summary as ImportSummary;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** How many distinct messages the inputs hold, by the mail model's duplicate rule, read independently. */
async function distinctMessages(inputs: string[]): Promise<number> {
  const merger = new DuplicateMerger();
  for await (const item of readMail(inputs)) if (item.kind !== 'skipped') merger.add(item.facts);
  return merger.results().length;
}

function rowCount(engine: Engine): number {
  return engineServicesForTests(engine)
    .store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM message_cache')
    .get()!.n;
}

// Skipped only off CI (under CI=true the global setup fails a run without the corpora); the
// name then says why.
describe.skipIf(!hasCorpora)(
  `importing the shared corpora (${hasCorpora ? CORPORA : `skipped: ${corporaMissing}`})`,
  () => {
    it.each([
      ['the parser-torture fixtures', [FIXTURES]],
      ['the SpamAssassin ham sets', HAM],
    ])(
      '%s: no crash, each message imported or reported, a second import adds nothing',
      async (_name, inputs) => {
        const engine = openEngine();
        const first = summaryOf(await runImport(engine, inputs));
        expect(first.read).toBeGreaterThan(0);
        // Each copy read is stored or merged into another (a copy can also join two stored ones).
        expect(first.imported + first.duplicates).toBeLessThanOrEqual(first.read);
        // Every skip is reported while there are few enough to list them all.
        expect(first.skipped).toBeLessThanOrEqual(200);
        expect(first.skippedSamples).toHaveLength(first.skipped);
        for (const skip of first.skippedSamples) {
          expect(inputs.some((input) => skip.file.startsWith(input))).toBe(true);
          expect(skip.reason.length).toBeGreaterThan(5);
          expect(skip.offset === null || skip.offset >= 0).toBe(true);
        }
        const stored = await distinctMessages(inputs);
        expect(rowCount(engine)).toBe(stored);
        const account = (await engine.call('accounts.list', {}))[0]!;

        const second = summaryOf(await runImport(engine, inputs));
        expect(second).toMatchObject({ imported: 0, read: first.read, skipped: first.skipped });
        expect(rowCount(engine)).toBe(stored);
        const stats = await engine.call('messages.stats', { accountId: account.id });
        expect(stats.count).toBe(stored);
      },
    );

    it('the fixtures: every file yields mail or a reported skip, non-mail files are skipped with a reason', async () => {
      const seen = new Map<string, { messages: number; skips: string[] }>();
      for await (const item of readMail([FIXTURES])) {
        const entry = seen.get(item.file) ?? { messages: 0, skips: [] };
        if (item.kind === 'skipped') entry.skips.push(item.reason);
        else entry.messages += 1;
        seen.set(item.file, entry);
      }
      const files = filesUnder(FIXTURES);
      expect(files.filter((file) => !seen.has(file))).toEqual([]);
      for (const file of files.filter((name) => /\.(png|jpg|gif|wav|aiff|js|bmp|tiff|webp)$/i.test(name))) {
        expect(seen.get(file), file).toMatchObject({ messages: 0, skips: [expect.any(String)] });
      }
    });
  },
);

describe('import inputs', () => {
  it('reads a .gz mbox and a .zip of mbox files like the plain files', async () => {
    const folder = tempFolder();
    const inbox = join(folder, 'inbox.mbox.gz');
    writeFileSync(inbox, gzipSync(readFileSync(join(REPLY_WALK, 'inbox.mbox'))));
    const archive = join(folder, 'takeout.zip');
    writeFileSync(
      archive,
      zipStored([
        { name: 'Takeout/Mail/inbox.mbox', data: readFileSync(join(REPLY_WALK, 'inbox.mbox')) },
        { name: 'Takeout/Mail/sent.mbox', data: readFileSync(join(REPLY_WALK, 'sent.mbox')) },
      ]),
    );

    const plain = openEngine();
    const expected = summaryOf(await runImport(plain, REPLY_WALK_PATHS, 'me@example.com'));
    expect(expected.imported).toBe(24);

    const zipped = openEngine();
    expect(summaryOf(await runImport(zipped, [archive], 'me@example.com'))).toMatchObject({
      read: expected.read,
      imported: expected.imported,
      skipped: 0,
    });

    const gzipped = openEngine();
    const fromGz = summaryOf(
      await runImport(gzipped, [inbox, join(REPLY_WALK, 'sent.mbox')], 'me@example.com'),
    );
    expect(fromGz).toMatchObject({ read: expected.read, imported: expected.imported, skipped: 0 });
    // The same mail, the same report.
    const report = async (engine: Engine) =>
      (
        await engine.call('analytics.report', {
          account: (await engine.call('accounts.list', {}))[0]!.id,
          range: { preset: 'all' },
          timeZone: 'UTC',
          asOf: '2025-03-21T12:00:00.000Z',
        })
      ).report;
    const reference = await report(plain);
    expect(await report(zipped)).toEqual(reference);
    expect(await report(gzipped)).toEqual(reference);
  });

  it('refuses a zip entry that would write outside its folder, and a damaged zip, without retrying', async () => {
    const folder = tempFolder();
    const slip = join(folder, 'slip.zip');
    writeFileSync(
      slip,
      zipStored([{ name: '../../escaped.mbox', data: readFileSync(REPLY_WALK_PATHS[0]!) }]),
    );
    const damaged = join(folder, 'damaged.zip');
    writeFileSync(damaged, Buffer.from('PK\u0003\u0004 this is not really a zip archive'));

    const engine = openEngine();
    for (const archive of [slip, damaged]) {
      const job = await runImport(engine, [archive], 'me@example.com');
      if (job.status === 'completed') {
        expect((job.metadata.summary as ImportSummary).imported).toBe(0);
      } else {
        expect(job).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'UNSUPPORTED_INPUT' } });
      }
    }
    expect(existsSync(join(folder, '..', '..', 'escaped.mbox'))).toBe(false);
    expect(existsSync(join(folder, '..', 'escaped.mbox'))).toBe(false);
  });

  it('a file that disappeared between the call and the job fails with NOT_FOUND and a sentence', async () => {
    const folder = tempFolder();
    const path = join(folder, 'inbox.mbox');
    writeFileSync(path, readFileSync(REPLY_WALK_PATHS[0]!));
    const engine = openEngine();
    const job = await engine.call('import.start', { paths: [path], account: 'me@example.com' });
    rmSync(path);
    await engine.runner.runUntilIdle({ maxWaitMs: 0 });
    const after = await engine.call('jobs.get', { jobId: job.id });
    expect(after.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(path) });
  });

  it("the reading step's last progress counts every message read", async () => {
    // The files are told as read before their messages arrive; a small file once ended its step
    // on "Importing: 0 messages read" at 100 %.
    const engine = openEngine();
    const steps: string[] = [];
    engine.on('job-progress', (event) => {
      if (event.step?.startsWith('Importing')) steps.push(event.step);
    });
    const { read } = summaryOf(await runImport(engine, REPLY_WALK_PATHS));
    expect(read).toBeGreaterThan(0);
    expect(steps.at(-1)).toBe(`Importing: ${read} messages read, file 2 of 2`);
  });
});
