import { resolve } from 'node:path';
import type {
  AnalyticsMessage,
  RangeSpec,
  ReportAccount,
  ReportInput,
} from '../../electron/engine/analytics/types.ts';
import { DuplicateMerger, deriveAccount, readMail } from '../../electron/engine/mail/index.ts';

/** The parameters of an expected report (case.json, or a corpus report's `params`). */
export interface ReportParams {
  account: string;
  aliases: string[];
  timeZone: string;
  asOf: string;
  preset: string;
  paths: string[];
}

/**
 * Reads an account from files the way an import does: files in the given order, duplicates
 * merged, row ids in first-seen order, derived with the account and its aliases as identities.
 */
export async function readAccount(
  paths: string[],
  account: ReportAccount,
  asOf: number,
): Promise<AnalyticsMessage[]> {
  const merger = new DuplicateMerger();
  for await (const item of readMail(paths)) {
    if (item.kind === 'message') merger.add(item.facts);
  }
  const facts = merger.results().map((message, index) => ({ ...message, rowId: index + 1 }));
  const derived = deriveAccount(facts, account.identities, { countSpamTrash: false, asOfMs: asOf });
  return facts.map((message) => ({ ...message, ...derived.get(message.rowId)!, accountId: account.id }));
}

/** The report input for expected-report parameters, paths resolved against `base`. */
export async function inputFromParams(params: ReportParams, base: string): Promise<ReportInput> {
  const asOf = Date.parse(params.asOf);
  const account: ReportAccount = {
    id: 1,
    address: params.account,
    identities: [params.account, ...params.aliases],
    provider: 'import',
  };
  const messages = await readAccount(
    params.paths.map((path) => resolve(base, path)),
    account,
    asOf,
  );
  return {
    messages,
    accounts: [account],
    timeZone: params.timeZone,
    asOf,
    range: params.preset as RangeSpec,
    threadsDerivedAsOf: asOf,
  };
}
