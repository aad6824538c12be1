/**
 * The figures of one range share what they count and the reply delays they read (figures/
 * message-tally.ts, contact-tally.ts, reply-walk.ts delaysOf): whichever view of a preparation
 * asks first, each view must come out as computed alone.
 */
import { describe, expect, it } from 'vitest';
import { briefOf } from '../../electron/engine/analytics/brief/compute-brief.ts';
import {
  computeReport,
  datasetForRange,
  prepareDataset,
  type RangeSpec,
  reportOf,
} from '../../electron/engine/analytics/index.ts';
import { reportInput } from './builders.ts';
import { AS_OF, randomMessages } from './random-mailbox.ts';

const RANGES: RangeSpec[] = ['7', '30', 'all', '2025-03-01..2025-04-30'];

function input(seed: number, range: RangeSpec) {
  // One account: the builders' report input has one.
  const messages = randomMessages(seed, 4000).map((m) => ({ ...m, accountId: 1 }));
  return reportInput(messages, new Date(AS_OF).toISOString(), range);
}

describe('facts shared by the figures of a range', () => {
  it('leave the 7-day report as computed alone when the Brief (its "this week" is the same range) came first', () => {
    for (const seed of [1, 2, 3]) {
      const alone = JSON.stringify(computeReport(input(seed, '7')));
      const data = prepareDataset(input(seed, '7'));
      briefOf(data);
      expect(JSON.stringify(reportOf(data))).toBe(alone);
    }
  });

  it('give every range of one preparation as computed alone, in any order asked', () => {
    const data = prepareDataset(input(4, 'all'));
    for (const range of [...RANGES, ...RANGES.slice().reverse()]) {
      expect(JSON.stringify(reportOf(datasetForRange(data, range, undefined)))).toBe(
        JSON.stringify(computeReport(input(4, range))),
      );
    }
  });
});
