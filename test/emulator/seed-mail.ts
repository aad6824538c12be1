import type { MessageFacts } from '../../electron/engine/mail/index.ts';
import {
  DuplicateMerger,
  deriveAccount,
  readHeaderFields,
  readMail,
} from '../../electron/engine/mail/index.ts';
import type { SeedMessage } from './mailbox.ts';

export interface MailSeedOptions {
  /** The seeding clock: the internalDate of messages without a usable time, and the as-of instant. */
  now: number;
  /** The account's addresses, which steer thread reconstruction. */
  identities?: string[];
}

export interface MailSeed {
  messages: SeedMessage[];
  /** Files or messages the mail model could not read, with its reason. */
  skipped: Array<{ file: string; offset: number | null; reason: string }>;
}

interface ReadMessage {
  facts: MessageFacts;
  raw: Buffer;
}

/**
 * Real mail (mbox files or folders, .eml folders) read through the engine's mail model: copies of
 * one message (the same message in several folders) become one Gmail message with the union of
 * their labels, as the mail model's duplicate rule says and as Gmail itself holds them; each
 * message gets the model's thread (reconstructed when the mail has none) and its time as
 * internalDate. Ids are Gmail-like: the time in the high bits, so they grow with it.
 */
export async function seedFromMail(paths: string[], options: MailSeedOptions): Promise<MailSeed> {
  const skipped: MailSeed['skipped'] = [];
  const merger = new DuplicateMerger();
  const rawById = new Map<string, Buffer>();
  for await (const item of readMail(paths)) {
    if (item.kind !== 'message') {
      skipped.push({ file: item.file, offset: item.offset, reason: item.reason });
      continue;
    }
    if (merger.add(item.facts).kind === 'new') rawById.set(item.facts.providerId, item.raw);
  }
  const read: ReadMessage[] = merger
    .results()
    .map((facts) => ({ facts, raw: rawById.get(facts.providerId)! }));
  const times = read.map((m) => m.facts.time ?? options.now);
  const order = read.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  const ids: string[] = new Array(read.length);
  order.forEach((index, rank) => {
    ids[index] = gmailLikeId(times[index]!, rank);
  });
  const derived = deriveAccount(
    read.map((m, rowId) => ({ ...m.facts, rowId })),
    options.identities ?? [],
    { countSpamTrash: true, asOfMs: options.now },
  );
  const threadIds = new Map<string, string>();
  const messages = order.map((index): SeedMessage => {
    const { facts, raw } = read[index]!;
    const key = derived.get(index)?.threadKey ?? `message:${index}`;
    let threadId = threadIds.get(key);
    if (threadId === undefined) {
      threadId = ids[index]!;
      threadIds.set(key, threadId);
    }
    return {
      id: ids[index]!,
      threadId,
      labelIds: facts.labels,
      internalDate: times[index]!,
      sizeEstimate: raw.length,
      // Decoded from the bytes as the mail model reads raw headers: a Gmail resource carries text,
      // and any other reading would make a synced copy differ from an imported one.
      headers: readHeaderFields(raw),
      raw,
    };
  });
  return { messages, skipped };
}

function gmailLikeId(time: number, rank: number): string {
  const value = (BigInt(Math.max(0, Math.floor(time))) << 20n) | BigInt(rank & 0xfffff);
  return value.toString(16).padStart(16, '0').slice(-16);
}
