import { byCountThenKey, compareCodePoints } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { inRange } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import type { Exchanges } from './relationships.ts';

export const NETWORK_SIZE = 30;

export const networkDefinition =
  'The 30 contacts with the most exchanges in the range (ties by address), and an edge between two of them for every counted message in the range in which both appear as sender, To or Cc, weighted by the number of such messages.';

/** The contacts of a message that the network looks at: sender, To and Cc (not Bcc), each once. */
export function networkParticipants(message: PreparedMessage, identities: Set<string>): string[] {
  const people: string[] = message.contact === null ? [] : [message.contact];
  for (const list of [message.source.to, message.source.cc]) {
    for (const address of list)
      if (!identities.has(address) && !people.includes(address)) people.push(address);
  }
  return people;
}

/** Figure 15, from the exchanges per contact in the range. */
export function computeNetwork(data: Dataset, range: ResolvedRange, exchanges: Map<string, Exchanges>) {
  const nodes = [...exchanges]
    .map(([address, entry]) => ({ address, exchanges: entry.sentTo + entry.receivedFrom }))
    .sort(
      byCountThenKey(
        (n) => n.exchanges,
        (n) => n.address,
      ),
    )
    .slice(0, NETWORK_SIZE);
  const members = new Set(nodes.map((node) => node.address));
  const weights = new Map<string, { a: string; b: string; weight: number }>();
  for (const message of data.messages) {
    if (!inRange(message, range)) continue;
    const present = message.recipients.length + (message.contact === null ? 0 : 1);
    if (present < 2) continue;
    const people = networkParticipants(message, data.identities).filter((address) => members.has(address));
    if (people.length < 2) continue;
    people.sort(compareCodePoints);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const key = `${people[i]}\n${people[j]}`;
        const edge = weights.get(key);
        if (edge) edge.weight++;
        else weights.set(key, { a: people[i]!, b: people[j]!, weight: 1 });
      }
    }
  }
  const edges = [...weights.values()].sort(
    (x, y) => y.weight - x.weight || compareCodePoints(x.a, y.a) || compareCodePoints(x.b, y.b),
  );
  return { nodes, edges };
}
