/**
 * "How is this computed?" for each section of the Brief, in one sentence: the full definitions,
 * with worked examples, are docs/metrics.md's sections of the same names (`#briefWaitingOnYou`).
 */
import type { BriefDefinitions } from '../../../../shared/brief-types.ts';

export const BRIEF_DEFINITIONS = {
  brief:
    "The Brief is taken as of A: now, or — when all of the mail is older than the dashboard's default 30 days — the midnight after the newest message's day, as the dashboard anchors its ranges.",
  briefWaitingOnYou:
    'Threads whose last message before A is received, not automated, from a contact, in the inbox, and more than 24 hours and less than 30 days old — "Awaiting reply, on you" — oldest first.',
  briefNewSince:
    'A thread is new when the last brief of its account did not list it; that brief is stored per account and moves when you leave the Brief view or run brief digest.',
  briefWaitingOnThem:
    'Threads whose last message before A is yours and at least 3 days and less than 30 days old — "Awaiting reply, on them" — oldest first.',
  briefGoingQuiet:
    'Contacts with at least 10 exchanges in [A − 120 days, A − 30 days) and none in the 30 days before A.',
  briefReplyTime:
    'The median of your reply delays whose reply falls in the last 7 days, against the median of the 28 days before: faster than usual below 0.8 times it, slower above 1.25 times it, else as usual.',
  briefNewsletters:
    'Senders of automated mail with at least 3 messages in the 30 days to A, every one of them still unread, with their List-Unsubscribe target.',
  briefCoverage:
    'Counted messages of all time with the first and last, and for synced mail the share of the Gmail mailbox stored and the last sync — as in Coverage.',
} as const satisfies BriefDefinitions;
