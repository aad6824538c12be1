/** Row 3: p95 of message-cache queries by range + label, range + sender and thread, on a filled account. */
import type { CacheItem, MessageCacheService } from '../electron/engine/cache/message-cache-service.ts';
import type { MessageFilter } from '../electron/engine/cache/message-query.ts';
import { count, ms, now, percentile, seededRandom } from './measure.ts';
import type { Row } from './row.ts';

const DAY_MS = 24 * 3600 * 1000;
const QUERIES_PER_SHAPE = 500;
const PAGE = 100;
const TARGET_MS = 5;

interface Shape {
  name: string;
  describe: string;
  filter(pick: () => number): MessageFilter;
}

/** Labels carried by at least 1 % of the messages: the ones a dashboard filters on. */
function commonLabels(items: readonly CacheItem[]): string[] {
  const counts = new Map<string, number>();
  for (const { facts } of items)
    for (const label of facts.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts]
    .filter(([, seen]) => seen >= items.length / 100)
    .map(([label]) => label)
    .sort();
}

function shapes(messages: MessageCacheService, accountId: number, items: readonly CacheItem[]): Shape[] {
  const dated = items.filter((item) => item.facts.time !== null);
  const first = dated[0]!.facts.time!;
  const last = dated[dated.length - 1]!.facts.time!;
  const labels = commonLabels(items);
  const randomItem = (pick: () => number) => dated[Math.floor(pick() * dated.length)]!;
  return [
    {
      name: 'range + label',
      describe: `30-day window at a random place × one of the ${labels.length} labels on ≥ 1 % of messages`,
      filter: (pick) => {
        const from = first + Math.floor(pick() * Math.max(1, last - first - 30 * DAY_MS));
        return {
          accountId,
          label: labels[Math.floor(pick() * labels.length)]!,
          from,
          to: from + 30 * DAY_MS,
        };
      },
    },
    {
      name: 'range + sender',
      describe: "the sender of a random stored message × the 365 days before that message's time",
      filter: (pick) => {
        const facts = randomItem(pick).facts;
        return {
          accountId,
          sender: facts.sender ?? 'nobody@example.com',
          from: facts.time! - 365 * DAY_MS,
          to: facts.time! + 1,
        };
      },
    },
    {
      name: 'thread',
      describe: 'the derived thread key of a random stored message',
      filter: (pick) => {
        const stored = messages.getMessage(accountId, 'gmail', randomItem(pick).facts.providerId);
        return { accountId, threadKey: stored!.threadKey! };
      },
    },
  ];
}

export function messageQueryRows(
  messages: MessageCacheService,
  accountId: number,
  items: readonly CacheItem[],
  quick: boolean,
): Row[] {
  const pick = seededRandom(7);
  return shapes(messages, accountId, items).map((shape) => {
    const filters = Array.from({ length: QUERIES_PER_SHAPE }, () => shape.filter(pick));
    const samples: number[] = [];
    let returned = 0;
    for (const filter of filters) {
      const started = now();
      returned += messages.getMessages(filter, { limit: PAGE }).messages.length;
      samples.push(now() - started);
    }
    const p95 = percentile(samples, 95);
    return {
      figure: `Message-cache query p95: ${shape.name}`,
      value: `${ms(p95)} (p50 ${ms(percentile(samples, 50))}, max ${ms(percentile(samples, 100))}, ${(returned / filters.length).toFixed(0)} rows/query)`,
      target: `< ${TARGET_MS} ms (original web app: average < 50 ms)`,
      pass: p95 < TARGET_MS,
      protocol: `${QUERIES_PER_SHAPE} getMessages first pages (limit ${PAGE}) over ${count(items.length)} stored generated messages${quick ? ' (the full run stores 100,000)' : ''}; filter: ${shape.describe}`,
    };
  });
}
