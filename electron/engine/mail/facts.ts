/**
 * Headers → {@link MessageFacts}: one function for both ways a message arrives (raw bytes from an
 * import, a Gmail `format=metadata` resource), so the same headers always give the same facts.
 */
import { createHash, hash } from 'node:crypto';
import { BriefError } from '../../../shared/errors.ts';
import { addressesOf, parseAddressHeaders } from './addresses.ts';
import { parseMailDate } from './date.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import {
  firstHeader,
  type HeaderMap,
  HeaderNames,
  headersFromPairs,
  KNOWN_HEADERS,
  readHeaders,
} from './headers.ts';
import { labelsFromTakeout } from './labels.ts';
import { isAutomated, listPostAddress, unsubscribeTarget } from './list-headers.ts';
import { subjectKey } from './subject.ts';
import type { MessageFacts } from './types.ts';

/** What the source knows beyond the headers. */
interface SourceFacts {
  providerId: string | null;
  providerThreadId: string | null;
  /** The message time; undefined means "take the Date header". */
  time?: number | null;
  labels: string[];
  size: number;
}

/** The Gmail API `format=metadata` message shape. */
export interface GmailMessageResource {
  id: string;
  threadId: string;
  labelIds?: string[];
  internalDate?: string;
  sizeEstimate?: number;
  payload?: { headers?: Array<{ name: string; value: string }> };
}

function decodeSubject(value: string | undefined): string | null {
  return value === undefined ? null : decodeEncodedWords(value);
}

const OPEN = 0x3c;
const CLOSE = 0x3e;
const isBracket = (code: number) => code === OPEN || code === CLOSE;

/**
 * Message ids in a Message-ID, In-Reply-To or References value, without angle brackets: what
 * /<([^<>]*)>/g finds, trimmed, the empty ones left out, read where they stand (no iterator, match
 * arrays or intermediate lists; test/mail/facts-read-by-hand.test.ts holds it equal to the expression).
 */
export function messageIds(value: string | undefined): string[] {
  if (value === undefined) return [];
  const ids: string[] = [];
  for (let open = value.indexOf('<'); open !== -1; ) {
    let at = open + 1;
    while (at < value.length && !isBracket(value.charCodeAt(at))) at += 1;
    // No `>` after this `<`: nothing further can match.
    if (at === value.length) break;
    // Another `<` before the `>`: the match can only start there.
    if (value.charCodeAt(at) === OPEN) {
      open = at;
      continue;
    }
    const id = value.slice(open + 1, at).trim();
    if (id !== '') ids.push(id);
    open = value.indexOf('<', at + 1);
  }
  if (ids.length > 0) return ids;
  const bare = value.trim();
  return bare !== '' && !/\s/.test(bare) ? [bare] : [];
}

/** The duplicate rule's content key: From, Date instant, decoded Subject, the set of To and Cc. */
function contentKeyOf(
  from: string | null,
  dateTime: number | null,
  subject: string | null,
  to: string[],
  cc: string[],
) {
  if (dateTime === null) return null;
  const recipients = distinctSorted(to, cc);
  // A digest, not the text: it is compared for equality only, and is stored and kept in memory
  // for every message of a mailbox (the text runs to hundreds of bytes on a long Cc list).
  const text = JSON.stringify([from ?? '', dateTime, subject ?? '', recipients]);
  // One-shot: a Hash object per message cost twice as much (two digests for every message read).
  return hash('sha1', text, 'base64url').slice(0, 22);
}

/**
 * The distinct strings of both lists in Array.prototype.sort order, as a Set spread and sorted
 * gave them: sorted first, then each repeat (now beside its twin) dropped, in one array.
 */
function distinctSorted(to: string[], cc: string[]): string[] {
  const all = cc.length === 0 ? to.slice() : to.concat(cc);
  if (all.length < 2) return all;
  all.sort();
  let kept = 1;
  for (let i = 1; i < all.length; i++) if (all[i] !== all[kept - 1]) all[kept++] = all[i]!;
  all.length = kept;
  return all;
}

