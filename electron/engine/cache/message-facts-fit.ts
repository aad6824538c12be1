/**
 * Fits one message's facts to `FACT_LIMITS`, so that a message past them (a 1,000-character
 * display name, a 20,000-character Subject, 12,000 References) is stored cut rather than
 * refusing its whole batch. What names the message or its thread is never cut (two messages
 * could become one): a message with such a value is skipped instead. Either way the reason is
 * a sentence for the person's report.
 */
import { formatCount } from '../../../shared/plural.ts';
import type { MessageFacts } from '../mail/types.ts';
import { FACT_LIMITS } from './message-facts-limits.ts';

export type FactsFit =
  | { kind: 'fits'; facts: MessageFacts; cuts: string[] }
  | { kind: 'skip'; reason: string };

/** The first `max` UTF-16 units, never ending inside a surrogate pair. */
function cutText(value: string, max: number): string {
  const last = value.charCodeAt(max - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function identityPastLimit(facts: MessageFacts): string | null {
  const over = (value: string | null, max: number, what: string) =>
    value !== null && value.length > max
      ? `Skipped: its ${what} is ${formatCount(value.length)} characters long (at most ${formatCount(max)} can be stored, and cutting it would change which message it is).`
      : null;
  return (
    over(facts.providerId, FACT_LIMITS.id, 'id') ??
    over(facts.providerThreadId, FACT_LIMITS.id, 'thread id') ??
    over(facts.contentKey, FACT_LIMITS.contentKey, 'content key')
  );
}

class Cutter {
  readonly cuts: string[] = [];

  text(value: string, max: number, what: string): string {
    if (value.length <= max) return value;
    this.cuts.push(`${what} (${formatCount(value.length)} characters) cut to ${formatCount(max)}`);
    return cutText(value, max);
  }

  nullable(value: string | null, max: number, what: string): string | null {
    return value === null ? null : this.text(value, max, what);
  }

  /** A list cut to `max` items (`keep` chooses which) and each item to `itemMax` characters. */
  list(
    values: string[],
    what: string,
    max: number,
    itemMax: number,
    keep: (values: string[], max: number) => string[] = firstItems,
  ): string[] {
    let out = values;
    if (out.length > max) {
      this.cuts.push(`${what} (${formatCount(out.length)}) cut to ${formatCount(max)}`);
      out = keep(out, max);
    }
    // Counted, not filtered: seven lists a message, nearly always with nothing to cut.
    let long = 0;
    for (const item of out) if (item.length > itemMax) long += 1;
    if (long === 0) return out;
    this.cuts.push(`${formatCount(long)} of ${what} longer than ${formatCount(itemMax)} characters cut`);
    return out.map((item) => (item.length > itemMax ? cutText(item, itemMax) : item));
  }
}

/** The first `max` items (a function of its own: a default written inline is a new closure per call). */
function firstItems(values: string[], max: number): string[] {
  return values.slice(0, max);
}

/** The root and the newest ancestors: what threading reads (RFC 5322 trims References the same way). */
function rootAndNewest(ids: string[], max: number): string[] {
  return [ids[0]!, ...ids.slice(ids.length - (max - 1))];
}

export function fitFactsToLimits(facts: MessageFacts): FactsFit {
  const identity = identityPastLimit(facts);
  if (identity !== null) return { kind: 'skip', reason: identity };
  const cut = new Cutter();
  const { line, list } = FACT_LIMITS;
  const from = cut.nullable(facts.from, line, 'the From address');
  const fromName = cut.nullable(facts.fromName, line, 'the From display name');
  // The sender is usually From itself: say so once.
  const sender = facts.sender === facts.from ? from : cut.nullable(facts.sender, line, 'the sender address');
  const senderName =
    facts.senderName === facts.fromName ? fromName : cut.nullable(facts.senderName, line, 'the sender name');
  const subject = cut.nullable(facts.subject, FACT_LIMITS.subject, 'the Subject');
  const unsubscribe =
    facts.unsubscribe !== null && facts.unsubscribe.length > FACT_LIMITS.unsubscribe
      ? null
      : facts.unsubscribe;
  if (unsubscribe !== facts.unsubscribe) {
    cut.cuts.push(
      `the List-Unsubscribe link (${formatCount(facts.unsubscribe!.length)} characters) left out, since a cut link would lead elsewhere`,
    );
  }
  const messageId = cut.nullable(facts.messageId, line, 'the Message-ID');
  const inReplyTo = cut.list(facts.inReplyTo, 'the In-Reply-To ids', list, line);
  const references = cut.list(facts.references, 'the References ids', list, line, rootAndNewest);
  const to = cut.list(facts.to, 'the To addresses', list, line);
  const cc = cut.list(facts.cc, 'the Cc addresses', list, line);
  const bcc = cut.list(facts.bcc, 'the Bcc addresses', list, line);
  const replyTo = cut.list(facts.replyTo, 'the Reply-To addresses', list, line);
  const labels = cut.list(facts.labels, 'the labels', FACT_LIMITS.labels, FACT_LIMITS.id);
  const listPost = cut.nullable(facts.listPost, line, 'the List-Post address');
  // Nearly every message fits as it is: a copy is made only for one that was cut.
  if (cut.cuts.length === 0) return { kind: 'fits', facts, cuts: cut.cuts };
  const fitted: MessageFacts = {
    ...facts,
    messageId,
    inReplyTo,
    references,
    from,
    fromName,
    sender,
    senderName,
    to,
    cc,
    bcc,
    replyTo,
    subject,
    // Derived from the Subject: cut with it, said with it.
    subjectKey:
      facts.subjectKey.length > FACT_LIMITS.subject
        ? cutText(facts.subjectKey, FACT_LIMITS.subject)
        : facts.subjectKey,
    labels,
    listPost,
    unsubscribe,
  };
  return { kind: 'fits', facts: fitted, cuts: cut.cuts };
}

/** One sentence for a report: what was cut. */
export function describeCuts(cuts: readonly string[]): string {
  return `Stored cut to the limits: ${cuts.join('; ')}.`;
}
