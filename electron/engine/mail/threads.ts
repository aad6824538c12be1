/**
 * Thread reconstruction for mail without a provider thread id (METRICS.md "Threads"): first the
 * Message-ID / In-Reply-To / References components (a referenced id that is not in the mailbox
 * still connects), then, in time order, an unlinked dated message joins by subject the thread
 * with the latest last message among those that hold its subject key, last spoke at most
 * 30 × 24 h before it and share a participant (identities excluded).
 */
import { isValidTime } from './date.ts';
import type { MessageFacts } from './types.ts';

const JOIN_WINDOW_MS = 30 * 24 * 3_600_000;

export type ThreadInput = MessageFacts & { rowId: number };

interface ThreadState {
  last: number;
  participants: Set<string>;
}

/**
 * Thread keys (`r:` + the smallest rowId in the thread), one per entry of `members`: the
 * indexes into `messages` of the counted messages without a provider thread id, in storage order.
 */
export function reconstructThreads(
  messages: readonly ThreadInput[],
  members: readonly number[],
  identities: ReadonlySet<string>,
  asOfMs: number,
): string[] {
  const n = members.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let at = x;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]!]!;
      at = parent[at]!;
    }
    return at;
  };
  // Ids map to the first message that mentions them; every later mention unites with it.
  const idOwner = new Map<string, number>();
  const mention = (id: string, i: number) => {
    const owner = idOwner.get(id);
    if (owner === undefined) idOwner.set(id, i);
    else {
      const a = find(owner);
      const b = find(i);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  for (let i = 0; i < n; i++) {
    const facts = messages[members[i]!]!;
    if (facts.messageId !== null) mention(facts.messageId, i);
    for (const id of facts.inReplyTo) mention(id, i);
    for (const id of facts.references) mention(id, i);
  }
  const componentSize = new Int32Array(n);
  for (let i = 0; i < n; i++) componentSize[find(i)]! += 1;

  const dated: number[] = [];
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const time = messages[members[i]!]!.time;
    if (isValidTime(time, asOfMs)) {
      times[i] = time;
      dated.push(i);
    }
  }
  // Stable: equal times keep storage order.
  dated.sort((a, b) => times[a]! - times[b]!);

  /** thread[i] = the component root whose thread message i ends up in. */
  const thread = new Int32Array(n);
  for (let i = 0; i < n; i++) thread[i] = find(i);
  const states: Array<ThreadState | undefined> = new Array(n);
  const bySubject = new Map<string, number[]>();

  for (const i of dated) {
    const facts = messages[members[i]!]!;
    const time = times[i]!;
    const own = participantsOf(facts, identities);
    let target = thread[i]!;
    if (componentSize[target] === 1 && facts.subjectKey !== '') {
      let best = -1;
      let bestLast = Number.NEGATIVE_INFINITY;
      for (const candidate of bySubject.get(facts.subjectKey) ?? []) {
        const state = states[candidate] as ThreadState;
        if (time - state.last > JOIN_WINDOW_MS || state.last <= bestLast) continue;
        if (shares(state.participants, own)) {
          best = candidate;
          bestLast = state.last;
        }
      }
      if (best !== -1) target = best;
    }
    thread[i] = target;
    let state = states[target];
    if (!state) {
      state = { last: time, participants: new Set() };
      states[target] = state;
    }
    if (time > state.last) state.last = time;
    for (const address of own) state.participants.add(address);
    if (facts.subjectKey !== '') {
      const list = bySubject.get(facts.subjectKey);
      if (!list) bySubject.set(facts.subjectKey, [target]);
      else if (!list.includes(target)) list.push(target);
    }
  }

  const smallestRow = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const rowId = messages[members[i]!]!.rowId;
    const at = thread[i]!;
    if (rowId < smallestRow[at]!) smallestRow[at] = rowId;
  }
  const keys: string[] = new Array(n);
  for (let i = 0; i < n; i++) keys[i] = `r:${smallestRow[thread[i]!]}`;
  return keys;
}

function participantsOf(facts: MessageFacts, identities: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const add = (address: string | null) => {
    if (address !== null && !identities.has(address)) out.push(address);
  };
  add(facts.sender);
  for (const address of facts.to) add(address);
  for (const address of facts.cc) add(address);
  return out;
}

function shares(participants: ReadonlySet<string>, own: readonly string[]): boolean {
  for (const address of own) if (participants.has(address)) return true;
  return false;
}
