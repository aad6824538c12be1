import { encodePhrase, mailbox } from './addresses.ts';
import {
  answerTime,
  closeHeaders,
  openHeaders,
  receivedLabels,
  replyPrefix,
  sentLabels,
  signatureOf,
} from './compose.ts';
import type { Person } from './people.ts';
import type { MailingList } from './senders.ts';
import type { Composed, Thread } from './thread.ts';
import type { World } from './world.ts';
import { HOUR, MINUTE } from './zones.ts';

/** A discussion on a mailing list; the user posts now and then and the list echoes the post back. */
export function startListThread(world: World, time: number, length: number, order: number): Thread {
  const { random } = world;
  const list = world.lists[random.skewed(world.lists.length, 1.5)]!;
  const byMe = length >= 2 && random.chance(0.08);
  return {
    kind: 'list',
    order,
    threadId: '',
    remaining: length,
    nextTime: time,
    step: byMe ? 'me' : 'contact',
    speaker: byMe ? null : random.pick(list.members),
    subject: `[${list.name}] ${world.texts.subject()}`,
    references: [],
    lastAuthor: null,
    lastTime: time,
    lastBody: '',
    me: world.user,
    people: [],
    archived: random.chance(0.5),
    userLabel: null,
    list,
    sender: null,
  };
}

export function composeListPost(world: World, thread: Thread, id: string, time: number): Composed {
  const list = thread.list!;
  const step = thread.step;
  const author = step === 'me' || step === 'echo' ? thread.me : thread.speaker!;
  // The echo is the user's own post coming back: threaded and titled like the post, not as a reply to it.
  const post = step === 'echo' ? thread.references.pop()! : null;
  const headers = openHeaders(world, thread, id, author, time, replyPrefix(thread));
  if (post) thread.references[thread.references.length - 1] = post;
  if (step === 'me') {
    headers.push({ name: 'From', value: author.header });
    headers.push({ name: 'To', value: list.address });
  } else {
    // DMARC: a list cannot pass on a From whose domain rejects forwarded mail, so it writes its own.
    const rewrite = list.rewritesAll || author.strictDmarc;
    headers.push({ name: 'From', value: rewrite ? viaHeader(author, list) : author.header });
    if (rewrite) headers.push({ name: 'Reply-To', value: author.header });
    headers.push({ name: 'To', value: list.address });
    if (thread.lastAuthor && thread.lastAuthor !== author && world.random.chance(0.2)) {
      headers.push({ name: 'Cc', value: thread.lastAuthor.header });
    }
    headers.push({ name: 'List-Id', value: list.listId });
    headers.push({ name: 'List-Post', value: `<mailto:${list.address}>` });
    headers.push({ name: 'List-Unsubscribe', value: list.unsubscribe });
    headers.push({ name: 'List-Archive', value: `<https://${list.host}/archives/${list.name}>` });
    if (list.precedenceList) headers.push({ name: 'Precedence', value: 'list' });
  }
  closeHeaders(headers);
  const footer = `\n--\n${list.name} mailing list\n${list.address}\n`;
  const body =
    step === 'me'
      ? world.texts.personalBody(signatureOf(author), null)
      : step === 'echo'
        ? thread.lastBody + footer
        : world.texts.personalBody(signatureOf(author), null) + footer;
  const labelIds =
    step === 'me'
      ? sentLabels(world, thread, false)
      : step === 'echo'
        ? ['CATEGORY_FORUMS', ...(thread.archived ? [] : ['INBOX'])]
        : receivedLabels(world, thread, 'CATEGORY_FORUMS', 0.6);
  thread.lastAuthor = author;
  thread.lastTime = time;
  thread.lastBody = body;
  planNextOnList(world, thread);
  return { labelIds, headers, body };
}

function planNextOnList(world: World, thread: Thread): void {
  const { random } = world;
  const list = thread.list!;
  thread.remaining -= 1;
  if (thread.remaining === 0) return;
  if (thread.step === 'me') {
    // The list sends the user's own post back a minute or so later, under a list Message-ID.
    thread.step = 'echo';
    thread.nextTime = Math.min(world.end, thread.lastTime + 20_000 + random.int(3 * MINUTE));
    thread.nextTime = Math.max(thread.nextTime, thread.lastTime);
    return;
  }
  const mine = thread.remaining >= 2 && random.chance(0.1);
  const author: Person = mine ? thread.me : random.pick(list.members);
  thread.step = mine ? 'me' : 'contact';
  thread.speaker = mine ? null : author;
  thread.nextTime = answerTime(world, thread.lastTime, author, random.logNormal(3 * HOUR, 1.3));
}

function viaHeader(author: Person, list: MailingList): string {
  const name = `${author.name ?? author.address.slice(0, author.address.indexOf('@'))} via ${list.name}`;
  return mailbox(encodePhrase(name, false), list.address);
}
