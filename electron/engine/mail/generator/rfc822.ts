import { USER_LABEL_NAMES } from './compose.ts';
import type { GeneratedMessage, Header } from './types.ts';

const SYSTEM_LABEL_NAMES: Readonly<Record<string, string>> = {
  INBOX: 'Inbox',
  SENT: 'Sent',
  UNREAD: 'Unread',
  DRAFT: 'Drafts',
  SPAM: 'Spam',
  TRASH: 'Trash',
  STARRED: 'Starred',
  IMPORTANT: 'Important',
};

/** The name Takeout writes for a label id: `CATEGORY_PROMOTIONS` → `Category Promotions`. */
export function takeoutLabelName(labelId: string): string {
  const system = SYSTEM_LABEL_NAMES[labelId];
  if (system) return system;
  if (labelId.startsWith('CATEGORY_')) {
    const rest = labelId.slice('CATEGORY_'.length).toLowerCase();
    return `Category ${rest[0]!.toUpperCase()}${rest.slice(1)}`;
  }
  return USER_LABEL_NAMES[labelId] ?? labelId;
}

/** Takeout also writes Opened (read received mail) and Archived (received mail out of the inbox). */
function takeoutLabels(labelIds: readonly string[]): string {
  const names = labelIds.map(takeoutLabelName);
  const own = labelIds.includes('SENT') || labelIds.includes('DRAFT');
  const binned = labelIds.includes('SPAM') || labelIds.includes('TRASH');
  if (!own && !labelIds.includes('UNREAD')) names.push('Opened');
  if (!own && !binned && !labelIds.includes('INBOX')) names.push('Archived');
  return names.join(',');
}

/** Decimal of a 16-hex id, as Takeout writes X-GM-THRID and its separator ids. */
export function decimalId(hexId: string): string {
  return BigInt(`0x${hexId}`).toString();
}

/** References are folded one id per line; every other header is one line. */
function headerLine(header: Header): string {
  const value = header.name === 'References' ? header.value.replaceAll(' ', '\n ') : header.value;
  return `${header.name}: ${value}\n`;
}

/** What {@link headerLine} and the body add up to, without building the text. */
export function rawLength(headers: readonly Header[], body: string): number {
  let length = 1 + body.length;
  for (const header of headers) {
    length += header.name.length + header.value.length + 3;
    if (header.name === 'References') length += header.value.split(' ').length - 1;
  }
  return length;
}

/** The message as text whose characters are all below U+0100 (so each becomes one byte). */
export function rfc822Text(message: GeneratedMessage): string {
  let text = `X-GM-THRID: ${decimalId(message.threadId)}\nX-Gmail-Labels: ${takeoutLabels(message.labelIds)}\n`;
  for (const header of message.headers) text += headerLine(header);
  return `${text}\n${message.body}`;
}

/** The message as Takeout exports it: LF line ends, X-GM-THRID and X-Gmail-Labels first. */
export function toRfc822(message: GeneratedMessage): Buffer {
  return Buffer.from(rfc822Text(message), 'latin1');
}
