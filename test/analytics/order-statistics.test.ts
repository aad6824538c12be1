import { describe, expect, it } from 'vitest';
import {
  medianOfSorted,
  percentileOfSorted,
  sortAscending,
} from '../../electron/engine/analytics/numbers.ts';
import {
  groupByKey,
  medianAndP90,
  medianOf,
  selectRank,
} from '../../electron/engine/analytics/order-statistics.ts';
import { seededRandom } from '../seeded-random.ts';

/** Seeded inputs of the shapes that break selections: repeats, runs in order and reversed, all equal. */
function inputs(): Float64Array[] {
  const random = seededRandom(29);
  const shapes: Float64Array[] = [];
  for (const size of [0, 1, 2, 3, 4, 5, 15, 16, 17, 33, 100, 1001, 20_000]) {
    shapes.push(Float64Array.from({ length: size }, () => Math.floor(random() * 1000) * 3_600_000));
    shapes.push(Float64Array.from({ length: size }, () => Math.floor(1 / (random() + 1e-6))));
    shapes.push(Float64Array.from({ length: size }, (_, k) => k));
    shapes.push(Float64Array.from({ length: size }, (_, k) => size - k));
    shapes.push(new Float64Array(size).fill(7));
    shapes.push(Float64Array.from({ length: size }, (_, k) => (k % 2 === 0 ? k : size - k)));
  }
  return shapes;
}

describe('order statistics by selection', () => {
  it('give the median and nearest-rank 90th percentile a sort gives, on every shape', () => {
    for (const values of inputs()) {
      const sorted = sortAscending(values);
      const expected = { median: medianOfSorted(sorted), p90: percentileOfSorted(sorted, 90) };
      expect(medianAndP90(values.slice())).toEqual(expected);
      expect(medianOf(values.slice())).toBe(expected.median);
      if (values.length > 0) {
        const k = Math.floor(values.length / 3);
        const copy = values.slice();
        expect(selectRank(copy, 0, copy.length, k)).toBe(sorted[k]);
        for (let j = 0; j < k; j++) expect(copy[j]).toBeLessThanOrEqual(sorted[k]!);
        for (let j = k + 1; j < copy.length; j++) expect(copy[j]).toBeGreaterThanOrEqual(sorted[k]!);
      }
    }
  });

  it('work on a slice without touching what lies outside it', () => {
    const values = Float64Array.from([9, 9, 5, 1, 4, 2, 3, 9, 9]);
    expect(medianAndP90(values, 2, 7)).toEqual({ median: 3, p90: 5 });
    expect(medianOf(Float64Array.from([9, 9, 5, 1, 4, 2, 3, 9]), 3, 7)).toBe(2.5);
    expect([values[0], values[1], values[7], values[8]]).toEqual([9, 9, 9, 9]);
  });

  it('group values by key, keeping their order within a group', () => {
    const grouped = groupByKey(Int32Array.from([2, 0, 2, 1, 0]), Float64Array.from([10, 20, 30, 40, 50]), 4);
    expect([...grouped.start]).toEqual([0, 2, 3, 5, 5]);
    expect([...grouped.values]).toEqual([20, 50, 40, 10, 30]);
  });
});
