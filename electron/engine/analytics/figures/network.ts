import { compareCodePoints } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { inRange } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import type { ExchangeTable } from './relationships.ts';

export const NETWORK_SIZE = 30;

export const networkDefinition =
  'The 30 contacts with the most exchanges in the range (ties by address), and an edge between two of them for every counted message in the range in which both appear as sender, To or Cc, weighted by the number of such messages.';

/** The contact numbers of a message that the network looks at: sender, To and Cc (not Bcc), each once. */
export function networkParticipants(message: PreparedMessage): number[] {
  const people = message.recipientIds.slice(0, message.toCcCount);
  if (message.contactId >= 0 && !people.includes(message.contactId)) people.push(message.contactId);
  return people;
}

/** Figure 15, from the exchanges per contact in the range. */
export function computeNetwork(data: Dataset, range: ResolvedRange, table: ExchangeTable) {
  const { contacts } = data;
  const top = contacts.top(table.exchanges, NETWORK_SIZE);
  const member = new Uint8Array(contacts.size);
  for (const id of top) member[id] = 1;
  const weights = new Map<string, { a: string; b: string; weight: number }>();
  for (const message of data.messages) {
    if (message.toCcCount + (message.contactId >= 0 ? 1 : 0) < 2 || !inRange(message, range)) continue;
    const people = networkParticipants(message)
      .filter((id) => member[id] === 1)
      .map((id) => contacts.address(id));
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
  return {
    nodes: top.map((id) => ({ address: contacts.address(id), exchanges: table.exchanges[id]! })),
    edges,
  };
}
