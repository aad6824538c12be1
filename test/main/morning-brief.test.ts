/**
 * The tray's morning brief, driven by a hand clock (test/main/fake-timers.ts): at the picked minute
 * of the picked weekdays in the app's zone, once a day, only when something waits, never in quiet
 * hours, and again when the engine failed to answer.
 */
import { describe, expect, it } from 'vitest';
import {
  createMorningBrief,
  localMoment,
  type MorningBriefSettings,
  type MorningNotice,
} from '../../electron/main/morning-brief.ts';
import { createManualTimers } from './fake-timers.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Monday 2026-05-04, 08:00 UTC.
const MONDAY_8 = Date.parse('2026-05-04T08:00:00Z');
const DEFAULTS: MorningBriefSettings = {
  morningBrief: { enabled: true, minute: 8 * 60 + 30, days: [1, 2, 3, 4, 5] },
  quietHours: { enabled: false, startMinute: 22 * 60, endMinute: 7 * 60 },
  timeZone: 'UTC',
};

function setup(
  options: {
    settings?: Partial<MorningBriefSettings>;
    start?: number;
    waiting?: () => Promise<{ count: number; oldestAgeMs: number | null }>;
    lastDone?: string | null;
  } = {},
) {
  const timers = createManualTimers(options.start ?? MONDAY_8);
  const shown: Array<MorningNotice & { at: string }> = [];
  const done: string[] = [];
  const asked: number[] = [];
  const brief = createMorningBrief({
    now: timers.now,
    repeat: timers.repeat,
    settings: { ...DEFAULTS, ...options.settings },
    waiting: async () => {
      asked.push(timers.now());
      return options.waiting ? options.waiting() : { count: 3, oldestAgeMs: 4 * 24 * HOUR + 5 * HOUR };
    },
    show: (notice) => shown.push({ ...notice, at: new Date(timers.now()).toISOString() }),
    lastDone: options.lastDone ?? null,
    onDone: (date) => done.push(date),
  });
  /** Moves the clock minute by minute, letting each check's promise settle. */
  const advance = async (ms: number) => {
    for (let passed = 0; passed < ms; passed += MINUTE) {
      timers.advance(MINUTE);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { timers, brief, shown, done, asked, advance, settle };
}

describe('the morning brief', () => {
  it('shows "3 threads wait on you (oldest 4 days)" at 08:30 on a weekday, once, and opens the Brief', async () => {
    const { brief, shown, done, advance } = setup();
    brief.start();
    await advance(29 * MINUTE);
    expect(shown).toEqual([]);
    await advance(MINUTE);
    expect(shown).toEqual([
      {
        title: 'Your brief',
        body: '3 threads wait on you (oldest 4 days)',
        view: 'brief',
        at: '2026-05-04T08:30:00.000Z',
      },
    ]);
    await advance(15 * HOUR);
    expect(shown).toHaveLength(1);
    // Tuesday 08:30: the next one.
    await advance(9 * HOUR);
    expect(shown.map((notice) => notice.at)).toEqual([
      '2026-05-04T08:30:00.000Z',
      '2026-05-05T08:30:00.000Z',
    ]);
    expect(done).toEqual(['2026-05-04', '2026-05-05']);
  });

  it('shows none at the weekend, and none when nothing waits (that day is done all the same)', async () => {
    const saturday = setup({ start: Date.parse('2026-05-09T08:00:00Z') });
    saturday.brief.start();
    await saturday.advance(2 * HOUR);
    expect([saturday.shown, saturday.asked]).toEqual([[], []]);

    const empty = setup({ waiting: async () => ({ count: 0, oldestAgeMs: null }) });
    empty.brief.start();
    await empty.advance(3 * HOUR);
    expect(empty.shown).toEqual([]);
    expect(empty.asked).toEqual([Date.parse('2026-05-04T08:30:00Z')]);
    expect(empty.done).toEqual(['2026-05-04']);
  });

  it('waits out quiet hours that cover the minute, and gives up on a day whose rest is quiet', async () => {
    const held = setup({
      settings: { quietHours: { enabled: true, startMinute: 22 * 60, endMinute: 9 * 60 } },
    });
    held.brief.start();
    await held.advance(2 * HOUR);
    expect(held.shown.map((notice) => notice.at)).toEqual(['2026-05-04T09:00:00.000Z']);

    const lost = setup({ settings: { quietHours: { enabled: true, startMinute: 8 * 60, endMinute: 0 } } });
    lost.brief.start();
    await lost.advance(17 * HOUR);
    expect(lost.shown).toEqual([]);
  });

  it("reads the minute and the weekday in the app's time zone", async () => {
    // 08:30 in New York is 12:30 UTC in May (EDT).
    const { brief, shown, advance } = setup({ settings: { timeZone: 'America/New_York' } });
    brief.start();
    await advance(6 * HOUR);
    expect(shown.map((notice) => notice.at)).toEqual(['2026-05-04T12:30:00.000Z']);
    expect(localMoment(Date.parse('2026-05-04T03:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-05-03',
      weekday: 7,
      minute: 23 * 60,
    });
  });

  it('comes at start when the app opens after the minute, and not twice on a day already done', async () => {
    const late = setup({ start: Date.parse('2026-05-04T14:00:00Z') });
    late.brief.start();
    await late.settle();
    expect(late.shown.map((notice) => notice.at)).toEqual(['2026-05-04T14:00:00.000Z']);

    const again = setup({ start: Date.parse('2026-05-04T14:00:00Z'), lastDone: '2026-05-04' });
    again.brief.start();
    await again.advance(HOUR);
    expect(again.shown).toEqual([]);
  });

  it('asks again the next minute when the engine did not answer, and follows changed settings', async () => {
    let fail = true;
    const { brief, shown, advance } = setup({
      waiting: async () => {
        if (fail) {
          fail = false;
          throw new Error('engine restarting');
        }
        return { count: 1, oldestAgeMs: 26 * HOUR };
      },
    });
    brief.start();
    await advance(31 * MINUTE);
    expect(shown.map((notice) => [notice.at, notice.body])).toEqual([
      ['2026-05-04T08:31:00.000Z', '1 thread waits on you (oldest 1 day)'],
    ]);
    brief.updateSettings({
      ...DEFAULTS,
      morningBrief: { enabled: false, minute: 510, days: [1, 2, 3, 4, 5] },
    });
    await advance(24 * HOUR);
    expect(shown).toHaveLength(1);
    expect(await brief.check()).toBe('off');
  });
});
