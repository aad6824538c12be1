/** The `brief` commands other than serve. Each returns the process exit code. */
import type { Job, RangeAnchor, RangePreset } from '../../shared/domain.ts';
import { JOB_STATUSES, JOB_TYPES, RANGE_ANCHORS, RANGE_PRESETS } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { CSV_FIGURES, type CsvFigure, type Engine, FileVault, reportToCsv } from '../engine/index.ts';
import {
  type ParsedCommand,
  parseAsOfOption,
  parseIntegerOption,
  parseJobId,
  parseTimeZoneOption,
} from './args.ts';
import { confirm } from './confirm.ts';
import { cliDatabasePath } from './engine.ts';
import { vaultPath } from './google-config.ts';
import { formatReport } from './report-text.ts';
import { finished, runJob } from './run-job.ts';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

type Reported = { file: string; offset: number | null; reason: string };

function reportedLines(heading: string, total: number, samples: Reported[]): string[] {
  if (total === 0) return [];
  const lines = [heading];
  for (const item of samples.slice(0, 20)) {
    lines.push(`  ${item.file}${item.offset === null ? '' : ` @ byte ${item.offset}`}: ${item.reason}`);
  }
  if (total > 20)
    lines.push(`  … and ${total - 20} more (brief jobs lists the job; its metadata has the first ones).`);
  return lines;
}

function describeImport(job: Job): string {
  const summary = job.metadata.summary as
    | {
        read: number;
        imported: number;
        duplicates: number;
        skipped: number;
        skippedSamples: Reported[];
        shortened?: number;
        shortenedSamples?: Reported[];
      }
    | undefined;
  if (!summary) return 'Import finished.';
  return [
    `Imported ${summary.imported} new messages (${summary.read} read, ${summary.duplicates} duplicates merged).`,
    ...reportedLines(
      `Skipped ${summary.skipped} items that are not readable mail:`,
      summary.skipped,
      summary.skippedSamples,
    ),
    ...reportedLines(
      `Stored ${summary.shortened} messages with values past the limits cut:`,
      summary.shortened ?? 0,
      summary.shortenedSamples ?? [],
    ),
  ].join('\n');
}

export async function importCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  if (parsed.positionals.length === 0)
    throw new BriefError(
      'VALIDATION',
      'Name what to import: brief import <file or folder>... --account you@example.com',
    );
  if (!parsed.values.account)
    throw new BriefError(
      'VALIDATION',
      'Say whose mail this is: add --account you@example.com (and --alias for your other addresses).',
    );
  const job = await engine.call('import.start', {
    paths: parsed.positionals,
    account: parsed.values.account,
    aliases: parsed.values.alias ?? [],
  });
  return finished(await runJob(engine, job), describeImport);
}

export async function resolveAccount(engine: Engine, value: string | undefined): Promise<number | 'all'> {
  const accounts = await engine.call('accounts.list', {});
  if (value === 'all') return 'all';
  if (value === undefined) {
    if (accounts.length === 1) return accounts[0]!.id;
    if (accounts.length === 0)
      throw new BriefError(
        'NOT_FOUND',
        'There is no account yet: run `brief demo` or `brief import <path> --account you@example.com` first.',
      );
    return 'all';
  }
  const byId = /^\d+$/.test(value) ? accounts.find((account) => account.id === Number(value)) : undefined;
  const match = byId ?? accounts.find((account) => account.address.toLowerCase() === value.toLowerCase());
  if (!match) throw new BriefError('NOT_FOUND', `No account "${value}". \`brief accounts\` lists them.`);
  return match.id;
}

function parseAnchor(value: string | undefined): RangeAnchor | undefined {
  if (value === undefined || (RANGE_ANCHORS as readonly string[]).includes(value))
    return value as RangeAnchor | undefined;
  throw new BriefError('VALIDATION', `--anchor takes now, newest or auto (got "${value}").`);
}

function parseRange(value: string | undefined, anchorValue: string | undefined) {
  const anchor = parseAnchor(anchorValue);
  const anchored = anchor === undefined ? {} : { anchor };
  if (value === undefined) return { preset: 'all' as const, ...anchored };
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (custom && anchor !== undefined)
    throw new BriefError(
      'VALIDATION',
      `--anchor applies to the presets (today, 7, 30, 90, 365, all); a date range such as ${value} already names its days.`,
    );
  if (custom) return { from: custom[1]!, to: custom[2]! };
  if ((RANGE_PRESETS as readonly string[]).includes(value))
    return { preset: value as RangePreset, ...anchored };
  throw new BriefError(
    'VALIDATION',
    `--range takes all, today, 7, 30, 90, 365 or YYYY-MM-DD..YYYY-MM-DD (got "${value}").`,
  );
}

export async function reportCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  const { values } = parsed;
  if (values.csv !== undefined && !CSV_FIGURES.includes(values.csv as CsvFigure)) {
    throw new BriefError('VALIDATION', `--csv takes one figure: ${CSV_FIGURES.join(', ')}.`);
  }
  const account = await resolveAccount(engine, values.account);
  const asOf = parseAsOfOption(values['as-of']);
  const timeZone = parseTimeZoneOption(values.tz);
  const envelope = await engine.call('analytics.report', {
    account,
    range: parseRange(values.range, values.anchor),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
  });
  if (values.json) out(JSON.stringify(envelope.report, null, 2));
  else if (values.csv) out(reportToCsv(envelope.report, values.csv as CsvFigure));
  else out(formatReport(envelope.report));
  return 0;
}

