/** "Did you mean …?": near enough to be meant, never a guess from far away. */
import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../electron/cli/suggest.ts';
import { counted } from '../../shared/plural.ts';

describe('nearest', () => {
  const flags = ['account', 'range', 'tz', 'as-of', 'json', 'csv', 'db', 'help'];

  it('finds a slip of one or two keys, a swap, a wrong case or an unfinished name', () => {
    expect(nearest('jsn', flags)).toBe('json');
    expect(nearest('acount', flags)).toBe('account');
    expect(nearest('rnage', flags)).toBe('range');
    expect(nearest('JSON', flags)).toBe('json');
    expect(nearest('acc', flags)).toBe('account');
    expect(nearest('reprot', ['import', 'report', 'serve'])).toBe('report');
  });

  it('suggests nothing far away, nor for a prefix several names share', () => {
    expect(nearest('colour', flags)).toBeNull();
    expect(nearest('x', flags)).toBeNull();
    expect(nearest('a', ['account', 'alias'])).toBeNull();
    expect(nearest('', flags)).toBeNull();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('form', 'from')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('counted', () => {
  it('agrees the noun with the count, with thousands separators', () => {
    expect(counted(1, 'item')).toBe('1 item');
    expect(counted(0, 'item')).toBe('0 items');
    expect(counted(2_872, 'new message')).toBe('2,872 new messages');
    expect(counted(1, 'reply', 'replies')).toBe('1 reply');
    expect(counted(7, 'reply', 'replies')).toBe('7 replies');
  });
});
