import { describe, expect, it } from 'vitest';
import { fitFactsToLimits } from '../../electron/engine/cache/message-facts-fit.ts';
import { FACT_LIMITS } from '../../electron/engine/cache/message-facts-limits.ts';
import {
  ADDRESS_LINE_LIMIT,
  ADDRESS_LIST_LIMIT,
  addressPieces,
  LONG_ADDRESS_HEADER,
} from '../../electron/engine/mail/address-pieces.ts';
import { parseAddressList } from '../../electron/engine/mail/addresses.ts';
import { factsFromRaw } from '../../electron/engine/mail/facts.ts';

describe('a very long address header', () => {
  it('keeps the limits of a stored message: the same numbers as FACT_LIMITS', () => {
    expect(ADDRESS_LIST_LIMIT).toBe(FACT_LIMITS.list);
    expect(ADDRESS_LINE_LIMIT).toBe(FACT_LIMITS.line);
  });

  it('is split at top-level commas only: quoted, bracketed and commented commas stay inside a piece', () => {
    const value =
      '"Doe, Jane" <jane@x.example>, (a, comment) bob@y.example, Grp: c@z.example, d@z.example;, <e@w,x>';
    expect([...addressPieces(value)]).toEqual([
      '"Doe, Jane" <jane@x.example>',
      ' (a, comment) bob@y.example',
      ' Grp: c@z.example',
      ' d@z.example;',
      ' <e@w,x>',
    ]);
  });

  it('is read up to one address more than a message keeps, so the limits cut the list and say so', () => {
    const entry = (i: number) => `"Person ${i}" <person.${i}@example.com>`;
    const value = Array.from({ length: 30_000 }, (_, i) => entry(i)).join(', ');
    expect(value.length).toBeGreaterThan(LONG_ADDRESS_HEADER);
    const parsed = parseAddressList(value);
    expect(parsed).toHaveLength(ADDRESS_LIST_LIMIT + 1);
    expect(parsed[0]).toEqual({ address: 'person.0@example.com', name: 'Person 0' });
    expect(parsed[ADDRESS_LIST_LIMIT]!.address).toBe(`person.${ADDRESS_LIST_LIMIT}@example.com`);

    const raw = Buffer.from(`From: a@b.example\nTo: ${value}\nSubject: hi\nMessage-ID: <m1@x>\n\nbody\n`);
    const fit = fitFactsToLimits(factsFromRaw(raw, { folderLabels: [] }));
    expect(fit.kind).toBe('fits');
    if (fit.kind !== 'fits') return;
    expect(fit.facts.to).toHaveLength(ADDRESS_LIST_LIMIT);
    expect(fit.cuts).toEqual([
      `the To addresses (${(ADDRESS_LIST_LIMIT + 1).toLocaleString('en-US')}) cut to 10,000`,
    ]);
  });

  it('keeps the head and tail of one enormous address: still an address, which the limits cut and report', () => {
    const value = `Someone <${'a'.repeat(5 * 1024 * 1024)}@example.com>, next@example.com`;
    const parsed = parseAddressList(value);
    expect(parsed.map((entry) => entry.address.length > ADDRESS_LINE_LIMIT)).toEqual([true, false]);
    expect(parsed[0]!.address.length).toBeLessThan(3 * ADDRESS_LINE_LIMIT);
    expect(parsed[0]!.address).toMatch(/^a+@example\.com$/);
    expect(parsed[1]!.address).toBe('next@example.com');
    const raw = Buffer.from(`From: a@b.example\nTo: ${value}\nMessage-ID: <m2@x>\n\nbody\n`);
    const fit = fitFactsToLimits(factsFromRaw(raw, { folderLabels: [] }));
    expect(fit.kind === 'fits' && fit.cuts).toEqual(['1 of the To addresses longer than 998 characters cut']);
    expect(fit.kind === 'fits' && fit.facts.to[0]).toBe('a'.repeat(ADDRESS_LINE_LIMIT));
  });

  it('reads an ordinary header as before', () => {
    expect(parseAddressList('"Doe, Jane" <Jane@X.example>, bob@y.example')).toEqual([
      { address: 'jane@x.example', name: 'Doe, Jane' },
      { address: 'bob@y.example', name: null },
    ]);
  });
});
