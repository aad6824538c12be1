/**
 * Thread reconstruction for mail without a provider thread id (docs/metrics.md "The mail model",
 * Threads): first the Message-ID / In-Reply-To / References components (a referenced id that is not
 * in the mailbox still connects), then, in time order, an unlinked dated message joins by subject
 * the thread with the latest last message among those that hold its subject key, last spoke at most
 * 30 × 24 h before it and share a participant (identities excluded); equal last times go to the
 * thread whose last message came later in the time-then-storage order.
 *
 * Built to stay small at a million messages: members are added one at a time and kept as typed
 * arrays of integers (ids, subjects and addresses as digests or dense ids, see compact-tables),
 * with each thread's participants read from its members instead of copied into a set per thread.
 */
import { DigestMap, ensureLength } from './compact-tables.ts';
import { isValidTime } from './date.ts';
import type { MessageFacts } from './types.ts';

const JOIN_WINDOW_MS = 30 * 24 * 3_600_000;

export type ThreadInput = MessageFacts & { rowId: number };

/** What reconstruction reads of a message. */
export type ThreadMember = Pick<
  ThreadInput,
  'rowId' | 'messageId' | 'inReplyTo' | 'references' | 'time' | 'sender' | 'to' | 'cc' | 'subjectKey'
>;

export class ThreadReconstruction {
  readonly #identities: ReadonlySet<string>;
  readonly #asOfMs: number;
  /** Members to size the arrays for, once the first one comes. */
  readonly #expected: number;
  #count = 0;
  #rowIds = new Float64Array(0);
  /** The member's time as stored, NaN when it has none; judged valid or not in `finish`. */
  #times = new Float64Array(0);
  /** Union-find over the reference components: the root is the smallest member of each. */
  #parent = new Int32Array(0);
  /** Dense subject id, -1 for an empty subject key. */
  #subjects = new Int32Array(0);
  /** Member i's participants are #participants[#participantStart[i] .. #participantStart[i + 1]). */
  #participantStart = new Int32Array(1);
  #participants = new Int32Array(0);
  /** Message ids → the first member that mentioned them. */
  #idOwners = new DigestMap();
  readonly #subjectIds = new DigestMap();
  readonly #addressIds = new DigestMap();
  /** With guessing: each member's guessed thread row, and each subject's last member (+1; 0: none). */
  readonly #guessing: boolean;
  #guessed = new Float64Array(0);
  #lastOfSubject = new Int32Array(0);

  /**
   * `expected` sizes the arrays when the first member comes, not before: an account whose mail
   * all has provider thread ids (Gmail, Takeout) has no member, and at a million messages the
   * arrays sized up front were ≈ 60 MB, 8 MB of it written (the id table's empty marks).
   */
  constructor(identities: ReadonlySet<string>, asOfMs: number, expected = 0, guessing = false) {
    this.#identities = identities;
    this.#asOfMs = asOfMs;
    this.#expected = expected;
    this.#guessing = guessing;
  }

