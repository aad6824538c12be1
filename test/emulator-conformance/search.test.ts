import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fixtureId, type Harness, READONLY, START, startHarness } from './fixtures.ts';

let h: Harness;
let readonly: gmail_v1.Gmail;
beforeAll(async () => {
  h = await startHarness();
  readonly = h.clientFor(READONLY);
});
afterAll(() => h.emulator.close());

/** Fixture numbers (i + 1 = the id's number) of the messages a query lists, newest first. */
async function search(q: string): Promise<number[]> {
  const { data } = await readonly.users.messages.list({ userId: 'me', q, maxResults: 500 });
  return (data.messages ?? []).map((m) => Number.parseInt(m.id!.slice(1), 16) - 1);
}

const visible = (i: number) => i % 10 !== 4 && i % 10 !== 9;
const all = Array.from({ length: 30 }, (_, i) => 29 - i);

describe('search (q) under gmail.readonly', () => {
  it('is:, in:, label: and their negations', async () => {
    expect(await search('is:unread')).toEqual(all.filter((i) => visible(i) && i % 3 === 0));
    expect(await search('-is:unread')).toEqual(all.filter((i) => visible(i) && i % 3 !== 0));
    expect(await search('is:read')).toEqual(await search('-is:unread'));
    expect(await search('-is:chat')).toEqual(all.filter(visible));
    expect(await search('in:spam')).toEqual(all.filter((i) => i % 10 === 4));
    expect(await search('in:anywhere')).toEqual(all);
    expect(await search('label:work')).toEqual(all.filter((i) => visible(i) && i % 4 === 0));
    expect(await search('label:no-such-label')).toEqual([]);
  });

  it('from:, to:, subject:, words and quoted phrases', async () => {
    expect(await search('from:sender12@example.org')).toEqual([12]);
    expect(await search('to:me subject:"Message 2"')).toEqual([28, 27, 26, 25, 23, 22, 21, 20, 2]);
    expect(await search('"number 7."')).toEqual([7]);
    expect(await search('Second')).toEqual(all.filter(visible));
  });

  it('OR, -, parentheses and implicit AND', async () => {
    expect(await search('from:sender1@ OR from:sender2@')).toEqual([2, 1]);
    expect(await search('(from:sender1@ OR from:sender2@) -is:unread')).toEqual([2, 1]);
    expect(await search('label:work -(is:unread)')).toEqual(
      all.filter((i) => visible(i) && i % 4 === 0 && i % 3 !== 0),
    );
  });

  it('after:/before: and newer_than:/older_than: against the emulator clock', async () => {
    const day = (hoursBack: number) => START - hoursBack * 3_600_000;
    const seconds = Math.floor(day(5) / 1000);
    expect(await search(`after:${seconds}`)).toEqual(all.filter((i) => visible(i) && 30 - i <= 5));
    expect(await search(`before:${seconds}`)).toEqual(all.filter((i) => visible(i) && 30 - i > 5));
    expect(await search('newer_than:1d')).toEqual(all.filter((i) => visible(i) && 30 - i < 24));
    expect(await search('older_than:1d')).toEqual(all.filter((i) => visible(i) && 30 - i >= 24));
    // START is 2026-05-01 09:00 UTC: the nine newest are on 1 May (dates are read in UTC).
    expect(await search('after:2026/05/01')).toEqual(all.filter((i) => visible(i) && 30 - i <= 9));
    expect(await search('before:2026/05/01')).toEqual(all.filter((i) => visible(i) && 30 - i > 9));
  });

  it("anything else is 400 in Google's envelope", async () => {
    for (const q of [
      'has:attachment',
      'is:snoozed',
      'after:yesterday',
      'newer_than:3w',
      '(from:a',
      '"unclosed',
      'OR',
    ]) {
      const { status, body } = await failure(readonly.users.messages.list({ userId: 'me', q }));
      expect({ q, status }).toEqual({ q, status: 400 });
      expect(body.error).toMatchObject({
        status: 'INVALID_ARGUMENT',
        errors: [{ reason: 'invalidArgument' }],
      });
    }
  });

  it('threads.list takes the same q', async () => {
    const { data } = await readonly.users.threads.list({ userId: 'me', q: 'from:sender12@example.org' });
    expect(data.threads?.map((t) => t.id)).toEqual([fixtureId(13)]);
  });
});
