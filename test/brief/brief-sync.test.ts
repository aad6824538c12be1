/**
 * "New since the last brief" across two syncs against the Gmail API emulator (real HTTP, the real
 * Google client): the first brief lists one thread and is delivered; the second sync brings a new
 * thread and an answer in an old one, and a thread ages past a day; the second brief counts those
 * three as new. Each link opens the thread's last message in Gmail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SeedMessage } from '../emulator/mailbox.ts';
import { type SyncBench, startSyncBench } from '../sync/harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ME = 'me@example.com';

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

function seed(
  id: string,
  thread: string,
  at: string,
  from: string,
  to: string,
  subject: string,
): SeedMessage {
  const time = Date.parse(at);
  return {
    id,
    threadId: thread,
    labelIds: from === ME ? ['SENT'] : ['INBOX'],
    internalDate: time,
    sizeEstimate: 1000,
    headers: [
      { name: 'From', value: from },
      { name: 'To', value: to },
      { name: 'Subject', value: subject },
      { name: 'Message-ID', value: `<${id}@example.net>` },
      { name: 'Date', value: new Date(time).toUTCString() },
    ],
  };
}

const THREAD = {
  budget: 'aaaa000000000001',
  contract: 'aaaa000000000002',
  lunch: 'aaaa000000000003',
  invoice: 'aaaa000000000004',
};

describe('new since the last brief, across two syncs', () => {
  it('counts the threads the delivered brief did not list', async () => {
    bench = await startSyncBench({
      user: ME,
      messages: [
        seed('bbbb000000000001', THREAD.budget, '2026-03-17T09:00:00Z', 'ann@a.example', ME, 'Budget'),
        seed('bbbb000000000002', THREAD.contract, '2026-03-19T15:00:00Z', 'bob@b.example', ME, 'Contract'),
        seed('bbbb000000000003', THREAD.lunch, '2026-03-15T12:00:00Z', ME, 'carol@c.example', 'Lunch?'),
      ],
    });
    expect((await bench.runJob('fetch_messages')).status).toBe('completed');
    const account = bench.accountId;
    const first = { account, asOf: '2026-03-20T12:00:00Z', timeZone: 'UTC' };
    const one = (await bench.engine.call('brief.get', first)).brief;
    // Contract is 21 h old: not yet waiting on you.
    expect(one.waitingOnYou.threads.map((t) => [t.thread, t.ageMs, t.isNew])).toEqual([
      [THREAD.budget, 3 * DAY + 3 * HOUR, true],
    ]);
    expect(one.waitingOnYou.threads[0]!.gmailLink).toBe(
      `https://mail.google.com/mail/u/${ME}/#all/bbbb000000000001`,
    );
    expect(one.waitingOnThem.threads.map((t) => [t.thread, t.ageMs])).toEqual([[THREAD.lunch, 5 * DAY]]);
    await bench.engine.call('brief.markSeen', first);

    const box = bench.emulator.mailbox;
    box.addMessage(
      seed('bbbb000000000004', THREAD.invoice, '2026-03-20T18:00:00Z', 'dan@d.example', ME, 'Invoice'),
    );
    box.addMessage(
      seed('bbbb000000000005', THREAD.lunch, '2026-03-20T20:00:00Z', 'carol@c.example', ME, 'Re: Lunch?'),
    );
    expect((await bench.runJob('sync_history')).status).toBe('completed');
    const two = (await bench.engine.call('brief.get', { ...first, asOf: '2026-03-22T12:00:00Z' })).brief;
    expect(two.waitingOnYou.threads.map((t) => [t.thread, t.ageMs, t.isNew])).toEqual([
      [THREAD.budget, 5 * DAY + 3 * HOUR, false],
      [THREAD.contract, 2 * DAY + 21 * HOUR, true],
      [THREAD.invoice, DAY + 18 * HOUR, true],
      [THREAD.lunch, DAY + 16 * HOUR, true],
    ]);
    expect(two.waitingOnYou.newSinceLastBrief).toBe(3);
    expect(two.waitingOnYou.lastBriefAt).not.toBeNull();
    // Carol answered: Lunch? waits on you now, no longer on her; its link is her answer.
    expect(two.waitingOnThem.count).toBe(0);
    expect(two.waitingOnYou.threads[3]!.gmailLink).toBe(
      `https://mail.google.com/mail/u/${ME}/#all/bbbb000000000005`,
    );
    expect(two.coverage.messages).toBe(5);
  });
});
