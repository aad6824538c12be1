/** `brief import` and `brief demo`: mail into an account through an `import_mail` job, and what it did. */
import type { Job } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { counted, formatCount } from '../../shared/plural.ts';
import type { Engine } from '../engine/index.ts';
import type { Command } from './args.ts';
import { addressWording, checkArguments } from './engine-call.ts';
import { parseIntegerOption } from './flag-values.ts';
import { out } from './output.ts';
import { readableReport } from './report-command.ts';
import { type ReportedItem, sampleLines, shortenedLines } from './reported-lines.ts';
import { finished, runJob } from './run-job.ts';

type Reported = { file: string; offset: number | null; reason: string };

interface ImportSummary {
  read: number;
  imported: number;
  duplicates: number;
  skipped: number;
  skippedSamples: Reported[];
  shortened?: number;
  shortenedSamples?: Reported[];
}

/** Mail files it reads, said where an import found none. */
const READABLE = 'mbox files, such as a Google Takeout, and .eml message files, also as .gz or .zip';

/** Where an import's reported item is: its file, and the byte its message starts at. */
function located(items: readonly Reported[]): ReportedItem[] {
  return items.map((item) => ({
    where: `${item.file}${item.offset === null ? '' : ` @ byte ${item.offset}`}`,
    reason: item.reason,
  }));
}

/**
 * What an import did. An import that found no mail at all (only other files, or none) failed at
 * what it was asked, so it is an error, with the reason for each file.
 */
function describeImport(job: Job): string {
  const summary = job.metadata.summary as ImportSummary | undefined;
  if (!summary) return 'Import finished.';
  if (summary.read === 0) {
    const found =
      summary.skipped === 0
        ? 'no files were found at the paths given'
        : summary.skipped === 1
          ? 'the 1 item found is not mail 360Brief can read'
          : `none of the ${counted(summary.skipped, 'item')} found is mail 360Brief can read`;
    throw new BriefError(
      'UNSUPPORTED_INPUT',
      [
        `Nothing was imported: ${found}. It reads ${READABLE}.`,
        ...sampleLines(summary.skipped, located(summary.skippedSamples)),
      ].join('\n'),
    );
  }
  const shortened = summary.shortened ?? 0;
  return [
    `Imported ${counted(summary.imported, 'new message')} (${formatCount(summary.read)} read, ${counted(summary.duplicates, 'duplicate')} merged).`,
    ...(summary.skipped === 0
      ? []
      : [
          `Skipped ${counted(summary.skipped, 'item')} that ${summary.skipped === 1 ? 'is' : 'are'} not readable mail:`,
          ...sampleLines(summary.skipped, located(summary.skippedSamples)),
        ]),
    ...shortenedLines(shortened, located(summary.shortenedSamples ?? [])),
  ].join('\n');
}

export const importCommand: Command = (parsed) => {
  const { positionals: paths, values } = parsed;
  if (paths.length === 0)
    throw new BriefError(
      'VALIDATION',
      'Name what to import: brief import <file or folder>... --account you@example.com',
    );
  if (values.account === undefined)
    throw new BriefError(
      'VALIDATION',
      'Say whose mail this is: add --account you@example.com (and --alias for your other addresses).',
    );
  const args = { paths, account: values.account, aliases: values.alias ?? [] };
  checkArguments('import.start', args, {
    account: addressWording('--account'),
    aliases: addressWording('--alias'),
    paths: () =>
      `brief import takes 1 to 1,000 paths of up to 4,096 characters each (got ${counted(paths.length, 'path')}): name the folder that holds the files instead.`,
  });
  return async (engine) => {
    const known = await engine.call('accounts.list', {});
    const isNew = !known.some((account) => account.address.toLowerCase() === args.account.toLowerCase());
    const job = await runJob(engine, await engine.call('import.start', args));
    try {
      return finished(job, describeImport);
    } catch (error) {
      if (isNew && job !== null && foundNoMail(job)) await forgetEmptyAccount(engine, job);
      throw error;
    }
  };
};

function foundNoMail(job: Job): boolean {
  const summary = job.metadata.summary as ImportSummary | undefined;
  return job.status === 'completed' && summary?.read === 0;
}

/**
 * An import that found no mail leaves no account it made behind: `brief accounts` would list an
 * empty account nobody asked for. Kept when anything else (another import from a second
 * process sharing the store) has started working on it meanwhile.
 */
async function forgetEmptyAccount(engine: Engine, job: Job): Promise<void> {
  const accountId = job.accountId;
  if (accountId === null) return;
  const { jobs } = await engine.call('jobs.list', { accountId, limit: 500 });
  const others = jobs.filter((other) => other.id !== job.id && other.type !== 'warm_cache');
  if (others.length === 0) await engine.call('accounts.forget', { accountId });
}

export const demoCommand: Command = (parsed) => {
  const messages = parseIntegerOption(parsed.values.messages, 'messages', 100, 1_000_000);
  const seed = parseIntegerOption(parsed.values.seed, 'seed', 0, 2 ** 31);
  return async (engine) => {
    const { account, job } = await engine.call('demo.create', {
      ...(messages ? { messages } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    const done = await runJob(engine, job);
    finished(done, (job) => `Demo account ${account.address} is ready. ${describeImport(job)}`);
    if (done === null) return 0;
    const envelope = await engine.call('analytics.report', { account: account.id, range: { preset: 'all' } });
    out(readableReport(envelope));
    return 0;
  };
};
