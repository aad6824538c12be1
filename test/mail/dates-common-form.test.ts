/**
 * The Date header's common form is read by one expression (date.ts COMMON), everything else word by
 * word: both must give the same instant, or the same null, for every value. Checked on every Date of
 * the shared Enron users and on seeded variants around the common form (spacing, case, names,
 * out-of-range fields, zones), where a difference would be a message dated differently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnyMailDate, parseMailDate } from '../../electron/engine/mail/date.ts';
import { CORPORA, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { seededRandom } from '../seeded-random.ts';

function differences(values: Iterable<string>): Array<[string, number | null, number | null]> {
  const found: Array<[string, number | null, number | null]> = [];
  for (const value of values) {
    const fast = parseMailDate(value);
    const general = parseAnyMailDate(value);
    if (fast !== general) found.push([value, fast, general]);
  }
  return found;
}

/** The Date header of every message in the mbox files of a folder (the first line of it). */
function* mboxDates(folder: string): Generator<string> {
  for (const file of readdirSync(folder)) {
    const text = readFileSync(join(folder, file), 'latin1');
    for (const message of text.matchAll(/(?:^|\n)From [^\n]*\n([\s\S]*?)\n\n/g)) {
      const date = /^Date:[ \t]*(.*)$/m.exec(message[1]!);
      if (date) yield date[1]!;
    }
  }
}

function* variants(count: number): Generator<string> {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const days = ['', 'Mon, ', 'Sun, ', 'mon, ', 'Mon ', 'Thu,', 'Xyz, '];
  const dayNumbers = ['1', '01', '9', '14', '29', '30', '31', '0', '00', '32', '123'];
  const months = ['Jan', 'Feb', 'May', 'Dec', 'jan', 'MAY', 'June', 'Sept', 'Foo'];
  const years = ['2001', '1999', '0002', '0049', '0050', '0999', '1000', '01', '99', '20011'];
  const times = [
    '16:39:00',
    '00:00:00',
    '23:59:59',
    '24:00:00',
    '12:60:00',
    '12:00:60',
    '9:05:00',
    '12:00',
    '12.30.00',
  ];
  const zones = ['-0700', '+0000', '+0130', '-9999', '+700', 'GMT', 'PDT', 'est', 'Z', '', '+07:00'];
  const tails = ['', ' (PDT)', '\t(CDT)', '  ', ' x', '(PDT)', ' \u00a0'];
  const gaps = [' ', ' ', ' ', '  ', '\t'];
  for (let i = 0; i < count; i++) {
    const gap = pick(gaps);
    const value = `${pick(days)}${pick(dayNumbers)}${gap}${pick(months)} ${pick(years)} ${pick(times)} ${pick(zones)}${pick(tails)}`;
    yield random() < 0.1 ? ` ${value}` : value;
  }
}

describe('the common form of a Date', () => {
  it('reads as the general reading does, on seeded variants around it', () => {
    expect(parseMailDate('Mon, 14 May 2001 16:39:00 -0700 (PDT)')).toBe(Date.UTC(2001, 4, 14, 23, 39));
    expect(differences(variants(50_000))).toEqual([]);
  });

  it.skipIf(skipWithoutCorpora)(
    `reads as the general reading does, on every Enron Date${withoutCorporaNote}`,
    () => {
      const dates = ['allen-p', 'beck-s', 'farmer-d', 'lavorato-j'].flatMap((user) => [
        ...mboxDates(join(CORPORA, 'enron', user)),
      ]);
      expect(dates.length).toBeGreaterThan(17_000);
      expect(differences(dates)).toEqual([]);
    },
  );
});
