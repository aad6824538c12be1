/** `demo.create`: the same seed leaves the same demo, however often it runs, and the demo user has a name. */
import { describe, expect, it } from 'vitest';
import { DEMO_NAME } from '../../electron/engine/sources/import/demo.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine } from './helpers.ts';

describe('the demo', () => {
  it('replaces its mail when created again with the same seed, and signs the user’s mail with the demo name', async () => {
    const time = fakeClock(Date.parse('2026-01-15T12:00:00.000Z'));
    const engine = openEngine({ clock: time.clock });
    const create = async () => {
      const { account } = await engine.call('demo.create', { messages: 300, seed: 11 });
      await engine.runner.runUntilIdle({ sleep: time.sleep });
      const { messages } = engineServicesForTests(engine).messages.getMessages(
        { accountId: account.id },
        { limit: 500 },
      );
      return { account, messages };
    };
    const first = await create();
    const again = await create();
    expect(again.account.id).toBe(first.account.id);
    const shape = (list: typeof first.messages) =>
      list.map((m) => [m.time, m.subject, m.from, m.labels.join()]);
    expect(shape(again.messages)).toEqual(shape(first.messages));
    // Later the generated mailbox ends later (its newest mail an hour before now): still as large.
    time.advance(3 * 3_600_000);
    const later = await create();
    expect(later.messages.length).toBe(first.messages.length);
    const own = later.messages.filter((m) => m.labels.includes('SENT'));
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((m) => m.fromName))).toEqual(new Set([DEMO_NAME]));
  });
});
