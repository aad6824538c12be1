/**
 * The Brief in words: one sentence per section, the same on the dashboard, in `brief digest` (text
 * and HTML) and in the tray's notification. Numbers always stand beside the words.
 */
import type { Brief, BriefDefinitionKey, BriefReplyTime, ReplyPeriod } from './brief-types.ts';
import { formatCount as count, counted as plural } from './plural.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long something has waited, roughly: "45 min", "20 h", "1 day", "4 days". */
export function ageText(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.floor(ms / MINUTE))} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return plural(Math.floor(ms / DAY), 'day', 'days');
}

/** A median delay, to the minute below a day and to the hour above: "1 h 30 min", "2 days 3 h". */
export function durationText(ms: number): string {
  if (ms < MINUTE) return 'under a minute';
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest === 0 ? '' : ` ${rest} min`}`;
  }
  const hours = Math.round(ms / HOUR);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${plural(days, 'day', 'days')}${rest === 0 ? '' : ` ${rest} h`}`;
}

/** A local date ("4 May 2026") or date and time ("4 May 2026, 08:31") in the Brief's zone. */
export function localText(iso: string, timeZone: string, withTime = false): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(new Date(iso));
}

/** "3 threads wait on you (oldest 4 days)": the tray's notification, and the start of the section. */
export function waitingOnYouHeadline(waiting: Pick<Brief['waitingOnYou'], 'count' | 'oldestAgeMs'>): string {
  if (waiting.count === 0) return 'Nothing waits on you';
  const verb = waiting.count === 1 ? 'waits' : 'wait';
  return `${plural(waiting.count, 'thread', 'threads')} ${verb} on you (oldest ${ageText(waiting.oldestAgeMs ?? 0)})`;
}

function waitingOnYouSentence(brief: Brief): string {
  const waiting = brief.waitingOnYou;
  if (waiting.count === 0) return 'Nothing waits on you.';
  const headline = waitingOnYouHeadline(waiting);
  if (waiting.lastBriefAt === null) return `${headline}, all new: this is your first brief.`;
  const since = localText(waiting.lastBriefAt, brief.timeZone, true);
  return `${headline}; ${count(waiting.newSinceLastBrief)} new since the last brief (${since}).`;
}

function waitingOnThemSentence(brief: Brief): string {
  const waiting = brief.waitingOnThem;
  if (waiting.count === 0) return 'Nothing of yours has waited 3 days or more for an answer.';
  const verb = waiting.count === 1 ? 'has' : 'have';
  return `${plural(waiting.count, 'thread of yours', 'threads of yours')} ${verb} waited 3 days or more for an answer (oldest ${ageText(waiting.oldestAgeMs ?? 0)}).`;
}

function goingQuietSentence(brief: Brief): string {
  const quiet = brief.goingQuiet.length;
  if (quiet === 0) return 'Nobody you often wrote with has gone quiet.';
  const verb = quiet === 1 ? 'has' : 'have';
  return `${plural(quiet, 'contact', 'contacts')} you often wrote with ${verb} gone quiet: nothing either way in the last 30 days.`;
}

const periodText = (period: ReplyPeriod) =>
  `${durationText(period.medianMs ?? 0)} (${plural(period.count, 'reply', 'replies')})`;

/** "Faster than usual: …", with both medians and how many replies each stands on. */
export function replyTimeSentence(reply: BriefReplyTime): string {
  const { thisWeek, previousFourWeeks: before } = reply;
  switch (reply.verdict) {
    case 'no-replies':
      return before.count === 0
        ? 'No replies from you this week, nor in the four weeks before.'
        : `No replies from you this week; your median over the previous four weeks was ${periodText(before)}.`;
    case 'no-baseline':
      return `Your median reply this week was ${periodText(thisWeek)}; the four weeks before hold none to compare with.`;
    default: {
      const words = { faster: 'Faster than usual', slower: 'Slower than usual', usual: 'About as usual' }[
        reply.verdict
      ];
      return `${words}: your median reply this week was ${periodText(thisWeek)}, against ${periodText(before)} over the previous four weeks.`;
    }
  }
}