export function factsFromHeaders(headers: HeaderMap, source: SourceFacts): MessageFacts {
  const fromList = parseAddressHeaders(headers.get('from'));
  const replyToList = parseAddressHeaders(headers.get('reply-to'));
  const to = addressesOf(headers.get('to'));
  const cc = addressesOf(headers.get('cc'));
  const bcc = addressesOf(headers.get('bcc'));
  const from = fromList[0]?.address ?? null;
  const fromName = fromList[0]?.name ?? null;
  const listPostHeader = firstHeader(headers, 'list-post');
  const listPost = listPostAddress(listPostHeader);
  let sender = from;
  let senderName = fromName;
  // The DMARC "via" rewrite: a list that puts its own address in From keeps the author in Reply-To.
  const onlyReplyTo = replyToList.length === 1 ? replyToList[0] : undefined;
  if (from !== null && listPost === from && onlyReplyTo) {
    sender = onlyReplyTo.address;
    senderName = onlyReplyTo.name;
  }
  const subject = decodeSubject(firstHeader(headers, 'subject'));
  const dateTime = parseMailDate(firstHeader(headers, 'date'));
  const labels = source.labels;
  const messageId = messageIds(firstHeader(headers, 'message-id'))[0] ?? null;
  const contentKey = contentKeyOf(from, dateTime, subject, to, cc);
  return {
    providerId: source.providerId ?? importedProviderId(messageId, contentKey, null),
    providerThreadId: source.providerThreadId,
    messageId,
    inReplyTo: messageIds(firstHeader(headers, 'in-reply-to')),
    references: messageIds(firstHeader(headers, 'references')),
    time: source.time === undefined ? dateTime : source.time,
    from,
    fromName,
    sender,
    senderName,
    to,
    cc,
    bcc,
    replyTo: replyToList.map((entry) => entry.address),
    subject,
    subjectKey: subjectKey(subject),
    labels,
    listPost,
    hasListPost: listPostHeader !== undefined,
    unsubscribe: unsubscribeTarget(firstHeader(headers, 'list-unsubscribe')),
    automated: isAutomated(headers, sender, labels),
    size: source.size,
    contentKey,
  };
}

/**
 * The stable id of an imported message: the first 24 hex digits of SHA-1 over its Message-ID
 * ("m:" prefix), else its content key ("c:"), else its raw bytes ("r:"). Re-importing the same
 * files therefore gives the same ids.
 */
export function importedProviderId(
  messageId: string | null,
  contentKey: string | null,
  raw: Buffer | null,
): string {
  if (messageId !== null) return hash('sha1', `m:${messageId}`, 'hex').slice(0, 24);
  if (contentKey !== null) return hash('sha1', `c:${contentKey}`, 'hex').slice(0, 24);
  return createHash('sha1')
    .update('r:')
    .update(raw ?? Buffer.alloc(0))
    .digest('hex')
    .slice(0, 24);
}

/**
 * The headers a raw message's facts read (factsFromHeaders, isAutomated, factsFromRaw), the known
 * ones that make a block a mail header, and Content-Type (its charset decodes 8-bit values). The
 * rest (X-From, X-Folder, Mime-Version… in Enron's mail) are not copied out of the block: they
 * were about half of each message's header strings. test/mail/kept-headers.test.ts holds the facts
 * equal to those read from every header.
 */
export const FACT_HEADERS = new HeaderNames([
  ...KNOWN_HEADERS,
  'bcc',
  'in-reply-to',
  'references',
  'list-post',
  'list-unsubscribe',
  'list-id',
  'auto-submitted',
  'precedence',
  'x-gm-thrid',
  'content-type',
]);

/** Facts of a raw RFC 822 message. Throws UNSUPPORTED_INPUT when its start holds no readable header. */
export function factsFromRaw(raw: Buffer, context: { folderLabels: string[]; file?: string }): MessageFacts {
  const headers = readHeaders(raw, FACT_HEADERS);
  if (headers === null) {
    const where = context.file ? ` in ${context.file}` : '';
    throw new BriefError(
      'UNSUPPORTED_INPUT',
      `A message${where} has no readable mail header (From, Date, Subject, Message-ID…); it was skipped.`,
    );
  }
  const takeoutLabels = firstHeader(headers, 'x-gmail-labels');
  const facts = factsFromHeaders(headers, {
    providerId: null,
    providerThreadId: firstHeader(headers, 'x-gm-thrid') || null,
    labels: takeoutLabels !== undefined ? labelsFromTakeout(takeoutLabels) : [...context.folderLabels],
    size: raw.length,
  });
  if (facts.messageId === null && facts.contentKey === null) {
    facts.providerId = importedProviderId(null, null, raw);
  }
  return facts;
}

/** Facts of a Gmail API message resource (`format=metadata`). */
export function factsFromGmail(resource: GmailMessageResource): MessageFacts {
  const internal = resource.internalDate === undefined ? Number.NaN : Number(resource.internalDate);
  return factsFromHeaders(headersFromPairs(resource.payload?.headers ?? []), {
    providerId: resource.id,
    providerThreadId: resource.threadId || null,
    time: Number.isFinite(internal) ? internal : null,
    labels: [...(resource.labelIds ?? [])],
    size: resource.sizeEstimate ?? 0,
  });
}
