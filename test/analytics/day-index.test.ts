/**
 * The day index (day-index.ts): a range's dated messages read from the days around it are exactly
 * the messages a test of every message's time finds, in zones far from UTC either way, for ranges
 * that start and end anywhere in a day, outside the dated span, or hold nothing.
 */
import { describe, expect, it } from 'vitest';
import { datedBetween } from '../../electron/engine/analytics/day-index.ts';
import { type Dataset, prepareDataset } from '../../electron/engine/analytics/index.ts';
import { seededRandom } from '../seeded-random.ts';
import { AS_OF, randomMessages } from './random-mailbox.ts';

const DAY = 86_400_000;

function datasetIn(timeZone: string, seed: number): Dataset {
  return prepareDataset({
    messages: randomMessages(seed, 600),
    accounts: [
      { id: 1, address: 'me@example.com', identities: ['me@example.com'], provider: 'import' },
      { id: 2, address: 'me@alias.example', identities: ['me@alias.example'], provider: 'import' },
    ],
    timeZone,
    asOf: AS_OF,
    range: '30',
    threadsDerivedAsOf: AS_OF,
  });
}

/** The dated messages in [from, to) found by testing every message, ascending. */
function everyTested(data: Dataset, from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < data.count; i++) if (data.time[i]! >= from && data.time[i]! < to) found.push(i);
  return found;
}

describe('the day index', () => {
  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin', 'UTC'])(
    'finds the same messages as a test of every time, in %s',
    (zone) => {
      const random = seededRandom(zone.length);
      const data = datasetIn(zone, zone.length);
      const ranges: Array<[number, number]> = [
        [AS_OF - 30 * DAY, AS_OF],
        [AS_OF - 200 * DAY, AS_OF - 150 * DAY],
        [AS_OF + DAY, AS_OF + 2 * DAY],
        [AS_OF - 5 * DAY, AS_OF - 5 * DAY],
      ];
      for (let k = 0; k < 40; k++) {
        const from = AS_OF - Math.floor(random() * 130 * DAY);
        ranges.push([from, from + Math.floor(random() * 40 * DAY)]);
      }
      for (const [from, to] of ranges) {
        const inside = Array.from(datedBetween(data, from, to)).sort((a, b) => a - b);
        expect(inside, `${new Date(from).toISOString()} – ${new Date(to).toISOString()}`).toEqual(
          everyTested(data, from, to),
        );
      }
    },
  );
});
