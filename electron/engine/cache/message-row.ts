import type { DerivedFacts, MessageFacts } from '../mail/types.ts';

/** A stored message: its facts, where it came from, and the per-account derivations (null thread until derived). */
export interface CachedMessage extends MessageFacts, Omit<DerivedFacts, 'threadKey'> {
  /** The row id: storage order, which breaks ties in time. */
  id: number;
  accountId: number;
  provider: string;
  threadKey: string | null;
}

export interface MessageRow {
  id: number;
  account_id: number;
  provider: string;
  provider_id: string;
  provider_thread_id: string | null;
  message_id: string | null;
  in_reply_to: string;
  refs: string;
  time: number | null;
  from_addr: string | null;
  from_name: string | null;
  sender: string | null;
  sender_name: string | null;
  to_addrs: string;
  cc_addrs: string;
  bcc_addrs: string;
  reply_to: string;
  subject: string | null;
  subject_key: string;
  labels: string;
  list_post: string | null;
  has_list_post: number;
  unsubscribe: string | null;
  automated: number;
  size: number;
  content_key: string | null;
  counted: number;
  direction: 'sent' | 'received';
  echo: number;
  thread_key: string | null;
}

/** Where and when a message is stored: the statements' parameters beside its facts. */
export interface RowPlace {
  accountId: number;
  provider: string;
  labelBits: number;
  raw: Buffer | null;
  now: string;
}

/**
 * Every parameter the insert and update statements bind (message-statements.ts), in one object
 * built once per message. `id` and the derived columns start as a row to derive, for the
 * statements that bind them to set (#provisionalInsert in message-cache-service.ts).
 */
export interface RowParams extends RowPlace {
  [column: string]: string | number | Buffer | null;
  /** Null: the next row id. */
  id: number | null;
  counted: 0 | 1;
  direction: 'sent' | 'received';
  echo: 0 | 1;
  threadKey: string | null;
}

export function rowParams(facts: MessageFacts, place: RowPlace): RowParams {
  return {
    providerId: facts.providerId,
    providerThreadId: facts.providerThreadId,
    messageId: facts.messageId,
    inReplyTo: JSON.stringify(facts.inReplyTo),
    refs: JSON.stringify(facts.references),
    time: facts.time,
    fromAddr: facts.from,
    fromName: facts.fromName,
    sender: facts.sender,
    senderName: facts.senderName,
    toAddrs: JSON.stringify(facts.to),
    ccAddrs: JSON.stringify(facts.cc),
    bccAddrs: JSON.stringify(facts.bcc),
    replyTo: JSON.stringify(facts.replyTo),
    subject: facts.subject,
    subjectKey: facts.subjectKey,
    labels: JSON.stringify(facts.labels),
    listPost: facts.listPost,
    hasListPost: facts.hasListPost ? 1 : 0,
    unsubscribe: facts.unsubscribe,
    automated: facts.automated ? 1 : 0,
    size: facts.size,
    contentKey: facts.contentKey,
    accountId: place.accountId,
    provider: place.provider,
    labelBits: place.labelBits,
    raw: place.raw,
    now: place.now,
    id: null,
    counted: 1,
    direction: 'received',
    echo: 0,
    threadKey: null,
  };
}

const list = (json: string) => JSON.parse(json) as string[];

export function toCachedMessage(row: MessageRow): CachedMessage {
  return {
    id: row.id,
    accountId: row.account_id,
    provider: row.provider,
    providerId: row.provider_id,
    providerThreadId: row.provider_thread_id,
    messageId: row.message_id,
    inReplyTo: list(row.in_reply_to),
    references: list(row.refs),
    time: row.time,
    from: row.from_addr,
    fromName: row.from_name,
    sender: row.sender,
    senderName: row.sender_name,
    to: list(row.to_addrs),
    cc: list(row.cc_addrs),
    bcc: list(row.bcc_addrs),
    replyTo: list(row.reply_to),
    subject: row.subject,
    subjectKey: row.subject_key,
    labels: list(row.labels),
    listPost: row.list_post,
    hasListPost: row.has_list_post === 1,
    unsubscribe: row.unsubscribe,
    automated: row.automated === 1,
    size: row.size,
    contentKey: row.content_key,
    counted: row.counted === 1,
    direction: row.direction,
    echo: row.echo === 1,
    threadKey: row.thread_key,
  };
}

/** Columns read for a message (everything but the raw blob and bookkeeping times). */
export const MESSAGE_COLUMNS = `m.id, m.account_id, m.provider, m.provider_id, m.provider_thread_id, m.message_id,
  m.in_reply_to, m.refs, m.time, m.from_addr, m.from_name, m.sender, m.sender_name, m.to_addrs, m.cc_addrs,
  m.bcc_addrs, m.reply_to, m.subject, m.subject_key, m.labels, m.list_post, m.has_list_post, m.unsubscribe,
  m.automated, m.size, m.content_key, m.counted, m.direction, m.echo, m.thread_key`;