function newslettersSentence(brief: Brief): string {
  const { readStateKnown, senders } = brief.newsletters;
  if (!readStateKnown)
    return 'This mail carries no read state (imported files have no UNREAD labels), so the Brief cannot tell which newsletters you never read.';
  if (senders.length === 0)
    return 'No newsletter sender with 3 or more messages in the last 30 days went wholly unread.';
  const verb = senders.length === 1 ? 'has' : 'have';
  return `${plural(senders.length, 'sender', 'senders')} of 3 or more newsletters in the last 30 days ${verb} none of them read.`;
}

/** Coverage in one line: what the Brief stands on, and how fresh it is. */
export function coverageSentence(brief: Brief): string {
  const { coverage, timeZone } = brief;
  if (coverage.messages === 0) return 'No counted mail yet.';
  const span =
    coverage.first && coverage.last
      ? ` from ${localText(coverage.first, timeZone)} to ${localText(coverage.last, timeZone)}`
      : '';
  const counted = `${plural(coverage.messages, 'message', 'messages')}${span}`;
  if (coverage.mailboxTotal === null) {
    const demo = coverage.accounts.every((account) => account.source === 'demo');
    return `${demo ? 'Demo mail' : 'Imported mail'}: ${counted}.`;
  }
  const share =
    coverage.shareSynced === null
      ? ''
      : ` (${Math.floor(coverage.shareSynced * 100)} % of the ${count(coverage.mailboxTotal)} in Gmail)`;
  const synced = coverage.lastSync
    ? `synced ${localText(coverage.lastSync, timeZone, true)}`
    : 'not synced yet';
  return `${counted}${share}, ${synced}.`;
}

/** When the Brief is taken: "as of 4 May 2026, 08:31", or the newest mail's day for an archive. */
export function asOfSentence(brief: Brief): string {
  if (brief.anchor === 'newest') {
    const day = brief.coverage.last ? localText(brief.coverage.last, brief.timeZone) : '—';
    return `As of the newest mail, ${day}: this mail ended before the last 30 days.`;
  }
  return `As of ${localText(brief.asOf, brief.timeZone, true)}.`;
}

export interface BriefSentences {
  asOf: string;
  waitingOnYou: string;
  waitingOnThem: string;
  goingQuiet: string;
  replyTime: string;
  newsletters: string;
  coverage: string;
}

export function briefSentences(brief: Brief): BriefSentences {
  return {
    asOf: asOfSentence(brief),
    waitingOnYou: waitingOnYouSentence(brief),
    waitingOnThem: waitingOnThemSentence(brief),
    goingQuiet: goingQuietSentence(brief),
    replyTime: replyTimeSentence(brief.replyTime),
    newsletters: newslettersSentence(brief),
    coverage: coverageSentence(brief),
  };
}

/** The Brief's sections in order, with their titles and definitions: the view, the digest and its HTML share them. */
export const BRIEF_SECTIONS = [
  { id: 'waitingOnYou', title: 'Waiting on you', definition: 'briefWaitingOnYou' },
  { id: 'waitingOnThem', title: 'Waiting on them', definition: 'briefWaitingOnThem' },
  { id: 'goingQuiet', title: 'Going quiet', definition: 'briefGoingQuiet' },
  { id: 'replyTime', title: 'Your reply time this week', definition: 'briefReplyTime' },
  { id: 'newsletters', title: 'Newsletters you never read', definition: 'briefNewsletters' },
  { id: 'coverage', title: 'Coverage', definition: 'briefCoverage' },
] as const satisfies ReadonlyArray<{
  id: keyof BriefSentences;
  title: string;
  definition: BriefDefinitionKey;
}>;

export type BriefSectionId = (typeof BRIEF_SECTIONS)[number]['id'];

/** How many threads or senders a digest lists per section; the rest are counted. */
export const DIGEST_LIST_LIMIT = 20;

/** The digest's file name: `360brief-<account or all>-<local date>.<extension>`. */
export function digestFileName(brief: Brief, extension: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: brief.timeZone }).format(new Date(brief.asOf));
  const who = brief.account.replace(/[^a-z0-9.@_-]+/gi, '_');
  return `360brief-${who}-${date}.${extension}`;
}
