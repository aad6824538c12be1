import type { HistoryRecord, HistoryType, MessageSnapshot } from './history.ts';
import type { LabelRecord } from './labels.ts';
import type { Mailbox, StoredMessage } from './mailbox.ts';
import { base64UrlPadded, bodyOf } from './raw-message.ts';

/** Response shapes as the discovery document's Schema$… types, keys omitted when empty. */
export type MessageFormat = 'minimal' | 'metadata' | 'full' | 'raw';

type Json = Record<string, unknown>;

export function renderMessage(
  message: StoredMessage,
  format: MessageFormat,
  metadataHeaders: string[],
): Json {
  const out: Json = { id: message.id, threadId: message.threadId };
  if (message.labelIds.length > 0) out.labelIds = [...message.labelIds];
  const snippet = snippetOf(message);
  if (snippet !== '') out.snippet = snippet;
  if (format === 'metadata') out.payload = metadataPayload(message, metadataHeaders);
  if (format === 'full') out.payload = fullPayload(message);
  out.sizeEstimate = message.sizeEstimate;
  if (format === 'raw') out.raw = base64UrlPadded(rawBytes(message));
  out.historyId = String(message.historyId);
  out.internalDate = String(message.internalDate);
  return out;
}

function metadataPayload(message: StoredMessage, wanted: string[]): Json {
  const names = new Set(wanted.map((name) => name.toLowerCase()));
  const headers =
    names.size === 0 ? message.headers : message.headers.filter((h) => names.has(h.name.toLowerCase()));
  return { partId: '', mimeType: mimeTypeOf(message), filename: '', headers: headers.map((h) => ({ ...h })) };
}

function fullPayload(message: StoredMessage): Json {
  const body = bodyBytes(message);
  const data: Json = { size: body.length };
  if (body.length > 0) data.data = base64UrlPadded(body);
  return {
    partId: '',
    mimeType: mimeTypeOf(message),
    filename: '',
    headers: message.headers.map((h) => ({ ...h })),
    body: data,
  };
}

function mimeTypeOf(message: StoredMessage): string {
  const header = message.headers.find((h) => h.name.toLowerCase() === 'content-type');
  const type = header?.value.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? 'text/plain' : type;
}

function rawBytes(message: StoredMessage): Buffer {
  if (message.raw !== undefined) return message.raw;
  const head = message.headers.map((h) => `${h.name}: ${h.value}\r\n`).join('');
  return Buffer.from(`${head}\r\n${message.body ?? ''}`, 'utf8');
}

function bodyBytes(message: StoredMessage): Buffer {
  return message.raw === undefined ? Buffer.from(message.body ?? '', 'utf8') : bodyOf(message.raw);
}

function snippetOf(message: StoredMessage): string {
  const text =
    message.raw === undefined ? (message.body ?? '') : bodyBytes(message).subarray(0, 2000).toString('utf8');
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > 200 ? collapsed.slice(0, 200) : collapsed;
}

export function renderThread(
  mailbox: Mailbox,
  threadId: string,
  format: MessageFormat,
  metadataHeaders: string[],
): Json {
  const messages = mailbox.threadMessages(threadId);
  const historyId = Math.max(...messages.map((m) => m.historyId));
  return {
    id: threadId,
    historyId: String(historyId),
    messages: messages.map((m) => renderMessage(m, format, metadataHeaders)),
  };
}

export function renderThreadListItem(mailbox: Mailbox, threadId: string): Json {
  const messages = mailbox.threadMessages(threadId);
  const newest = messages[messages.length - 1]!;
  const out: Json = { id: threadId };
  const snippet = snippetOf(newest);
  if (snippet !== '') out.snippet = snippet;
  out.historyId = String(Math.max(...messages.map((m) => m.historyId)));
  return out;
}

export function renderLabelSummary(label: LabelRecord): Json {
  if (label.type === 'system') return { id: label.id, name: label.name, type: 'system' };
  const out: Json = {
    id: label.id,
    name: label.name,
    messageListVisibility: label.messageListVisibility ?? 'show',
    labelListVisibility: label.labelListVisibility ?? 'labelShow',
    type: 'user',
  };
  if (label.color !== undefined) out.color = { ...label.color };
  return out;
}

export interface LabelCounts {
  messagesTotal: number;
  messagesUnread: number;
  threadsTotal: number;
  threadsUnread: number;
}

export function renderLabel(label: LabelRecord, counts: LabelCounts): Json {
  return { ...renderLabelSummary(label), ...counts };
}

const HISTORY_KEYS: Record<HistoryType, string> = {
  messageAdded: 'messagesAdded',
  messageDeleted: 'messagesDeleted',
  labelAdded: 'labelsAdded',
  labelRemoved: 'labelsRemoved',
};

export function renderHistoryRecord(record: HistoryRecord): Json {
  const entry: Json = { message: snapshot(record.message) };
  if (record.changedLabelIds !== undefined) entry.labelIds = [...record.changedLabelIds];
  return {
    id: String(record.id),
    messages: [{ id: record.message.id, threadId: record.message.threadId }],
    [HISTORY_KEYS[record.type]]: [entry],
  };
}

function snapshot(message: MessageSnapshot): Json {
  const out: Json = { id: message.id, threadId: message.threadId };
  if (message.labelIds.length > 0) out.labelIds = [...message.labelIds];
  return out;
}
