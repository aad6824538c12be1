import type { PreparedMessage } from './prepare.ts';

/** A wait and the message that ended it; it belongs to a range by the closing message's time. */
export interface ReplyPair {
  opening: PreparedMessage;
  closing: PreparedMessage;
  delay: number;
  /** The contact of the pair: the opener's sender for my replies, the answering contact for theirs. */
  contact: string;
}

export const replyWalkDefinition =
  "Each thread's counted dated messages are walked in time order (all of them, whatever the range; ties: received before sent, then storage order). A received message that is not automated and whose sender is a contact opens a wait on you if none is open; your next non-automated sent message closes it. A non-automated sent message opens a wait on them if none is open; the next non-automated received message from a contact closes it. Delay = closing time − opening time; pairs with delay ≤ 0 are dropped. A pair belongs to the range holding its closing message.";

/** Figures 6 and 7: one walk of every thread, giving my reply pairs and theirs. */
export function walkThreads(threads: Iterable<PreparedMessage[]>): {
  mine: ReplyPair[];
  theirs: ReplyPair[];
} {
  const mine: ReplyPair[] = [];
  const theirs: ReplyPair[] = [];
  for (const thread of threads) {
    let waitingOnMe: PreparedMessage | null = null;
    let waitingOnThem: PreparedMessage | null = null;
    for (const message of thread) {
      if (message.automated) continue;
      if (message.sent) {
        if (waitingOnMe) {
          const delay = message.time - waitingOnMe.time;
          if (delay > 0)
            mine.push({ opening: waitingOnMe, closing: message, delay, contact: waitingOnMe.contact! });
          waitingOnMe = null;
        }
        if (!waitingOnThem) waitingOnThem = message;
      } else if (message.contact !== null) {
        if (waitingOnThem) {
          const delay = message.time - waitingOnThem.time;
          if (delay > 0)
            theirs.push({ opening: waitingOnThem, closing: message, delay, contact: message.contact });
          waitingOnThem = null;
        }
        if (!waitingOnMe) waitingOnMe = message;
      }
    }
  }
  return { mine, theirs };
}

export function pairsInRange(pairs: readonly ReplyPair[], from: number, to: number): ReplyPair[] {
  return pairs.filter((pair) => pair.closing.time >= from && pair.closing.time < to);
}
