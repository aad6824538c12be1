/**
 * Counts in sentences read as Intl's en-US format reads them, without paying for Intl on the way:
 * the first Intl number format pages in ≈ 6 MB of ICU that every `brief import` carried at its
 * memory peak, only to say "1,234 messages read" in its progress step.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { seededRandom } from '../seeded-random.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

it('formats whole numbers, fractions, -0 and the largest numbers exactly as Intl en-US does', async () => {
  const { counted, formatCount } = await import('../../shared/plural.ts');
  const intl = new Intl.NumberFormat('en-US');
  const random = seededRandom(18);
  const values = [
    0,
    -0,
    1,
    -1,
    12,
    999,
    1000,
    -1000,
    1234567,
    2 ** 53,
    -(2 ** 53),
    1.5,
    1234.5678,
    Number.NaN,
  ];
  values.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.POSITIVE_INFINITY);
  for (let digits = 1; digits <= 16; digits += 1) {
    for (let i = 0; i < 50; i += 1) values.push(Math.floor(random() * 10 ** digits) * (i % 2 === 0 ? 1 : -1));
  }
  for (const value of values) expect(formatCount(value), String(value)).toBe(intl.format(value));
  expect(counted(1, 'message')).toBe('1 message');
  expect(counted(12345, 'message')).toBe('12,345 messages');
});

it('makes no Intl number format for whole numbers, loading the module included', async () => {
  const made = vi.spyOn(Intl, 'NumberFormat');
  const { counted, formatCount } = await import('../../shared/plural.ts');
  expect(formatCount(1234567)).toBe('1,234,567');
  expect(counted(-1000, 'message')).toBe('-1,000 messages');
  expect(made).not.toHaveBeenCalled();
  expect(formatCount(0.5)).toBe('0.5');
  expect(made).toHaveBeenCalledTimes(1);
});
