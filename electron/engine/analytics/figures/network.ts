import type { Network } from '../../../../shared/report-types.ts';
import { compareCodePoints } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { datedIn } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import type { ExchangeTable } from './relationships.ts';

export const NETWORK_SIZE = 30;

export const networkDefinition =
  'The 30 contacts with the most exchanges in the range (ties by address), and an edge between two of them for every counted message in the range in which both appear as sender, To or Cc, weighted by the number of such messages.';

/** The contact numbers of a message that the network looks at: sender, To and Cc (not Bcc), each once. */
export function networkParticipants(data: Dataset, i: number): number[] {
  const { pool, start, toCc } = data.recipients;
  const people = Array.from(pool.subarray(start[i]!, start[i]! + toCc[i]!));
  const sender = data.contact[i]!;
  if (sender >= 0 && !people.includes(sender)) people.push(sender);
  return people;
}

/** Figure 15, from the exchanges per contact in the range. */
export function computeNetwork(data: Dataset, range: ResolvedRange, table: ExchangeTable): Network {
  const { contacts } = data;
  const top = contacts.top(table.exchanges, NETWORK_SIZE);
  // Edge weights between the top contacts, by their rank in `top`, counted in one pass.
  const rank = new Int32Array(contacts.size).fill(-1);
  for (let r = 0; r < top.length; r++) rank[top[r]!] = r;
  const weights = new Int32Array(top.length * top.length);
  const present: number[] = [];
  const { pool, start, toCc } = data.recipients;
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    const sender = data.contact[i]!;
    if (toCc[i]! + (sender >= 0 ? 1 : 0) < 2) continue;
    present.length = 0;
    for (let k = start[i]!, end = k + toCc[i]!; k < end; k++)
      if (rank[pool[k]!]! >= 0) present.push(rank[pool[k]!]!);
    if (sender >= 0 && rank[sender]! >= 0 && !present.includes(rank[sender]!)) present.push(rank[sender]!);
    for (let x = 0; x < present.length; x++) {
      for (let y = x + 1; y < present.length; y++) {
        weights[Math.min(present[x]!, present[y]!) * top.length + Math.max(present[x]!, present[y]!)]!++;
      }
    }
  }
  const edges: Network['edges'] = [];
  for (let x = 0; x < top.length; x++) {
    for (let y = x + 1; y < top.length; y++) {
      const weight = weights[x * top.length + y]!;
      if (weight === 0) continue;
      const [a, b] = [contacts.address(top[x]!), contacts.address(top[y]!)].sort(compareCodePoints);
      edges.push({ a: a!, b: b!, weight });
    }
  }
  edges.sort((x, y) => y.weight - x.weight || compareCodePoints(x.a, y.a) || compareCodePoints(x.b, y.b));
  return {
    nodes: top.map((id) => ({ address: contacts.address(id), exchanges: table.exchanges[id]! })),
    edges,
  };
}