  /**
   * Adds a counted message without a provider thread id. Usually in storage order, but the result
   * does not depend on the order (an import adds a message late when a merged copy makes it count).
   */
  add(rowId: number, member: Omit<ThreadMember, 'rowId'>): void {
    if (this.#count === 0 && this.#expected > 0) this.#sizeFor(this.#expected);
    const i = this.#count;
    this.#count += 1;
    this.#rowIds = ensureLength(this.#rowIds, this.#count);
    this.#times = ensureLength(this.#times, this.#count);
    this.#parent = ensureLength(this.#parent, this.#count);
    this.#subjects = ensureLength(this.#subjects, this.#count);
    this.#participantStart = ensureLength(this.#participantStart, this.#count + 1);
    this.#rowIds[i] = rowId;
    this.#times[i] = member.time ?? Number.NaN;
    this.#parent[i] = i;
    // Ids map to the first member that mentions them; every later mention unites with it.
    if (member.messageId !== null) this.#mention(member.messageId, i);
    for (const id of member.inReplyTo) this.#mention(id, i);
    for (const id of member.references) this.#mention(id, i);
    this.#subjects[i] = member.subjectKey === '' ? -1 : this.#subjectIds.intern(member.subjectKey);
    let end = this.#participantStart[i]!;
    const addParticipant = (address: string | null) => {
      if (address === null || this.#identities.has(address)) return;
      this.#participants = ensureLength(this.#participants, end + 1);
      this.#participants[end] = this.#addressIds.intern(address);
      end += 1;
    };
    addParticipant(member.sender);
    for (const address of member.to) addParticipant(address);
    for (const address of member.cc) addParticipant(address);
    this.#participantStart[i + 1] = end;
    if (this.#guessing) this.#guess(i);
  }

  /**
   * With `guessing`: the smallest rowId of the thread member `i` will most likely end in, guessed
   * from the members before it as it is added (an import stores it as the provisional thread key,
   * so that the end rewrites fewer rows; any guess is safe, the end checks every row): the guess
   * of the reference component it joined, else that of the last member with its subject key when
   * the two are at most 30 days apart and share a participant, else its own rowId.
   */
  guessedRow(i: number): number {
    return this.#guessed[i]!;
  }

  #guess(i: number): void {
    this.#guessed = ensureLength(this.#guessed, i + 1);
    const root = this.#find(i);
    let guess = root === i ? this.#rowIds[i]! : this.#guessed[root]!;
    const subject = this.#subjects[i]!;
    if (subject !== -1) {
      this.#lastOfSubject = ensureLength(this.#lastOfSubject, subject + 1);
      const last = this.#lastOfSubject[subject]! - 1;
      const times = this.#times;
      if (
        root === i &&
        last !== -1 &&
        Math.abs(times[i]! - times[last]!) <= JOIN_WINDOW_MS &&
        this.#sharesWith(i, last)
      )
        guess = this.#guessed[this.#find(last)]!;
      this.#lastOfSubject[subject] = i + 1;
    }
    this.#guessed[i] = guess;
  }

  /** Whether members `a` and `b` have a participant in common. */
  #sharesWith(a: number, b: number): boolean {
    const start = this.#participantStart;
    const participants = this.#participants;
    for (let x = start[a]!; x < start[a + 1]!; x++)
      for (let y = start[b]!; y < start[b + 1]!; y++) if (participants[x] === participants[y]) return true;
    return false;
  }

  #sizeFor(expected: number): void {
    this.#rowIds = new Float64Array(expected);
    this.#times = new Float64Array(expected);
    this.#parent = new Int32Array(expected);
    this.#subjects = new Int32Array(expected);
    this.#participantStart = new Int32Array(expected + 1);
    this.#idOwners = new DigestMap(expected);
  }

