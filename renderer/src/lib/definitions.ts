/**
 * "How is this computed?" texts, from METRICS.md. The report's own `definitions` win when it
 * carries them (see definitionOf); these keep the disclosure readable offline and for older reports.
 */
export const DEFINITIONS = {
  counted:
    'Drafts, spam and trash never count (spam and trash can be turned on in settings). A message is sent when it carries SENT; only when no message of the account carries SENT is it sent when its sender is one of your identities. Everything else is received.',
  volume:
    'Sent and received counts per local day (and week, month) in the range, over counted messages. Totals are the sums; weeks start on Monday.',
  uniqueCorrespondents:
    'Distinct contacts (addresses that are not your identities) that are the sender of a received dated message or a recipient (To, Cc, Bcc) of a sent dated message in the range; echoes of your own mail are excluded.',
  automatedShare:
    'Share of counted messages that are automated: Auto-Submitted other than "no"; a sender local part of noreply, no-reply, donotreply, do-not-reply, notifications, mailer-daemon or postmaster; a Promotions, Social or Updates category; or bulk-list headers without List-Post.',
  topSenders:
    'Received messages grouped by sender (the From address, or the Reply-To address for a mailing list\'s "via" rewrite): count, display name from the most recent message that has one, last message time, share automated. Top 50.',
  topRecipients: 'Sent messages; each distinct contact in To, Cc and Bcc counts once per message. Top 50.',
  topDomains:
    'The top senders and top recipients lists grouped by the part after the last @; a domain counts once per message.',
  busiestTimes:
    "A 7 × 24 matrix of counts, weekday (Monday first) by local hour in the report's time zone, for sent and for received mail.",
  responseTimeMine:
    'Each thread is walked in time order. A received, non-automated message from a contact opens a wait; your next non-automated sent message closes it. Delay = sent time − opening time; pairs of 0 or less are dropped. A pair belongs to the range of its closing message. Median and 90th percentile use the nearest-rank method.',
  responseTimeTheirs:
    'In the same walk, your non-automated sent message opens a wait; the next non-automated received message from a contact closes it (that contact answered). Same outputs, overall and per contact.',
  responseBuckets:
    'Pairs by delay, half-open bounds: [0, 1 h), [1 h, 4 h), [4 h, 24 h), [1 d, 3 d), [3 d, 7 d), [7 d, ∞).',
  responseWeekly: 'The median delay of the pairs closed in each week (weeks start on Monday).',
  workingHours:
    'The same reply pairs, with the delay counting working time only (by default Monday–Friday 09:00–18:00 local, configurable per account). A pair whose working time is 0 is kept with delay 0.',
  afterHours:
    'Share = dated sent messages outside working hours ÷ all dated sent messages in the range. Weekend share = dated sent messages on Saturday or Sunday ÷ all dated sent messages in the range.',
  awaiting:
    'As of the earlier of the range end and now, over every earlier message. On me: threads whose last message is received, not automated, from a contact, in the inbox, older than 24 h and younger than 30 days. On them: threads whose last message is sent and at least 3 and under 30 days old.',
  threads:
    'Threads with at least one counted dated message in the range. Length = counted dated messages in the range; participants = distinct contacts among their senders and recipients. Count, median and 90th-percentile length, median participants, and the 10 longest.',
  newsletters:
    'Automated received mail grouped by sender: count, share read (1 − share unread, where the account has unread labels), last received, unsubscribe link from List-Unsubscribe (the first https: URL, else mailto:). "Rarely read": at least 3 messages and under 20 % read.',
  labels:
    'Counted messages per label id (system labels such as INBOX and SENT, categories, and your own labels).',
  bytesBySender: "Total size per sender: Gmail's sizeEstimate for synced mail, the message size for imports.",
  relationships:
    'Per contact in the range: sent to (your messages with them among the recipients), received from (messages from them), exchanges = the sum, balance = sent to − received from, last contact, and your and their median response time with that contact.',
  goingQuiet:
    'Contacts with at least 10 exchanges between 120 and 30 days ago, and none in the last 30 days (as of the range end or now, whichever is earlier).',
  network:
    'The top 30 contacts by exchanges in the range. Two of them are joined by a line for every counted message in which both appear (sender, To, Cc); thicker lines mean more such messages.',
  comparison:
    'For every range but "all", the same figure for the previous range of the same length. Change = (now − before) ÷ before; shown as a dash when before is 0 or missing.',
  coverage:
    "Messages counted, sent, received, undated and automated; first and last message time; the mailbox's total (less spam and trash when those are off) and the share synced; when the data was last synced (imports have neither).",
} as const;

export type DefinitionKey = keyof typeof DEFINITIONS;

/** The report's definition for a figure when it carries one, else the renderer's. */
export function definitionOf(key: DefinitionKey, fromReport: Record<string, string> | null): string {
  return fromReport?.[key] ?? DEFINITIONS[key];
}
