import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureId, type Harness, READONLY, START, startHarness } from './fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const HEX16 = /^[0-9a-f]{16}$/;

describe('profile and labels', () => {
  it('getProfile answers Schema$Profile with a string historyId', async () => {
    const { data } = await h.gmail.users.getProfile({ userId: 'me' });
    expect(data).toEqual({
      emailAddress: 'user@example.com',
      messagesTotal: 30,
      threadsTotal: 10,
      historyId: String(h.emulator.mailbox.historyId),
    });
  });

  it('accepts the user address in place of me', async () => {
    const { data } = await h.gmail.users.getProfile({ userId: 'user@example.com' });
    expect(data.emailAddress).toBe('user@example.com');
  });

  it('labels.list has system labels and named user labels with Label_ ids, without counts', async () => {
    const { data } = await h.gmail.users.labels.list({ userId: 'me' });
    expect(data.labels).toContainEqual({ id: 'INBOX', name: 'INBOX', type: 'system' });
    expect(data.labels).toContainEqual({
      id: 'Label_1',
      name: 'Work',
      messageListVisibility: 'show',
      labelListVisibility: 'labelShow',
      type: 'user',
    });
    expect(data.labels?.every((l) => l.messagesTotal === undefined)).toBe(true);
  });

  it('labels.get counts messages and threads, total and unread', async () => {
    const { data } = await h.gmail.users.labels.get({ userId: 'me', id: 'SPAM' });
    expect(data).toEqual({
      id: 'SPAM',
      name: 'SPAM',
      type: 'system',
      messagesTotal: 3,
      messagesUnread: 1,
      threadsTotal: 3,
      threadsUnread: 1,
    });
    const work = await h.gmail.users.labels.get({ userId: 'me', id: 'Label_1' });
    expect(work.data.messagesTotal).toBe(8);
  });
});

describe('messages.list', () => {
  it('lists newest first without spam and trash, with ids and thread ids', async () => {
    const { data } = await h.gmail.users.messages.list({ userId: 'me' });
    expect(data.messages).toHaveLength(24);
    expectEstimateOf(data.resultSizeEstimate, 24);
    expect(data.nextPageToken).toBeUndefined();
    // i = 29 is in the trash, so the newest listed is i = 28.
    expect(data.messages?.[0]).toEqual({ id: fixtureId(29), threadId: fixtureId(28) });
    expect(data.messages?.every((m) => HEX16.test(m.id!) && HEX16.test(m.threadId!))).toBe(true);
  });

  it('includeSpamTrash brings spam and trash back', async () => {
    const { data } = await h.gmail.users.messages.list({ userId: 'me', includeSpamTrash: true });
    expect(data.messages).toHaveLength(30);
  });

  it('labelIds are repeated keys combined with AND', async () => {
    const { data } = await h.gmail.users.messages.list({
      userId: 'me',
      labelIds: ['INBOX', 'UNREAD', 'Label_1'],
    });
    // i % 3 == 0 and i % 4 == 0 and not spam/trash: i = 0, 12, 24 (i = 24 is spam-free: 24 % 10 = 4 is spam)
    expect(data.messages?.map((m) => m.id)).toEqual([fixtureId(13), fixtureId(1)]);
  });

  it('a label given explicitly is listed even without includeSpamTrash', async () => {
    const { data } = await h.gmail.users.messages.list({ userId: 'me', labelIds: ['SPAM'] });
    expect(data.messages).toHaveLength(3);
  });

  it('no match is just {"resultSizeEstimate": 0}', async () => {
    const { data } = await h.gmail.users.messages.list({ userId: 'me', labelIds: ['DRAFT'] });
    expect(data).toEqual({ resultSizeEstimate: 0 });
  });

  it('pages to the end with pageToken; the last page has no nextPageToken', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await h.gmail.users.messages.list({
        userId: 'me',
        maxResults: 7,
        includeSpamTrash: true,
        pageToken,
      });
      pages++;
      seen.push(...(data.messages ?? []).map((m) => m.id!));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken !== undefined);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
  });

  it('caps maxResults at 500 and defaults to 100', async () => {
    const big = await startHarness({ messages: Array.from({ length: 620 }, (_, i) => seedAt(i)) });
    try {
      const capped = await big.gmail.users.messages.list({ userId: 'me', maxResults: 1000 });
      expect(capped.data.messages).toHaveLength(500);
      const standard = await big.gmail.users.messages.list({ userId: 'me' });
      expect(standard.data.messages).toHaveLength(100);
      expectEstimateOf(standard.data.resultSizeEstimate, 620);
    } finally {
      await big.emulator.close();
    }
  });

  it('understands a small q subset under gmail.readonly', async () => {
    const readonly = h.clientFor(READONLY);
    const { data } = await readonly.users.messages.list({
      userId: 'me',
      q: 'from:sender12@example.org label:Work',
    });
    expect(data.messages?.map((m) => m.id)).toEqual([fixtureId(13)]);
  });
});

