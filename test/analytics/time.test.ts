import { describe, expect, it } from 'vitest';
import { previousRange, resolveRange, ZoneClock } from '../../electron/engine/analytics/index.ts';
import { WorkingCalendar } from '../../electron/engine/analytics/time/working-time.ts';
import { dayOfDate, weekdayOfDay } from '../../electron/engine/analytics/time/zone-clock.ts';
import { DEFAULT_WORKING_HOURS } from '../../shared/domain.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const clockFor = (zone: string) => ZoneClock.covering(zone, Date.UTC(2024, 0, 1), Date.UTC(2026, 0, 1));
const H = 3_600_000;

describe('zone clock', () => {
  it('maps instants to local days and hours across a fall-back day (New York, 2025-11-02 has 25 hours)', () => {
    const clock = clockFor('America/New_York');
    const day = dayOfDate('2025-11-02')!;
    expect(iso(clock.startOfDay(day))).toBe('2025-11-02T04:00:00.000Z');
    expect(iso(clock.startOfDay(day + 1))).toBe('2025-11-03T05:00:00.000Z');
    // 01:30 happens twice: 05:30Z (EDT) and 06:30Z (EST), both local hour 1 of the same day.
    expect(clock.wall(Date.parse('2025-11-02T05:30:00Z')) % (24 * H)).toBe(1.5 * H);
    expect(clock.wall(Date.parse('2025-11-02T06:30:00Z')) % (24 * H)).toBe(1.5 * H);
  });

  it('starts a day whose midnight does not exist at the spring-forward instant (Havana, 2025-03-09)', () => {
    const clock = clockFor('America/Havana');
    expect(iso(clock.startOfDay(dayOfDate('2025-03-09')!))).toBe('2025-03-09T05:00:00.000Z');
  });

  it('numbers weekdays from Monday = 0', () => {
    expect(weekdayOfDay(dayOfDate('2025-03-03')!)).toBe(0);
    expect(weekdayOfDay(dayOfDate('2025-03-09')!)).toBe(6);
  });

  it('refuses an unknown zone with a VALIDATION error', () => {
    expect(() => ZoneClock.covering('Mars/Olympus', 0, 1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('ranges', () => {
  const asOf = Date.parse('2025-03-31T10:00:00Z');
  const clock = clockFor('Europe/Berlin');

  it('resolves a custom range as whole local days, both ends inclusive, across a DST change', () => {
    const range = resolveRange('2025-03-01..2025-03-31', clock, asOf);
    expect([iso(range.from), iso(range.to), range.preset, range.days]).toEqual([
      '2025-02-28T23:00:00.000Z',
      '2025-03-31T22:00:00.000Z',
      'custom',
      '2025-03-01..2025-03-31',
    ]);
  });

  it('gives the previous range of the same number of local days, and none for all', () => {
    const previous = previousRange('2025-03-01..2025-03-31', clock, asOf)!;
    expect(previous.days).toBe('2025-01-29..2025-02-28');
    expect(iso(previous.to)).toBe('2025-02-28T23:00:00.000Z');
    expect(previousRange('7', clock, asOf)!.days).toBe('2025-03-18..2025-03-24');
    expect(previousRange('all', clock, asOf)).toBeNull();
  });

  it('refuses malformed or reversed custom ranges', () => {
    for (const bad of ['2025-02-30..2025-03-01', '2025-03-05..2025-03-01', '2025-03-01', 'last week']) {
      expect(() => resolveRange(bad as '2025..x', clock, asOf)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
  });
});

describe('working time', () => {
  const clock = clockFor('UTC');
  const calendar = new WorkingCalendar(
    clock,
    DEFAULT_WORKING_HOURS,
    dayOfDate('2025-03-01')!,
    dayOfDate('2025-03-31')!,
  );
  const between = (a: string, b: string) => calendar.between(Date.parse(a), Date.parse(b));

  it('counts only Monday–Friday [09:00, 18:00)', () => {
    expect(between('2025-03-07T17:00:00Z', '2025-03-10T10:00:00Z')).toBe(2 * H); // Fri 17→18, Mon 9→10
    expect(between('2025-03-08T10:00:00Z', '2025-03-08T12:00:00Z')).toBe(0); // Saturday
    expect(between('2025-03-03T08:00:00Z', '2025-03-05T08:00:00Z')).toBe(18 * H); // two full days
    expect(between('2025-03-03T10:00:00Z', '2025-03-03T10:30:00Z')).toBe(H / 2);
  });

  it('spans days outside its table one by one', () => {
    expect(between('2025-02-28T17:00:00Z', '2025-04-01T09:30:00Z')).toBe(H + 21 * 9 * H + H / 2);
  });

  it('follows local clocks on a DST day (Berlin, Monday 2025-03-31 starts in CEST)', () => {
    const berlin = new WorkingCalendar(clockFor('Europe/Berlin'), DEFAULT_WORKING_HOURS, 0, 0);
    // 09:00 CEST = 07:00Z.
    expect(berlin.between(Date.parse('2025-03-31T06:00:00Z'), Date.parse('2025-03-31T08:00:00Z'))).toBe(H);
  });
});
