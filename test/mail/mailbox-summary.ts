/** Test helper: import files the way the importer does and summarise them like the report's coverage. */

import { isValidTime } from '../../electron/engine/mail/date.ts';
import { type DerivableMessage, deriveAccount } from '../../electron/engine/mail/derive.ts';
import { DuplicateMerger } from '../../electron/engine/mail/duplicates.ts';
import { readMail } from '../../electron/engine/mail/read-mail.ts';

export interface Summary {
  coverage: {
    messages: number;
    sent: number;
    received: number;
    undated: number;
    automated: number;
    first: string | null;
    last: string | null;
  };
  threads: number;
  skipped: number;
}

export async function importMailbox(paths: string[]): Promise<DerivableMessage[]> {
  const merger = new DuplicateMerger();
  for await (const item of readMail(paths)) if (item.kind === 'message') merger.add(item.facts);
  return merger.results().map((facts, index) => ({ ...facts, rowId: index + 1 }));
}

/** Coverage and thread count for a range [from, to); `from` null means the `all` preset (undated counted too). */
export function summarise(
  messages: DerivableMessage[],
  identities: string[],
  asOfMs: number,
  range: { from: number | null; to: number },
): Omit<Summary, 'skipped'> {
  const derived = deriveAccount(messages, identities, { countSpamTrash: false, asOfMs });
  const coverage = {
    messages: 0,
    sent: 0,
    received: 0,
    undated: 0,
    automated: 0,
    first: null,
    last: null,
  } as Summary['coverage'];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const threads = new Set<string>();
  for (const message of messages) {
    const facts = derived.get(message.rowId);
    if (!facts?.counted) continue;
    const dated = isValidTime(message.time, asOfMs);
    if (!dated && range.from !== null) continue;
    if (dated) {
      const time = message.time as number;
      if (time >= range.to || (range.from !== null && time < range.from)) continue;
      first = Math.min(first, time);
      last = Math.max(last, time);
      threads.add(facts.threadKey);
    } else coverage.undated += 1;
    coverage.messages += 1;
    if (facts.direction === 'sent') coverage.sent += 1;
    else coverage.received += 1;
    if (message.automated) coverage.automated += 1;
  }
  if (coverage.messages > coverage.undated) {
    coverage.first = new Date(first).toISOString();
    coverage.last = new Date(last).toISOString();
  }
  return { coverage, threads: threads.size };
}
