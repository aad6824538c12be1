import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fixtureId, type Harness, READONLY, startHarness } from './fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

describe('fields (partial responses) on every method', () => {
  it('messages.list?fields=messages/id keeps only the ids: no threadId, no resultSizeEstimate', async () => {
    const { data } = await h.gmail.users.messages.list({ userId: 'me', fields: 'messages/id' });
    expect(data.messages?.length).toBe(24);
    expect(data.messages?.every((m) => Object.keys(m).join() === 'id')).toBe(true);
    expect(data).not.toHaveProperty('resultSizeEstimate');
  });

  it('nextPageToken,messages/id and messages(id,threadId)', async () => {
    const paged = await h.gmail.users.messages.list({
      userId: 'me',
      maxResults: 5,
      fields: 'nextPageToken,messages/id',
    });
    expect(Object.keys(paged.data).sort()).toEqual(['messages', 'nextPageToken']);
    const both = await h.gmail.users.messages.list({ userId: 'me', fields: 'messages(id,threadId)' });
    expect(Object.keys(both.data)).toEqual(['messages']);
    expect(both.data.messages?.[0]).toEqual({ id: fixtureId(29), threadId: fixtureId(28) });
  });

  it('messages.get with nested payload/headers, and with a sub-selection of the headers', async () => {
    const { data } = await h.gmail.users.messages.get({
      userId: 'me',
      id: fixtureId(2),
      format: 'metadata',
      metadataHeaders: ['Subject'],
      fields: 'id,payload/headers',
    });
    expect(data).toEqual({
      id: fixtureId(2),
      payload: { headers: [{ name: 'Subject', value: 'Message 1' }] },
    });
    const names = await h.gmail.users.messages.get({
      userId: 'me',
      id: fixtureId(2),
      format: 'metadata',
      fields: 'payload(headers(name))',
    });
    expect(names.data.payload?.headers?.[0]).toEqual({ name: 'Delivered-To' });
  });

  it('applies to threads, history, labels and the profile', async () => {
    const thread = await h.gmail.users.threads.get({
      userId: 'me',
      id: fixtureId(1),
      format: 'minimal',
      fields: 'messages/labelIds',
    });
    expect(thread.data).toEqual({
      messages: [
        { labelIds: ['INBOX', 'UNREAD', 'Label_1'] },
        { labelIds: ['INBOX'] },
        { labelIds: ['INBOX'] },
      ],
    });
    const threads = await h.gmail.users.threads.list({ userId: 'me', fields: 'threads/id' });
    expect(Object.keys(threads.data.threads![0]!)).toEqual(['id']);
    const profile = await h.gmail.users.getProfile({ userId: 'me', fields: 'historyId' });
    expect(Object.keys(profile.data)).toEqual(['historyId']);
    const labels = await h.gmail.users.labels.list({ userId: 'me', fields: 'labels(id)' });
    expect(labels.data.labels?.every((l) => Object.keys(l).join() === 'id')).toBe(true);
    const label = await h.gmail.users.labels.get({ userId: 'me', id: 'INBOX', fields: 'messagesTotal' });
    expect(label.data).toEqual({ messagesTotal: 24 });
    const start = String(Number(profile.data.historyId) - 1);
    const history = await h.gmail.users.history.list({
      userId: 'me',
      startHistoryId: start,
      fields: 'historyId',
    });
    expect(Object.keys(history.data)).toEqual(['historyId']);
  });

  it('applies to the answers of writes', async () => {
    const modify = h.clientFor('https://www.googleapis.com/auth/gmail.modify');
    const { data } = await modify.users.messages.modify({
      userId: 'me',
      id: fixtureId(3),
      fields: 'labelIds',
      requestBody: { addLabelIds: ['STARRED'] },
    });
    expect(data).toEqual({ labelIds: ['INBOX', 'STARRED'] });
  });

  it('an unknown field is 400 invalidParameter "Invalid field selection", and spends nothing', async () => {
    const before = h.emulator.counters.windows[0]?.unitsCharged ?? 0;
    for (const fields of ['messages/colour', 'nope', 'messages(id', 'resultSizeEstimate/x']) {
      const { status, body } = await failure(h.gmail.users.messages.list({ userId: 'me', fields }));
      expect({ fields, status }).toEqual({ fields, status: 400 });
      expect(body.error.errors[0]).toMatchObject({
        domain: 'global',
        reason: 'invalidParameter',
        location: 'fields',
        locationType: 'parameter',
      });
      expect(body.error.message).toMatch(/^Invalid field selection /);
    }
    expect(h.emulator.counters.windows[0]?.unitsCharged ?? 0).toBe(before);
  });

  it('a wildcard selects everything at its level', async () => {
    const readonly = h.clientFor(READONLY);
    const { data } = await readonly.users.messages.list({ userId: 'me', maxResults: 2, fields: '*' });
    expect(Object.keys(data).sort()).toEqual(['messages', 'nextPageToken', 'resultSizeEstimate']);
  });
});
