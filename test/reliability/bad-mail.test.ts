/**
 * Reliability row "Bad mail" (docs/reliability.md) through the command line: `brief import` of the
 * corpora's parser-torture fixtures and the SpamAssassin ham sets exits 0, prints every skip it
 * lists as file, byte offset and reason, keeps the first 200 in the job's metadata, and skips
 * non-mail files with a reason. (test/engine/import.test.ts checks the same inputs in-process,
 * message by message.)
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import type { ImportSummary } from '../../electron/engine/sources/import/import-executor.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { counted, formatCount } from '../../shared/plural.ts';
import { runCli } from '../cli/run-cli.ts';
import { CORPORA, corporaMissing, hasCorpora } from '../paths.ts';
import { MODE } from './mode.ts';

const FIXTURES = join(CORPORA, 'fixtures');
const HARD_HAM = join(CORPORA, 'spamassassin', 'hard_ham');
const EASY_HAM = join(CORPORA, 'spamassassin', 'easy_ham');
/** Files no reader takes for mail: each must show up as a skip with a reason. */
const NOT_MAIL = /\.(png|jpe?g|gif|wav|aiff|js|bmp|tiff|webp|pdf)$/i;
/** `  <file> @ byte <offset>: <reason>` or `  <file>: <reason>`, as `brief import` prints a skip. */
const SKIP_LINE = /^ {2}(\S.*?)(?: @ byte (\d+))?: (.{5,})$/;
const PRINTED_SKIPS = 20;

let folder: string | null = null;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function importThroughCli(inputs: string[]) {
  folder = mkdtempSync(join(tmpdir(), 'brief-reliability-mail-'));
  const databasePath = join(folder, 'brief.db');
  const run = await runCli(['import', ...inputs, '--db', databasePath, '--account', 'probe@example.com']);
  const engine = Engine.open({ databasePath });
  try {
    const job = engineServicesForTests(engine).jobs.listJobs({ type: 'import_mail' }).jobs[0]!;
    const stored = engineServicesForTests(engine).messages.getCacheStats().count;
    return { run, job, summary: job.metadata.summary as ImportSummary, stored };
  } finally {
    await engine.close();
  }
}

const SETS: Array<[string, string[]]> = [
  ['the parser-torture fixtures', [FIXTURES]],
  ['the SpamAssassin ham sets', [EASY_HAM, HARD_HAM]],
];

// Skipped only off CI (under CI=true the global setup fails a run without the corpora).
describe.skipIf(!hasCorpora)(
  `bad mail through \`brief import\` (${hasCorpora ? MODE : `skipped: ${corporaMissing}`})`,
  () => {
    it.each(SETS)(
      '%s: exit 0, each message imported or reported with file, offset and reason',
      async (_, inputs) => {
        const { run, job, summary, stored } = await importThroughCli(inputs);
        expect(run.code, run.stderr).toBe(0);
        // stderr carries the progress bar; an error would be a `brief:` sentence.
        expect(run.stderr).not.toMatch(/^brief:/m);
        expect(job.status).toBe('completed');
        expect(run.stdout).toMatch(
          new RegExp(
            `^Imported ${counted(summary.imported, 'new message')} \\(${formatCount(summary.read)} read, ${counted(summary.duplicates, 'duplicate')} merged\\)\\.`,
          ),
        );
        expect(summary.read).toBeGreaterThan(0);
        expect(stored).toBe(summary.imported);
        expect(summary.imported + summary.duplicates).toBeLessThanOrEqual(summary.read);

        const printed = run.stdout
          .split('\n')
          .map((line) => SKIP_LINE.exec(line))
          .filter((match) => match !== null);
        expect(printed).toHaveLength(Math.min(summary.skipped, PRINTED_SKIPS));
        if (summary.skipped > 0)
          expect(run.stdout).toContain(
            `Skipped ${counted(summary.skipped, 'item')} that ${summary.skipped === 1 ? 'is' : 'are'} not readable mail:`,
          );
        // Every skip is kept (up to 200) with a file under the inputs, an offset or none, and a reason.
        expect(summary.skippedSamples).toHaveLength(Math.min(summary.skipped, 200));
        for (const skip of summary.skippedSamples) {
          expect(
            inputs.some((input) => skip.file.startsWith(input)),
            skip.file,
          ).toBe(true);
          expect(skip.offset === null || skip.offset >= 0).toBe(true);
          expect(skip.reason.length).toBeGreaterThan(5);
        }
        printed.forEach((match, index) => {
          const skip = summary.skippedSamples[index]!;
          expect(match![1]).toBe(skip.file);
          expect(match![2] === undefined ? null : Number(match![2])).toBe(skip.offset);
          expect(match![3]).toBe(skip.reason);
        });
        // Files that are not mail at all are skipped, each with a reason.
        const skippedFiles = new Set(summary.skippedSamples.map((skip) => skip.file));
        for (const file of inputs.flatMap(filesUnder).filter((name) => NOT_MAIL.test(name))) {
          expect(skippedFiles.has(file), file).toBe(true);
        }
      },
    );
  },
);
