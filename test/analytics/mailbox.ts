import { resolve } from 'node:path';
import type { RangeSpec, ReportAccount, ReportInput } from '../../electron/engine/analytics/types.ts';
import {
  DuplicateMerger,
  deriveAccount,
  type MessageFacts,
  readMail,
} from '../../electron/engine/mail/index.ts';

/** The parameters of an expected report (case.json, or a corpus report's `params`). */
export interface ReportParams {
  account: string;
  aliases: string[];
  timeZone: string;
  asOf: string;
  preset: string;
  paths: string[];
}

/** A message as read and merged, before the account's derivations. */
export type ReadMessage = MessageFacts & { rowId: number };

/** Reads files the way an import does: in the given order, duplicates merged, row ids in first-seen order. */
export async function readMergedFacts(paths: string[]): Promise<ReadMessage[]> {
  const merger = new DuplicateMerger();
  for await (const item of readMail(paths)) {
    if (item.kind === 'message') merger.add(item.facts);
  }
  return merger.results().map((message, index) => ({ ...message, rowId: index + 1 }));
}

/** The report input for expected-report parameters, from messages already read (paths are not used). */
export function inputFromFacts(facts: readonly ReadMessage[], params: ReportParams): ReportInput {
  const asOf = Date.parse(params.asOf);
  const account: ReportAccount = {
    id: 1,
    address: params.account,
    identities: [params.account, ...params.aliases],
    provider: 'import',
  };
  const derived = deriveAccount(facts, account.identities, { countSpamTrash: false, asOfMs: asOf });
  return {
    messages: facts.map((message) => ({ ...message, ...derived.get(message.rowId)!, accountId: account.id })),
    accounts: [account],
    timeZone: params.timeZone,
    asOf,
    range: params.preset as RangeSpec,
    threadsDerivedAsOf: asOf,
  };
}

/** The report input for expected-report parameters, paths resolved against `base`. */
export async function inputFromParams(params: ReportParams, base: string): Promise<ReportInput> {
  const facts = await readMergedFacts(params.paths.map((path) => resolve(base, path)));
  return inputFromFacts(facts, params);
}
