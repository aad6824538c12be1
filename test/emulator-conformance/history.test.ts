import { afterEach, describe, expect, it } from 'vitest';
import { failure, fixtureId, type Harness, START, startHarness } from './fixtures.ts';

let h: Harness;
afterEach(() => h.emulator.close());

const newMessage = (n: number) => ({
  labelIds: ['INBOX', 'UNREAD'],
  internalDate: START + n * 1000,
  sizeEstimate: 500,
  headers: [{ name: 'Subject', value: `new ${n}` }],
});

describe('history.list', () => {
  it('no change answers just {"historyId": "…"}', async () => {
    h = await startHarness();
    const profile = await h.gmail.users.getProfile({ userId: 'me' });
    const { data } = await h.gmail.users.history.list({
      userId: 'me',
      startHistoryId: profile.data.historyId!,
    });
    expect(data).toEqual({ historyId: profile.data.historyId });
  });

  it('replays every mutation made after the recorded history id, with all four record types', async () => {
    h = await startHarness();
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const { mailbox } = h.emulator;
    const added = mailbox.addMessage(newMessage(1));
    mailbox.modifyLabels(fixtureId(2), { remove: ['INBOX'] });
    mailbox.modifyLabels(fixtureId(3), { add: ['STARRED', 'Work'] });
    mailbox.deleteMessage(fixtureId(4));

    const { data } = await h.gmail.users.history.list({ userId: 'me', startHistoryId: start });
    expect(data.historyId).toBe(String(mailbox.historyId));
    expect(data.nextPageToken).toBeUndefined();
    const records = data.history!;
    expect(records).toHaveLength(4);
    const ids = records.map((r) => Number(r.id));
    // Increasing, never contiguous.
    expect(ids.slice(1).every((id, i) => id > ids[i]! + 1)).toBe(true);
    expect(records[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      messages: [{ id: added.id, threadId: added.id }],
      messagesAdded: [{ message: { id: added.id, threadId: added.id, labelIds: ['INBOX', 'UNREAD'] } }],
    });
    expect(records[1]?.labelsRemoved).toEqual([
      { message: { id: fixtureId(2), threadId: fixtureId(1) }, labelIds: ['INBOX'] },
    ]);
    expect(records[2]?.labelsAdded).toEqual([
      {
        message: { id: fixtureId(3), threadId: fixtureId(1), labelIds: ['INBOX', 'STARRED', 'Label_1'] },
        labelIds: ['STARRED', 'Label_1'],
      },
    ]);
    expect(records[3]?.messagesDeleted?.[0]?.message?.id).toBe(fixtureId(4));
    // The message now carries the history id of its last change.
    const moved = await h.gmail.users.messages.get({ userId: 'me', id: fixtureId(3), format: 'minimal' });
    expect(moved.data.historyId).toBe(records[2]?.id);
  });

  it('filters by repeated historyTypes and by labelId, and pages', async () => {
    h = await startHarness();
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const { mailbox } = h.emulator;
    for (let n = 0; n < 5; n++) mailbox.addMessage(newMessage(n));
    mailbox.modifyLabels(fixtureId(2), { add: ['TRASH'] });
    mailbox.deleteMessage(fixtureId(5));

    const typed = await h.gmail.users.history.list({
      userId: 'me',
      startHistoryId: start,
      historyTypes: ['labelAdded', 'messageDeleted'],
    });
    expect(typed.data.history?.map((r) => Object.keys(r).sort())).toEqual([
      ['id', 'labelsAdded', 'messages'],
      ['id', 'messages', 'messagesDeleted'],
    ]);
    const trash = await h.gmail.users.history.list({ userId: 'me', startHistoryId: start, labelId: 'TRASH' });
    expect(trash.data.history).toHaveLength(1);

    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await h.gmail.users.history.list({
        userId: 'me',
        startHistoryId: start,
        maxResults: 3,
        pageToken,
      });
      seen.push(...data.history!.map((r) => r.id!));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken !== undefined);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers 404 for a startHistoryId older than the horizon, and replays within it', async () => {
    h = await startHarness({ historyHorizon: 40 });
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const { mailbox } = h.emulator;
    for (let n = 0; n < 30; n++) mailbox.addMessage(newMessage(n));
    const { status, body } = await failure(
      h.gmail.users.history.list({ userId: 'me', startHistoryId: start }),
    );
    expect(status).toBe(404);
    expect(body.error.status).toBe('NOT_FOUND');
    const recent = String(mailbox.historyId - 20);
    const { data } = await h.gmail.users.history.list({ userId: 'me', startHistoryId: recent });
    expect(data.history?.every((r) => Number(r.id) > Number(recent))).toBe(true);
  });

  it('a message added while a client pages messages.list does not disturb the pages', async () => {
    h = await startHarness();
    const first = await h.gmail.users.messages.list({ userId: 'me', maxResults: 10 });
    h.emulator.mailbox.addMessage(newMessage(99));
    const second = await h.gmail.users.messages.list({
      userId: 'me',
      maxResults: 10,
      pageToken: first.data.nextPageToken!,
    });
    const firstIds = first.data.messages!.map((m) => m.id);
    expect(second.data.messages!.some((m) => firstIds.includes(m.id))).toBe(false);
  });
});
