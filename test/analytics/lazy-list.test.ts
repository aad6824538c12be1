import { describe, expect, it } from 'vitest';
import { lazyList } from '../../electron/engine/analytics/lazy-list.ts';

/** A list of `count` items that records which indices were made. */
function recorded(count: number): { list: readonly { index: number }[]; made: number[] } {
  const made: number[] = [];
  const list = lazyList(count, (index) => {
    made.push(index);
    return { index };
  });
  return { list, made };
}

describe('lazyList', () => {
  it('makes each item when it is first read, once', () => {
    const { list, made } = recorded(5);
    expect(list.length).toBe(5);
    expect(made).toEqual([]);
    const third = list[2];
    expect(third).toEqual({ index: 2 });
    expect(list[2]).toBe(third);
    expect(made).toEqual([2]);
  });

  it('reads as an array: out-of-range and non-index keys are absent, array methods work', () => {
    const { list } = recorded(4);
    expect(list[4]).toBeUndefined();
    expect((list as unknown as Record<string, unknown>)['01']).toBeUndefined();
    expect((list as unknown as Record<string, unknown>)['1.0']).toBeUndefined();
    expect(3 in list).toBe(true);
    expect(4 in list).toBe(false);
    expect(Array.isArray(list)).toBe(true);
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3']);
    expect([...list].map((item) => item.index)).toEqual([0, 1, 2, 3]);
    expect(list.filter((item) => item.index % 2 === 1).map((item) => item.index)).toEqual([1, 3]);
    expect(list.slice(1, 3)).toEqual([{ index: 1 }, { index: 2 }]);
    expect(list.some((item) => item.index === 3)).toBe(true);
    expect(JSON.stringify(list)).toBe('[{"index":0},{"index":1},{"index":2},{"index":3}]');
    expect(list).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }, { index: 3 }]);
  });

  it('refuses every write, as a frozen array does', () => {
    const { list } = recorded(3);
    const writable = list as { index: number }[];
    expect(() => writable.push({ index: 9 })).toThrow(TypeError);
    expect(() => writable.pop()).toThrow(TypeError);
    expect(() => writable.reverse()).toThrow(TypeError);
    expect(() => {
      writable[0] = { index: 9 };
    }).toThrow(TypeError);
    expect(() => {
      writable.length = 0;
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(writable, '1', { value: 1 })).toThrow(TypeError);
    expect(list.map((item) => item.index)).toEqual([0, 1, 2]);
  });

  it('is empty for a count of 0', () => {
    const { list, made } = recorded(0);
    expect(list.length).toBe(0);
    expect([...list]).toEqual([]);
    expect(made).toEqual([]);
  });

  it('holds nothing per item until read: a list of 10,000,000 costs no array of that length', () => {
    const before = process.memoryUsage().heapUsed;
    const list = lazyList(10_000_000, (index) => index);
    // A holey array of that length would be 80 MB (its length set on the proxy's target).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8_000_000);
    expect([list.length, list[9_999_999], Object.getOwnPropertyDescriptor(list, 'length')?.value]).toEqual([
      10_000_000, 9_999_999, 10_000_000,
    ]);
  });
});
