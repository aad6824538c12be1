/**
 * Waiting on you and on them (docs/metrics.md "Waiting on you"): the Awaiting reply lists of the
 * Brief's range, each thread with its account and, for synced mail, a link to its last message in
 * Gmail (imported mail opens in the drill-down instead).
 */
import type { BriefThread, BriefWaiting } from '../../../../shared/brief-types.ts';
import { awaitingThreads } from '../figures/awaiting.ts';
import { type Dataset, textsAt } from '../prepare.ts';
import type { ResolvedRange } from '../types.ts';

/** The Gmail link of a message (as a drill-down gives it), or null when its account is not Gmail. */
export function gmailLinkOf(data: Dataset, i: number): string | null {
  const account = data.input.accounts.find((candidate) => candidate.id === data.accountId[i]);
  if (account?.provider !== 'gmail') return null;
  return `https://mail.google.com/mail/u/${account.address.toLowerCase()}/#all/${textsAt(data, i).providerId}`;
}

function section(threads: BriefThread[]): BriefWaiting {
  return { count: threads.length, oldestAgeMs: threads[0]?.ageMs ?? null, threads };
}

/** Both lists, oldest first; `isNew` is filled in when the Brief is answered (new-since.ts). */
export function waitingSections(
  data: Dataset,
  range: ResolvedRange,
): { onYou: BriefWaiting; onThem: BriefWaiting } {
  const { lists, last } = awaitingThreads(data, range);
  const withLinks = (entries: typeof lists.onMe): BriefThread[] =>
    entries.map((entry) => {
      const i = last.get(entry.thread)!;
      return {
        thread: entry.thread,
        accountId: data.accountId[i]!,
        subject: entry.subject,
        correspondent: entry.correspondent,
        last: entry.last,
        ageMs: entry.ageMs,
        gmailLink: gmailLinkOf(data, i),
        isNew: false,
      };
    });
  return { onYou: section(withLinks(lists.onMe)), onThem: section(withLinks(lists.onThem)) };
}
