import { composeBulk, startBulk } from './bulk.ts';
import { composeConversation, startConversation } from './conversation.ts';
import { ThreadHeap } from './heap.ts';
import { IdAllocator } from './ids.ts';
import { composeListPost, startListThread } from './lists.ts';
import { DEFECT_RATE, DEFECTS, damage } from './malformed.ts';
import type { Random } from './random.ts';
import { rawLength } from './rfc822.ts';
import type { Composed, Thread, ThreadKind } from './thread.ts';
import type { GeneratedMessage, GeneratorOptions } from './types.ts';
import { makeWorld, type World } from './world.ts';

/**
 * A mailbox of `options.messages` messages in time order, streamed: only the open threads are
 * kept, so memory stays flat however many messages are asked for.
 *
 * Threads are planned with their length up front. Their starts follow the user's activity
 * curve (see Rhythm), and each message schedules the thread's next one; a heap of open threads
 * then hands out messages in time order, like a discrete-event simulation.
 */
export function* generateMailbox(options: GeneratorOptions): Generator<GeneratedMessage> {
  const world = makeWorld(options);
  const total = options.messages;
  const planner = world.random.fork(3);
  const ids = new IdAllocator(world.random.fork(4));
  const heap = new ThreadHeap();
  let committed = 0;
  let order = 0;

  const nextStart = (): Thread | null => {
    if (committed >= total) return null;
    const kind = pickKind(planner.next());
    const length = Math.min(total - committed, lengthFor(kind, planner));
    const time = world.rhythm.at((committed + planner.next() * length) / total);
    committed += length;
    order += 1;
    if (kind === 'conversation') return startConversation(world, time, length, order);
    if (kind === 'list') return startListThread(world, time, length, order);
    return startBulk(world, kind, time, length, order);
  };

  let pending = nextStart();
  for (let emitted = 0; emitted < total; emitted++) {
    const due = heap.peek();
    let thread: Thread;
    if (pending && (!due || pending.nextTime <= due.nextTime)) {
      thread = pending;
      pending = nextStart();
    } else {
      thread = heap.pop()!;
    }
    const time = Math.floor(thread.nextTime);
    const id = ids.next(time);
    if (!thread.threadId) thread.threadId = id;
    const composed = compose(world, thread, id, time);
    const own = composed.labelIds.includes('SENT') || composed.labelIds.includes('DRAFT');
    if (!own && world.random.chance(DEFECT_RATE)) damage(composed, world.random.pick(DEFECTS), world.random);
    if (thread.remaining > 0) heap.push(thread);
    yield {
      id,
      threadId: thread.threadId,
      labelIds: composed.labelIds,
      internalDate: time,
      sizeEstimate: rawLength(composed.headers, composed.body),
      headers: composed.headers,
      body: composed.body,
    };
  }
}

/** Share of thread starts by kind (cumulative), tuned so about a third of all messages are sent. */
const KIND_MIX: ReadonlyArray<[number, ThreadKind]> = [
  [0.42, 'conversation'],
  [0.7, 'newsletter'],
  [0.86, 'service'],
  [0.97, 'list'],
  [1, 'spam'],
];

function pickKind(roll: number): ThreadKind {
  return KIND_MIX.find(([upTo]) => roll < upTo)?.[1] ?? 'spam';
}

/** Thread lengths by kind: conversations and list discussions have long tails, bulk mail is single. */
function lengthFor(kind: ThreadKind, planner: Random): number {
  switch (kind) {
    case 'conversation':
      return planner.powerLaw(1.3, 40);
    case 'list':
      return planner.powerLaw(1.1, 30);
    case 'service':
      return planner.chance(0.8) ? 1 : planner.between(2, 5);
    default:
      return 1;
  }
}

function compose(world: World, thread: Thread, id: string, time: number): Composed {
  switch (thread.kind) {
    case 'conversation':
      return composeConversation(world, thread, id, time);
    case 'list':
      return composeListPost(world, thread, id, time);
    default:
      return composeBulk(world, thread, id, time);
  }
}