describe('messages.get', () => {
  it('format=metadata with metadataHeaders keeps the message order and spelling, matched case-insensitively', async () => {
    const { data } = await h.gmail.users.messages.get({
      userId: 'me',
      id: fixtureId(2),
      format: 'metadata',
      metadataHeaders: ['date', 'from', 'X-Absent'],
    });
    expect(data).toEqual({
      id: fixtureId(2),
      threadId: fixtureId(1),
      labelIds: ['INBOX'],
      snippet: 'Hello number 1. Second line.',
      payload: {
        partId: '',
        mimeType: 'text/plain',
        filename: '',
        headers: [
          { name: 'From', value: 'Sender 1 <sender1@example.org>' },
          { name: 'DATE', value: new Date(START - 29 * 3_600_000).toUTCString() },
        ],
      },
      sizeEstimate: 1001,
      historyId: expect.stringMatching(/^\d+$/),
      internalDate: String(START - 29 * 3_600_000),
    });
  });

  it('format=metadata without metadataHeaders returns every header', async () => {
    const { data } = await h.gmail.users.messages.get({ userId: 'me', id: fixtureId(2), format: 'metadata' });
    expect(data.payload?.headers).toHaveLength(6);
  });

  it('format=minimal has no payload', async () => {
    const { data } = await h.gmail.users.messages.get({ userId: 'me', id: fixtureId(2), format: 'minimal' });
    expect(Object.keys(data)).toEqual([
      'id',
      'threadId',
      'labelIds',
      'snippet',
      'sizeEstimate',
      'historyId',
      'internalDate',
    ]);
  });

  it('format=full and format=raw work under gmail.readonly', async () => {
    const readonly = h.clientFor(READONLY);
    const full = await readonly.users.messages.get({ userId: 'me', id: fixtureId(2), format: 'full' });
    expect(Buffer.from(full.data.payload!.body!.data!, 'base64url').toString()).toBe(
      'Hello number 1.\r\nSecond line.',
    );
    const raw = await readonly.users.messages.get({ userId: 'me', id: fixtureId(2), format: 'raw' });
    expect(Buffer.from(raw.data.raw!, 'base64url').toString()).toContain('Subject: Message 1\r\n');
    expect(raw.data.payload).toBeUndefined();
  });
});

describe('threads', () => {
  it('threads.list gives id, snippet and historyId, newest thread first, and pages', async () => {
    const first = await h.gmail.users.threads.list({ userId: 'me', maxResults: 4 });
    expect(first.data.threads?.[0]).toEqual({
      id: fixtureId(28),
      snippet: expect.any(String),
      historyId: expect.stringMatching(/^\d+$/),
    });
    expectEstimateOf(first.data.resultSizeEstimate, 10);
    const rest = await h.gmail.users.threads.list({
      userId: 'me',
      maxResults: 10,
      pageToken: first.data.nextPageToken!,
    });
    expect(rest.data.threads).toHaveLength(6);
    expect(rest.data.nextPageToken).toBeUndefined();
  });

  it('threads.get returns the messages oldest first in the requested format', async () => {
    const { data } = await h.gmail.users.threads.get({
      userId: 'me',
      id: fixtureId(1),
      format: 'metadata',
      metadataHeaders: ['Subject'],
    });
    expect(data.id).toBe(fixtureId(1));
    expect(data.messages?.map((m) => m.id)).toEqual([fixtureId(1), fixtureId(2), fixtureId(3)]);
    expect(data.messages?.[0]?.payload?.headers).toEqual([{ name: 'Subject', value: 'Message 0' }]);
    const minimal = await h.gmail.users.threads.get({ userId: 'me', id: fixtureId(1), format: 'minimal' });
    expect(minimal.data.messages?.[0]?.payload).toBeUndefined();
  });
});

/** resultSizeEstimate is an estimate (Google's word): near the count, never relied on as exact. */
function expectEstimateOf(estimate: number | null | undefined, count: number) {
  expect(estimate).not.toBe(count);
  expect(Math.abs(estimate! - count)).toBeLessThanOrEqual(Math.max(1, Math.round(count * 0.25)));
}

function seedAt(i: number) {
  return {
    labelIds: ['INBOX'],
    internalDate: START - i * 1000,
    sizeEstimate: 100,
    headers: [{ name: 'Subject', value: `n${i}` }],
  };
}
