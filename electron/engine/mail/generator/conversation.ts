import {
  answerTime,
  archivedAtStart,
  closeHeaders,
  openHeaders,
  receivedLabels,
  replyPrefix,
  sentLabels,
  signatureOf,
  userLabelAtStart,
} from './compose.ts';
import { type Person, replyDelay } from './people.ts';
import { quoteOf } from './text.ts';
import type { Composed, Thread } from './thread.ts';
import { dateHeader, type World } from './world.ts';
import { HOUR, MINUTE } from './zones.ts';

/** A conversation between the user and one or more contacts, started by either side. */
export function startConversation(world: World, time: number, length: number, order: number): Thread {
  const { random, contacts } = world;
  const people: Person[] = [contacts[random.skewed(contacts.length)]!];
  if (random.chance(0.25)) {
    const extra = random.between(1, 4);
    for (let i = 0; i < extra; i++) {
      const person = contacts[random.skewed(contacts.length, 1.8)]!;
      if (!people.includes(person)) people.push(person);
    }
  }
  const me = world.aliases.length > 0 && random.chance(0.12) ? random.pick(world.aliases) : world.user;
  const byMe = random.chance(0.45);
  return {
    kind: 'conversation',
    order,
    threadId: '',
    remaining: length,
    nextTime: time,
    step: byMe ? 'me' : 'contact',
    speaker: byMe ? null : people[0]!,
    subject: world.texts.subject(),
    references: [],
    lastAuthor: null,
    lastTime: time,
    lastBody: '',
    me,
    people,
    archived: archivedAtStart(world, time),
    userLabel: userLabelAtStart(world),
    list: null,
    sender: null,
  };
}

export function composeConversation(world: World, thread: Thread, id: string, time: number): Composed {
  const fromMe = thread.step === 'me' || thread.step === 'draft';
  const author = fromMe ? thread.me : thread.speaker!;
  const autoReply = thread.step === 'auto-reply';
  const prefix = autoReply ? 'Automatic reply: ' : replyPrefix(thread);
  const headers = openHeaders(world, thread, id, author, time, prefix);
  headers.push({ name: 'From', value: author.header });
  const others = thread.people.filter((person) => person !== author);
  if (fromMe) {
    const addressee =
      thread.lastAuthor && thread.lastAuthor !== thread.me ? thread.lastAuthor : thread.people[0]!;
    const rest = others.filter((person) => person !== addressee);
    const toCount = rest.length > 0 && world.random.chance(0.4) ? 1 + world.random.int(rest.length) : 0;
    headers.push({
      name: 'To',
      value: [addressee, ...rest.slice(0, toCount)].map((p) => p.header).join(', '),
    });
    if (rest.length > toCount)
      headers.push({
        name: 'Cc',
        value: rest
          .slice(toCount)
          .map((p) => p.header)
          .join(', '),
      });
    if (world.random.chance(0.04)) {
      headers.push({ name: 'Bcc', value: world.contacts[world.random.int(world.contacts.length)]!.header });
    }
  } else {
    headers.push({ name: 'To', value: thread.me.header });
    if (others.length > 0 && !autoReply)
      headers.push({ name: 'Cc', value: others.map((p) => p.header).join(', ') });
  }
  if (autoReply) headers.push({ name: 'Auto-Submitted', value: 'auto-replied' });
  else if (world.random.chance(0.005)) headers.push({ name: 'Auto-Submitted', value: 'no' });
  closeHeaders(headers);
  const quote = thread.lastAuthor
    ? quoteOf(dateHeader(thread.lastAuthor, thread.lastTime), thread.lastAuthor.address, thread.lastBody)
    : null;
  const body = autoReply
    ? `I am out of the office with limited access to email and will reply when I am back.\n\n${signatureOf(author)}\n`
    : world.texts.personalBody(signatureOf(author), quote);
  const labelIds = fromMe
    ? sentLabels(world, thread, thread.step === 'draft')
    : receivedLabels(world, thread, 'CATEGORY_PERSONAL', thread.remaining === 1 ? 0.12 : 0.02);
  thread.lastAuthor = author;
  thread.lastTime = time;
  thread.lastBody = body;
  planNextInConversation(world, thread);
  return { labelIds, headers, body };
}

function planNextInConversation(world: World, thread: Thread): void {
  const { random } = world;
  thread.remaining -= 1;
  if (thread.remaining === 0) return;
  const last = thread.lastAuthor!;
  if (last === thread.me) {
    const addressee = thread.people[0]!;
    if (random.chance(addressee.awayRate)) {
      thread.step = 'auto-reply';
      thread.speaker = addressee;
      thread.nextTime = Math.min(world.end, thread.lastTime + MINUTE + random.int(2 * MINUTE));
      thread.nextTime = Math.max(thread.nextTime, thread.lastTime);
      return;
    }
    if (random.chance(0.08)) {
      // A nudge: the user follows up on their own unanswered mail a few days later.
      thread.step = 'me';
      thread.nextTime = answerTime(world, thread.lastTime, thread.me, 48 * HOUR + random.int(72 * HOUR));
      return;
    }
    const speaker = random.chance(0.7) ? addressee : random.pick(thread.people);
    thread.step = 'contact';
    thread.speaker = speaker;
    thread.nextTime = answerTime(world, thread.lastTime, speaker, replyDelay(speaker, random));
    return;
  }
  if (random.chance(0.78) || thread.people.length === 0) {
    thread.step = thread.remaining === 1 && random.chance(0.05) ? 'draft' : 'me';
    thread.nextTime = answerTime(world, thread.lastTime, thread.me, replyDelay(thread.me, random));
    return;
  }
  const speaker = random.pick(thread.people);
  thread.step = 'contact';
  thread.speaker = speaker;
  thread.nextTime = answerTime(world, thread.lastTime, speaker, replyDelay(speaker, random));
}