  /**
   * The smallest rowId of each member's thread (its key is `r:` + that), in the order added; call
   * once. `asOfMs` (the constructor's by default) decides which times are valid: an import that
   * adds members as it stores them judges them at its end, as a derivation from the store would.
   */
  finish(asOfMs = this.#asOfMs): Float64Array {
    const n = this.#count;
    const times = this.#times;
    for (let i = 0; i < n; i++) if (!isValidTime(times[i]!, asOfMs)) times[i] = Number.NaN;
    const componentSize = new Int32Array(n);
    const thread = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      thread[i] = this.#find(i);
      componentSize[thread[i]!]! += 1;
    }
    let datedCount = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(times[i]!)) datedCount += 1;
    const dated = new Int32Array(datedCount);
    for (let i = 0, at = 0; i < n; i++) if (!Number.isNaN(times[i]!)) dated[at++] = i;
    // Equal times keep storage order: the rowIds', so that members may be added in any order.
    const rowIds = this.#rowIds;
    dated.sort((a, b) => times[a]! - times[b]! || rowIds[a]! - rowIds[b]!);

    /** The latest time of each thread that has one (NaN: no dated member yet). */
    const last = new Float64Array(n).fill(Number.NaN);
    /**
     * Each thread's last member's place in the time-then-storage order. Members arrive in that
     * order, so the thread with the latest last message is the one with the highest place, which
     * also settles equal times as docs/metrics.md "The mail model" (Threads) asks (the later in
     * this order wins).
     */
    const lastPlace = new Int32Array(n).fill(-1);
    /** Each thread's dated members so far, newest first, as a linked list. */
    const firstMember = new Int32Array(n).fill(-1);
    const nextMember = new Int32Array(n);
    const subjectThreads = new SubjectThreads(this.#subjectIds.size);

    for (let place = 0; place < dated.length; place++) {
      const i = dated[place]!;
      const time = times[i]!;
      const subject = this.#subjects[i]!;
      let target = thread[i]!;
      if (componentSize[target] === 1 && subject !== -1) {
        let best = -1;
        let bestPlace = -1;
        for (const candidate of subjectThreads.threadsOf(subject)) {
          const candidatePlace = lastPlace[candidate]!;
          if (time - last[candidate]! > JOIN_WINDOW_MS || candidatePlace <= bestPlace) continue;
          if (this.#shares(candidate, i, firstMember, nextMember)) {
            best = candidate;
            bestPlace = candidatePlace;
          }
        }
        if (best !== -1) target = best;
      }
      thread[i] = target;
      last[target] = time;
      lastPlace[target] = place;
      nextMember[i] = firstMember[target]!;
      firstMember[target] = i;
      if (subject !== -1) subjectThreads.add(subject, target);
    }

    const smallestRow = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < n; i++) {
      const at = thread[i]!;
      if (this.#rowIds[i]! < smallestRow[at]!) smallestRow[at] = this.#rowIds[i]!;
    }
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = smallestRow[thread[i]!]!;
    return keys;
  }

  #mention(id: string, i: number): void {
    const owner = this.#idOwners.getOrSet(id, i);
    if (owner === -1) return;
    const a = this.#find(owner);
    const b = this.#find(i);
    if (a !== b) this.#parent[Math.max(a, b)] = Math.min(a, b);
  }

  #find(x: number): number {
    const parent = this.#parent;
    let at = x;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]!]!;
      at = parent[at]!;
    }
    return at;
  }

  /** Whether a dated member of thread `candidate` so far has a participant of member `i`. */
  #shares(candidate: number, i: number, firstMember: Int32Array, nextMember: Int32Array): boolean {
    const start = this.#participantStart;
    const participants = this.#participants;
    for (let own = start[i]!; own < start[i + 1]!; own++) {
      const address = participants[own]!;
      for (let member = firstMember[candidate]!; member !== -1; member = nextMember[member]!) {
        for (let at = start[member]!; at < start[member + 1]!; at++)
          if (participants[at] === address) return true;
      }
    }
    return false;
  }
}

/** Per subject, the distinct threads that hold it, in the order they first did. */
class SubjectThreads {
  readonly #first: Int32Array;
  readonly #last: Int32Array;
  #thread = new Int32Array(0);
  #next = new Int32Array(0);
  #count = 0;

  constructor(subjects: number) {
    this.#first = new Int32Array(subjects).fill(-1);
    this.#last = new Int32Array(subjects).fill(-1);
  }

  *threadsOf(subject: number): Generator<number> {
    for (let entry = this.#first[subject]!; entry !== -1; entry = this.#next[entry]!)
      yield this.#thread[entry]!;
  }

  add(subject: number, thread: number): void {
    for (let entry = this.#first[subject]!; entry !== -1; entry = this.#next[entry]!) {
      if (this.#thread[entry] === thread) return;
    }
    const entry = this.#count;
    this.#count += 1;
    this.#thread = ensureLength(this.#thread, this.#count);
    this.#next = ensureLength(this.#next, this.#count);
    this.#thread[entry] = thread;
    this.#next[entry] = -1;
    if (this.#last[subject] === -1) this.#first[subject] = entry;
    else this.#next[this.#last[subject]!] = entry;
    this.#last[subject] = entry;
  }
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
  const reconstruction = new ThreadReconstruction(identities, asOfMs, members.length);
  for (const index of members) reconstruction.add(messages[index]!.rowId, messages[index]!);
  return Array.from(reconstruction.finish(), (smallest) => `r:${smallest}`);
}
