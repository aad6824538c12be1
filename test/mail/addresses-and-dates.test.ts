import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseAddressList } from '../../electron/engine/mail/addresses.ts';
import { isValidTime, parseMailDate } from '../../electron/engine/mail/date.ts';

describe('Address', () => {
  it('The addr-spec as written, display name and comments removed, trimmed, lower-cased', () => {
    expect(parseAddressList('"Doe, Jane" <Jane.Doe@Example.COM> (work)')).toEqual([
      { address: 'jane.doe@example.com', name: 'Doe, Jane' },
    ]);
    expect(normalizeAddress('  Bob@X.org ')).toBe('bob@x.org');
  });

  it('`@googlemail.com` becomes `@gmail.com`', () => {
    expect(parseAddressList('Sam <Sam.Lee@GoogleMail.com>')[0]?.address).toBe('sam.lee@gmail.com');
  });

  it('Nothing else is repaired: forms that RFC 5322 rejects (`k..allen@enron.com`, a leading dot) are kept as written', () => {
    expect(parseAddressList('k..allen@enron.com, .lead@x.com').map((a) => a.address)).toEqual([
      'k..allen@enron.com',
      '.lead@x.com',
    ]);
  });

  it('A token without `@` is not an address', () => {
    expect(parseAddressList('bob, "Ann" <ann>, undisclosed-recipients:;')).toEqual([]);
  });

  it('group syntax flattened, duplicates kept', () => {
    expect(parseAddressList('team: a@b.com, c@d.com;, a@b.com').map((a) => a.address)).toEqual([
      'a@b.com',
      'c@d.com',
      'a@b.com',
    ]);
  });

  it('encoded words matter only in display names, which are decoded', () => {
    expect(parseAddressList('=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <j@x.de>')).toEqual([
      { address: 'j@x.de', name: 'Jürgen Müller' },
    ]);
  });

  it('never throws on broken input', () => {
    expect(() => parseAddressList('<<<"unterminated')).not.toThrow();
  });
});

describe('Time', () => {
  it('parses RFC 5322 dates with numeric zones', () => {
    expect(parseMailDate('Mon, 29 Oct 2001 16:34:23 -0800 (PST)')).toBe(Date.parse('2001-10-30T00:34:23Z'));
  });

  it('reads named zones (EST, PDT, GMT, UT) and obsolete forms', () => {
    expect(parseMailDate('Thu, 8 Mar 2005 17:40:36 EDT')).toBe(Date.parse('2005-03-08T21:40:36Z'));
    expect(parseMailDate('8 Mar 2005 17:40 PDT')).toBe(Date.parse('2005-03-09T00:40:00Z'));
    expect(parseMailDate('Tue, 01 Jan 2002 10:00:00 GMT')).toBe(Date.parse('2002-01-01T10:00:00Z'));
    expect(parseMailDate('Tue, 01 Jan 2002 10:00:00 UT')).toBe(Date.parse('2002-01-01T10:00:00Z'));
    expect(parseMailDate('Jan 1 2002 10:00:00 +0100')).toBe(Date.parse('2002-01-01T09:00:00Z'));
  });

  it('a Date without a zone is UTC', () => {
    expect(parseMailDate('Mon, 27 Oct 2025 08:15:00')).toBe(Date.parse('2025-10-27T08:15:00Z'));
  });

  it('two-digit years follow RFC 5322 (00–49 → 20xx, 50–99 → 19xx), also when written "0002"', () => {
    expect(parseMailDate('1 Jan 02 00:00 +0000')).toBe(Date.parse('2002-01-01T00:00:00Z'));
    expect(parseMailDate('1 Jan 99 00:00 +0000')).toBe(Date.parse('1999-01-01T00:00:00Z'));
    expect(parseMailDate('Sun, 12 Mar 0002 10:05:53 -0800 (PST)')).toBe(Date.parse('2002-03-12T18:05:53Z'));
  });

  it('something that is not a date parses to null', () => {
    expect(parseMailDate('next Tuesday-ish')).toBeNull();
    expect(parseMailDate('not a date')).toBeNull();
    expect(parseMailDate('31 Feb 2020 10:00 +0000')).toBeNull();
    expect(parseMailDate('')).toBeNull();
  });

  it('A time before 1990-01-01T00:00Z or more than one day after the as-of time is invalid', () => {
    const asOf = Date.parse('2025-10-29T12:00:00Z');
    expect(isValidTime(Date.parse('1989-12-31T23:59:59Z'), asOf)).toBe(false);
    expect(isValidTime(Date.parse('1990-01-01T00:00:00Z'), asOf)).toBe(true);
    expect(isValidTime(asOf + 86_400_000, asOf)).toBe(true);
    expect(isValidTime(asOf + 86_401_000, asOf)).toBe(false);
    expect(isValidTime(null, asOf)).toBe(false);
  });
});
