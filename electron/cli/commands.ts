/** `brief accounts` and `brief jobs`: list them, and act on one by its address or id. */
import type { JobStatus, JobType } from '../../shared/domain.ts';
import { JOB_STATUSES, JOB_TYPES } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { counted } from '../../shared/plural.ts';
import type { Engine } from '../engine/index.ts';
import { resolveAccount } from './account-ref.ts';
import type { Command, ParsedCommand } from './args.ts';
import { confirm } from './confirm.ts';
import { cliDatabasePath } from './engine.ts';
import { checkArguments } from './engine-call.ts';
import { expectWords, oneOf, parseJobId, subcommand } from './flag-values.ts';
import { forgetWithVault } from './forget-account.ts';
import { out } from './output.ts';
import { finished, runJob } from './run-job.ts';

const ACCOUNTS_SUBCOMMANDS = ['list', 'alias-add', 'alias-remove', 'aliases', 'forget'] as const;
const JOBS_SUBCOMMANDS = ['list', 'retry', 'cancel', 'pause', 'resume'] as const;
/** What an accounts subcommand needs named, when it was not. */
const MISSING = {
  list: '',
  'alias-add': 'Name the account and the address to add',
  'alias-remove': 'Name the account and the address to remove',
  aliases: 'Name the account whose aliases to suggest',
  forget: 'Name the account to forget',
};

export const accountsCommand: Command = (parsed) => {
  const [typed, accountValue, address] = parsed.positionals;
  const sub = subcommand('accounts', typed, ACCOUNTS_SUBCOMMANDS);
  const usage = {
    list: 'brief accounts list',
    'alias-add': 'brief accounts alias-add ACCOUNT ADDRESS',
    'alias-remove': 'brief accounts alias-remove ACCOUNT ADDRESS',
    aliases: 'brief accounts aliases ACCOUNT',
    forget: 'brief accounts forget ACCOUNT',
  }[sub];
  expectWords(parsed, sub === 'list' ? 1 : sub.startsWith('alias-') ? 3 : 2, usage);
  if (sub !== 'list' && (accountValue === undefined || (sub.startsWith('alias-') && address === undefined)))
    throw new BriefError(
      'VALIDATION',
      `${MISSING[sub]}: ${usage}, where ACCOUNT is an address or id from \`brief accounts\`.`,
    );
  if (accountValue === 'all')
    throw new BriefError(
      'VALIDATION',
      `brief accounts ${sub} works on one account: give its address or id from \`brief accounts\`, not "all".`,
    );
  if (sub.startsWith('alias-'))
    checkArguments(
      'accounts.addAlias',
      { address: address! },
      {
        address: (value) =>
          `"${String(value)}" is not an e-mail address: ${usage} takes one such as name@example.com.`,
      },
    );
  return async (engine) => {
    if (sub === 'list') {
      const accounts = await engine.call('accounts.list', {});
      if (accounts.length === 0)
        out('No accounts yet. Try `brief demo`, or `brief import <path> --account you@example.com`.');
      for (const account of accounts) {
        const stats = await engine.call('messages.stats', { accountId: account.id });
        out(
          `${account.id}\t${account.address}\t${account.provider}\t${counted(stats.count, 'message')}\tidentities: ${account.identities.join(', ')}`,
        );
      }
      return 0;
    }
    const accountId = (await resolveAccount(engine, accountValue)) as number;
    switch (sub) {
      case 'alias-add':
      case 'alias-remove': {
        const method = sub === 'alias-add' ? 'accounts.addAlias' : 'accounts.removeAlias';
        const account = await engine.call(method, { accountId, address: address! });
        out(`Identities of ${account.address}: ${account.identities.join(', ')}`);
        return 0;
      }
      case 'aliases': {
        const suggestions = await engine.call('accounts.suggestAliases', { accountId });
        if (suggestions.length === 0)
          out('No suggestions: every From address of your sent mail is already an identity.');
        for (const row of suggestions)
          out(
            `${row.count}\t${row.address}\t(add with: brief accounts alias-add ${accountId} ${row.address})`,
          );
        return 0;
      }
      case 'forget':
        return forgetAccount(engine, accountId, parsed);
    }
  };
};

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
  await forgetWithVault(engine, cliDatabasePath(parsed.values.db), accountId);
  out(`Forgot ${account.address} (account ${accountId}) and all its data on this device.`);
  return 0;
}

export const jobsCommand: Command = (parsed) => {
  const [typed, idValue] = parsed.positionals;
  const sub = subcommand('jobs', typed, JOBS_SUBCOMMANDS);
  if (sub === 'list') {
    expectWords(parsed, 1, 'brief jobs list [--status STATUS] [--type TYPE]');
    const status = oneOf('status', parsed.values.status, JOB_STATUSES);
    const type = oneOf('type', parsed.values.type, JOB_TYPES);
    return (engine) => listJobs(engine, status, type);
  }
  const jobId = parseJobId(idValue, sub);
  expectWords(parsed, 2, `brief jobs ${sub} JOB_ID`);
  return async (engine) => {
    const method = (
      { retry: 'jobs.retry', cancel: 'jobs.cancel', pause: 'jobs.pause', resume: 'jobs.resume' } as const
    )[sub];
    const job = await engine.call(method, { jobId });
    if (sub === 'retry' || sub === 'resume')
      return finished(await runJob(engine, job), (done) => `Job ${done.id} ${done.status}.`);
    out(`Job ${job.id} is now ${job.status}.`);
    return 0;
  };
};

async function listJobs(
  engine: Engine,
  status: JobStatus | undefined,
  type: JobType | undefined,
): Promise<number> {
  const { jobs, total } = await engine.call('jobs.list', {
    ...(status ? { status } : {}),
    ...(type ? { type } : {}),
    limit: 50,
  });
  for (const job of jobs) {
    const progress = job.percentage === null ? '' : ` ${job.percentage}%`;
    const error = job.error ? `  — ${job.error.message}` : '';
    out(
      `${job.id}\t${job.type}\t${job.status}${progress}\tattempts ${job.attempts}/${job.maxAttempts}\t${job.createdAt}${error}`,
    );
  }
  out(`${jobs.length} of ${counted(total, 'job')}`);
  return 0;
}