export async function accountsCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  const [sub, accountValue, address] = parsed.positionals;
  if (sub === undefined || sub === 'list') {
    const accounts = await engine.call('accounts.list', {});
    if (accounts.length === 0)
      out('No accounts yet. Try `brief demo`, or `brief import <path> --account you@example.com`.');
    for (const account of accounts) {
      const stats = await engine.call('messages.stats', { accountId: account.id });
      out(
        `${account.id}\t${account.address}\t${account.provider}\t${stats.count} messages\tidentities: ${account.identities.join(', ')}`,
      );
    }
    return 0;
  }
  if (sub === 'forget' && accountValue === undefined) {
    throw new BriefError(
      'VALIDATION',
      'Name the account to forget: brief accounts forget ADDRESS (or its id from `brief accounts`).',
    );
  }
  const accountId = await resolveAccount(engine, accountValue);
  if (accountId === 'all') throw new BriefError('VALIDATION', 'Name one account (its address or id).');
  switch (sub) {
    case 'alias-add':
    case 'alias-remove': {
      if (!address) throw new BriefError('VALIDATION', `Usage: brief accounts ${sub} ACCOUNT ADDRESS`);
      const method = sub === 'alias-add' ? 'accounts.addAlias' : 'accounts.removeAlias';
      const account = await engine.call(method, { accountId, address });
      out(`Identities of ${account.address}: ${account.identities.join(', ')}`);
      return 0;
    }
    case 'aliases': {
      const suggestions = await engine.call('accounts.suggestAliases', { accountId });
      if (suggestions.length === 0)
        out('No suggestions: every From address of your sent mail is already an identity.');
      for (const row of suggestions)
        out(`${row.count}\t${row.address}\t(add with: brief accounts alias-add ${accountId} ${row.address})`);
      return 0;
    }
    case 'forget':
      return forgetAccount(engine, accountId, parsed);
    default:
      throw new BriefError(
        'VALIDATION',
        `Unknown accounts subcommand "${sub}": use list, alias-add, alias-remove, aliases or forget.`,
      );
  }
}

/**
 * Forgets an account after asking (`--yes` skips the question): its messages, jobs and figures, and
 * for a Gmail account its refresh token in the CLI's vault, so nothing of it is left to sync with.
 */
async function forgetAccount(engine: Engine, accountId: number, parsed: ParsedCommand): Promise<number> {
  const account = await engine.call('accounts.get', { accountId });
  const question = `Forget ${account.address} and all its mail, jobs and figures on this device?`;
  if (!parsed.values.yes && !(await confirm(question, '--yes'))) {
    out(`Kept ${account.address}: nothing was forgotten.`);
    return 0;
  }
  await engine.call('accounts.forget', { accountId });
  if (account.provider === 'gmail')
    new FileVault(vaultPath(cliDatabasePath(parsed.values.db))).remove(account.address);
  out(`Forgot ${account.address} (account ${accountId}) and all its data on this device.`);
  return 0;
}

export async function jobsCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  const [sub, idValue] = parsed.positionals;
  if (sub === undefined || sub === 'list') {
    const { status, type } = parsed.values;
    if (status !== undefined && !(JOB_STATUSES as readonly string[]).includes(status))
      throw new BriefError('VALIDATION', `--status takes ${JOB_STATUSES.join(', ')}.`);
    if (type !== undefined && !(JOB_TYPES as readonly string[]).includes(type))
      throw new BriefError('VALIDATION', `--type takes ${JOB_TYPES.join(', ')}.`);
    const { jobs, total } = await engine.call('jobs.list', {
      ...(status ? { status: status as never } : {}),
      ...(type ? { type: type as never } : {}),
      limit: 50,
    });
    for (const job of jobs) {
      const progress = job.percentage === null ? '' : ` ${job.percentage}%`;
      const error = job.error ? `  — ${job.error.message}` : '';
      out(
        `${job.id}\t${job.type}\t${job.status}${progress}\tattempts ${job.attempts}/${job.maxAttempts}\t${job.createdAt}${error}`,
      );
    }
    out(`${jobs.length} of ${total} jobs`);
    return 0;
  }
  const jobId = parseJobId(idValue, sub);
  const methods = {
    retry: 'jobs.retry',
    cancel: 'jobs.cancel',
    pause: 'jobs.pause',
    resume: 'jobs.resume',
  } as const;
  const method = methods[sub as keyof typeof methods];
  if (!method)
    throw new BriefError(
      'VALIDATION',
      `Unknown jobs subcommand "${sub}": use list, retry, cancel, pause or resume.`,
    );
  const job = await engine.call(method, { jobId });
  if (sub === 'retry' || sub === 'resume') {
    return finished(await runJob(engine, job), (done) => `Job ${done.id} ${done.status}.`);
  }
  out(`Job ${job.id} is now ${job.status}.`);
  return 0;
}

export async function demoCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  const messages = parseIntegerOption(parsed.values.messages, 'messages', 100, 1_000_000);
  const seed = parseIntegerOption(parsed.values.seed, 'seed', 0, 2 ** 31);
  const { account, job } = await engine.call('demo.create', {
    ...(messages ? { messages } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const done = await runJob(engine, job);
  finished(done, (job) => `Demo account ${account.address} is ready. ${describeImport(job)}`);
  if (done === null) return 0;
  const envelope = await engine.call('analytics.report', { account: account.id, range: { preset: 'all' } });
  out(formatReport(envelope.report));
  return 0;
}
