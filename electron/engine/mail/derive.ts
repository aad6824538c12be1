/**
 * Per-account derivations (METRICS.md "Which messages count", "Direction", "Sender", "Threads"):
 * recomputed in one pass over an account's messages whenever they or its identities change.
 */
import { normalizeAddress } from './addresses.ts';
import { reconstructThreads } from './threads.ts';
import type { DerivedFacts, MessageFacts } from './types.ts';

export type DerivableMessage = MessageFacts & { rowId: number };

export interface DeriveOptions {
  /** The account's setting: SPAM and TRASH count too. */
  countSpamTrash: boolean;
  /** The as-of instant that decides which times are valid. */
  asOfMs: number;
}

/** Lower-cased, googlemail-normalised identity addresses. */
export function identitySet(identities: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const identity of identities) {
    const address = normalizeAddress(identity);
    if (address !== null) set.add(address);
  }
  return set;
}

export function isCounted(labels: readonly string[], countSpamTrash: boolean): boolean {
  if (labels.includes('DRAFT')) return false;
  return countSpamTrash || !(labels.includes('SPAM') || labels.includes('TRASH'));
}

/** Derives counted, direction, echo and thread key for every message, keyed by rowId. Messages come in rowId order. */
export function deriveAccount(
  messages: readonly DerivableMessage[],
  identities: readonly string[],
  options: DeriveOptions,
): Map<number, DerivedFacts> {
  const own = identitySet(identities);
  const anySent = messages.some((message) => message.labels.includes('SENT'));
  const counted = messages.map((message) => isCounted(message.labels, options.countSpamTrash));
  const reconstructed: number[] = [];
  for (let i = 0; i < messages.length; i++) {
    if (counted[i] && messages[i]!.providerThreadId === null) reconstructed.push(i);
  }
  const memberKeys = reconstructThreads(messages, reconstructed, own, options.asOfMs);
  const threadKeys = new Map<number, string>();
  for (let k = 0; k < reconstructed.length; k++) threadKeys.set(reconstructed[k]!, memberKeys[k]!);
  const derived = new Map<number, DerivedFacts>();
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const fromIdentity = message.sender !== null && own.has(message.sender);
    const sent = anySent ? message.labels.includes('SENT') : fromIdentity;
    derived.set(message.rowId, {
      counted: counted[i]!,
      direction: sent ? 'sent' : 'received',
      echo: !sent && fromIdentity,
      threadKey: message.providerThreadId ?? threadKeys.get(i) ?? `r:${message.rowId}`,
    });
  }
  return derived;
}

/** From addresses of SENT messages that are not identities yet, most frequent first (ties by address). */
export function suggestAliases(
  messages: readonly MessageFacts[],
  identities: readonly string[],
): Array<{ address: string; count: number }> {
  const own = identitySet(identities);
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.from === null || own.has(message.from) || !message.labels.includes('SENT')) continue;
    counts.set(message.from, (counts.get(message.from) ?? 0) + 1);
  }
  return [...counts]
    .map(([address, count]) => ({ address, count }))
    .sort((a, b) => b.count - a.count || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
