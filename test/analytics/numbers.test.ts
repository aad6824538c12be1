import { describe, expect, it } from 'vitest';
import { sortAscending, sortCounts } from '../../electron/engine/analytics/numbers.ts';
import { seededRandom } from '../seeded-random.ts';

describe('sorting counts', () => {
  it('gives what a numeric sort gives, for seeded counts with repeats, zeros and a long tail', () => {
    const random = seededRandom(11);
    for (const size of [0, 1, 2, 17, 5000]) {
      const counts = Array.from({ length: size }, () =>
        random() < 0.1 ? 0 : Math.floor(1 / (random() + 0.001)),
      );
      expect(sortCounts(counts)).toEqual(sortAscending(counts));
    }
    expect([...sortCounts([3, 1, 0, 3, 2])]).toEqual([0, 1, 2, 3, 3]);
  });
});
