import { describe, expect, it } from 'vitest';
import { ZoneTable } from '../../electron/engine/mail/generator/zones.ts';
import { collect, header, isSent } from './helpers.ts';

/** Local weekday, hour and UTC offset read through Intl, independently of the generator's tables. */
function localParts(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  return (t: number) => {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
    return {
      weekend: parts.weekday === 'Sat' || parts.weekday === 'Sun',
      hour: Number(parts.hour),
      offset: parts.timeZoneName!,
    };
  };
}

function argmax(values: number[]): number {
  return values.indexOf(Math.max(...values));
}

describe.each([
  ['Europe/London', ['GMT+00:00', 'GMT+01:00'], 1],
  ['America/New_York', ['GMT-05:00', 'GMT-04:00'], 1],
])('working-hours rhythm in %s', (timeZone, sides, shift) => {
  const mailbox = collect({ seed: 42, messages: 5000, timeZone });
  const read = localParts(timeZone);

  it('clusters the user’s sent mail in Mon–Fri 09–18 local time on both sides of DST', () => {
    const localPeak: number[] = [];
    const utcPeak: number[] = [];
    for (const side of sides) {
      const sent = mailbox.filter((m) => isSent(m) && read(m.internalDate).offset === side);
      expect(sent.length).toBeGreaterThan(300);
      const working = sent.filter((m) => {
        const { weekend, hour } = read(m.internalDate);
        return !weekend && hour >= 9 && hour < 18;
      });
      expect(working.length / sent.length).toBeGreaterThan(0.65);
      const byLocal = new Array(24).fill(0);
      const byUtc = new Array(24).fill(0);
      for (const m of sent) {
        byLocal[read(m.internalDate).hour] += 1;
        byUtc[new Date(m.internalDate).getUTCHours()] += 1;
      }
      expect(byLocal[9]).toBeGreaterThan(2 * byLocal[8]);
      expect(byLocal[18]).toBeLessThan(0.6 * byLocal[17]);
      localPeak.push(argmax(byLocal));
      utcPeak.push(argmax(byUtc));
    }
    // The morning peak stays at 09 local, so on the UTC clock it moves by the DST shift.
    expect(localPeak).toEqual([9, 9]);
    expect(Math.abs(utcPeak[0]! - utcPeak[1]!)).toBe(shift);
  });

  it('writes the user’s Date headers with the zone’s offset at that instant', () => {
    for (const m of mailbox.filter(isSent).slice(0, 400)) {
      const offset = read(m.internalDate).offset.replace('GMT', '').replace(':', '') || '+0000';
      expect(header(m, 'Date')!.endsWith(` ${offset}`)).toBe(true);
    }
  });
});

describe('ZoneTable', () => {
  it('agrees with Intl on every hour across DST transitions, including half-hour zones', () => {
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2025, 0, 1);
    for (const name of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
      const table = new ZoneTable(name, from, to);
      const read = localParts(name);
      for (let t = from; t < to; t += 3_600_000 * 7) {
        const label = read(t).offset.replace('GMT', '') || '+00:00';
        const minutes =
          (label[0] === '-' ? -1 : 1) * (Number(label.slice(1, 3)) * 60 + Number(label.slice(4, 6)));
        expect(table.offsetMinutes(t)).toBe(minutes);
      }
    }
  });
});
