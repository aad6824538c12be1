import { encodeText } from './addresses.ts';
import type { Person } from './people.ts';
import { deferToWorkingHours } from './rhythm.ts';
import { ascii } from './text.ts';
import type { Thread } from './thread.ts';
import type { Header } from './types.ts';
import { dateHeader, messageIdFor, referencesValue, type World } from './world.ts';

/** User labels the generator puts on some threads, with the names Takeout writes for them. */
export const USER_LABEL_NAMES: Readonly<Record<string, string>> = {
  Label_1: 'Receipts',
  Label_2: 'Travel',
  Label_3: 'Projects/Atlas',
  Label_4: 'Family',
};
const USER_LABEL_IDS = Object.keys(USER_LABEL_NAMES);

/** Starts a message's headers the way a mail system lays them out, threading and subject included. */
export function openHeaders(
  world: World,
  thread: Thread,
  id: string,
  author: Person,
  time: number,
  prefix: string,
): Header[] {
  const headers: Header[] = [];
  const received = thread.step !== 'me' && thread.step !== 'draft';
  if (received) headers.push({ name: 'Delivered-To', value: world.user.address });
  headers.push({ name: 'MIME-Version', value: '1.0' });
  headers.push({ name: 'Date', value: dateHeader(author, time) });
  const messageId = messageIdFor(id, author.domain, world.random);
  headers.push({ name: 'Message-ID', value: messageId });
  const last = thread.references[thread.references.length - 1];
  if (last) {
    headers.push({ name: 'In-Reply-To', value: last });
    headers.push({ name: 'References', value: referencesValue(thread.references) });
  }
  // Clients add "Re: " outside the encoded-words of the original subject.
  headers.push({ name: 'Subject', value: prefix + encodeText(thread.subject) });
  thread.references.push(messageId);
  return headers;
}

export function closeHeaders(headers: Header[]): void {
  headers.push({ name: 'Content-Type', value: 'text/plain; charset="UTF-8"' });
  headers.push({ name: 'Content-Transfer-Encoding', value: '7bit' });
}

/** The subject prefix of a thread's next message: none for the first, "Re: " after. */
export function replyPrefix(thread: Thread): string {
  return thread.references.length === 0 ? '' : 'Re: ';
}

/** Labels of a received message: inbox unless archived or binned, read state, category. */
export function receivedLabels(world: World, thread: Thread, category: string, unreadRate: number): string[] {
  const labels: string[] = [];
  const trashed = world.random.chance(thread.kind === 'conversation' ? 0.01 : 0.04);
  if (world.random.chance(unreadRate)) labels.push('UNREAD');
  if (thread.kind === 'conversation') {
    if (world.random.chance(0.5)) labels.push('IMPORTANT');
    if (world.random.chance(0.02)) labels.push('STARRED');
  }
  labels.push(category);
  if (trashed) labels.push('TRASH');
  else if (!thread.archived) labels.push('INBOX');
  if (thread.userLabel) labels.push(thread.userLabel);
  return labels;
}

export function sentLabels(world: World, thread: Thread, draft: boolean): string[] {
  const labels = draft ? ['DRAFT'] : ['SENT'];
  if (!draft && world.random.chance(0.3)) labels.push('IMPORTANT');
  if (thread.userLabel) labels.push(thread.userLabel);
  return labels;
}

/** Older threads are more often archived: people clear their inbox over time. */
export function archivedAtStart(world: World, time: number): boolean {
  const age = (world.end - time) / (world.end - world.from);
  return world.random.chance(0.15 + 0.6 * age);
}

export function userLabelAtStart(world: World): string | null {
  return world.random.chance(0.05) ? world.random.pick(USER_LABEL_IDS) : null;
}

export function signatureOf(person: Person): string {
  return `-- \n${ascii(person.name ?? '', person.address.slice(0, person.address.indexOf('@')))}`;
}

/**
 * When a person answers: their own delay, kept to their working hours when they are diligent,
 * and never past the mailbox's end (the last replies are squeezed into the time left).
 */
export function answerTime(world: World, after: number, person: Person, delay: number): number {
  let t = after + delay;
  if (world.random.chance(person.diligence)) t = deferToWorkingHours(t, person.zone, world.random);
  return t <= world.end ? t : after + (world.end - after) * world.random.next();
}
