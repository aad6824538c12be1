import { afterEach, describe, expect, it } from 'vitest';
import { failure, fixtureId, type Harness, START, startHarness } from './fixtures.ts';

let h: Harness;
afterEach(() => h.emulator.close());

const G = 'https://www.googleapis.com/auth/';
const MODIFY = `${G}gmail.modify`;
const INSERT = `${G}gmail.insert`;
const LABELS = `${G}gmail.labels`;
const FULL = 'https://mail.google.com/';

const RFC822 = [
  'From: Ann <ann@example.org>',
  'To: user@example.com',
  'Subject: Inserted',
  'Date: Mon, 04 May 2026 10:00:00 +0000',
  'Message-ID: <inserted@example.org>',
  '',
  'Body.',
  '',
].join('\r\n');

const padded = (text: string) => {
  const plain = Buffer.from(text).toString('base64url');
  return plain + '='.repeat((4 - (plain.length % 4)) % 4);
};

async function historySince(harness: Harness, start: string) {
  const { data } = await harness.gmail.users.history.list({ userId: 'me', startHistoryId: start });
  return data.history ?? [];
}

describe('write methods make history through the API', () => {
  it('messages.insert (raw, padded base64url) and messages.import write messageAdded', async () => {
    h = await startHarness();
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const client = h.clientFor(INSERT);
    const inserted = await client.users.messages.insert({
      userId: 'me',
      requestBody: { raw: padded(RFC822), labelIds: ['INBOX', 'UNREAD'] },
    });
    expect(inserted.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      threadId: inserted.data.id,
      labelIds: ['INBOX', 'UNREAD'],
    });
    const imported = await client.users.messages.import({
      userId: 'me',
      requestBody: { raw: padded(RFC822.replace('Inserted', 'Imported')), labelIds: ['INBOX'] },
    });
    const history = await historySince(h, start);
    expect(history.map((r) => r.messagesAdded?.[0]?.message?.id)).toEqual([
      inserted.data.id,
      imported.data.id,
    ]);
    // insert dates by receipt (the emulator clock), import by the Date header.
    const read = h.clientFor(FULL);
    const got = await read.users.messages.get({ userId: 'me', id: inserted.data.id!, format: 'minimal' });
    expect(got.data.internalDate).toBe(String(START));
    const gotImport = await read.users.messages.get({ userId: 'me', id: imported.data.id!, format: 'raw' });
    expect(gotImport.data.internalDate).toBe(String(Date.UTC(2026, 4, 4, 10)));
    expect(Buffer.from(gotImport.data.raw!, 'base64url').toString()).toContain('Subject: Imported');
  });

  it('messages.insert by media upload (the message as the body)', async () => {
    h = await startHarness();
    const client = h.clientFor(INSERT);
    // The Node client builds upload URLs from the per-call rootUrl, not the client's.
    const { data } = await client.users.messages.insert(
      {
        userId: 'me',
        requestBody: { labelIds: ['INBOX'] },
        media: { mimeType: 'message/rfc822', body: RFC822 },
      },
      { rootUrl: `${h.emulator.url}/` },
    );
    expect(data.labelIds).toEqual(['INBOX']);
    const got = h.emulator.mailbox.getMessage(data.id!);
    expect(got?.headers.find((x) => x.name === 'Subject')?.value).toBe('Inserted');
  });

  it('modify, batchModify, trash, untrash and threads.modify write labelAdded / labelRemoved; delete writes messageDeleted', async () => {
    h = await startHarness();
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const client = h.clientFor(MODIFY);
    const modified = await client.users.messages.modify({
      userId: 'me',
      id: fixtureId(2),
      requestBody: { addLabelIds: ['STARRED'], removeLabelIds: ['INBOX'] },
    });
    expect(modified.data).toEqual({ id: fixtureId(2), threadId: fixtureId(1), labelIds: ['STARRED'] });
    const batch = await client.users.messages.batchModify({
      userId: 'me',
      requestBody: { ids: [fixtureId(3), fixtureId(4)], addLabelIds: ['IMPORTANT'] },
    });
    expect(batch.status).toBe(204);
    await client.users.messages.trash({ userId: 'me', id: fixtureId(6) });
    await client.users.messages.untrash({ userId: 'me', id: fixtureId(6) });
    const thread = await client.users.threads.modify({
      userId: 'me',
      id: fixtureId(7),
      requestBody: { removeLabelIds: ['INBOX'] },
    });
    expect(thread.data.messages?.map((m) => m.id)).toEqual([fixtureId(7), fixtureId(8), fixtureId(9)]);
    await h.clientFor(FULL).users.messages.delete({ userId: 'me', id: fixtureId(11) });

    const history = await historySince(h, start);
    const summary = history.map((r) => {
      const [kind] = Object.keys(r).filter((k) => k !== 'id' && k !== 'messages');
      const entry = (r as Record<string, Array<{ message: { id: string }; labelIds?: string[] }>>)[
        kind!
      ]![0]!;
      return `${kind} ${entry.message.id.slice(-2)} ${entry.labelIds?.join('+') ?? ''}`.trim();
    });
    expect(summary).toEqual([
      'labelsAdded 02 STARRED',
      'labelsRemoved 02 INBOX',
      'labelsAdded 03 IMPORTANT',
      'labelsAdded 04 IMPORTANT',
      'labelsAdded 06 TRASH',
      'labelsRemoved 06 TRASH',
      'labelsRemoved 07 INBOX',
      'labelsRemoved 08 INBOX',
      'labelsRemoved 09 INBOX',
      'messagesDeleted 0b',
    ]);
    expect((await failure(client.users.messages.get({ userId: 'me', id: fixtureId(11) }))).status).toBe(404);
  });

  it('each write needs its own scopes: 403 insufficientPermissions otherwise, before any quota', async () => {
    h = await startHarness();
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        'metadata cannot modify',
        () => h.gmail.users.messages.modify({ userId: 'me', id: fixtureId(1), requestBody: {} }),
      ],
      [
        'modify cannot delete',
        () => h.clientFor(MODIFY).users.messages.delete({ userId: 'me', id: fixtureId(1) }),
      ],
      ['insert cannot read', () => h.clientFor(INSERT).users.messages.list({ userId: 'me' })],
      [
        'labels cannot trash',
        () => h.clientFor(LABELS).users.messages.trash({ userId: 'me', id: fixtureId(1) }),
      ],
      [
        'metadata cannot create labels',
        () => h.gmail.users.labels.create({ userId: 'me', requestBody: { name: 'X' } }),
      ],
    ];
    for (const [what, call] of cases) {
      const { status, body } = await failure(call());
      expect({ what, status, reason: body.error.errors[0]?.reason }).toEqual({
        what,
        status: 403,
        reason: 'insufficientPermissions',
      });
    }
    expect(h.emulator.counters.windows).toEqual([]);
  });

  it('labels.create, patch and delete; a taken name is 409; deleting a label removes it from its messages', async () => {
    h = await startHarness();
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const client = h.clientFor(LABELS);
    const created = await client.users.labels.create({
      userId: 'me',
      requestBody: { name: 'Receipts', labelListVisibility: 'labelShow', messageListVisibility: 'show' },
    });
    expect(created.data).toEqual({
      id: 'Label_2',
      name: 'Receipts',
      messageListVisibility: 'show',
      labelListVisibility: 'labelShow',
      type: 'user',
    });
    const taken = await failure(client.users.labels.create({ userId: 'me', requestBody: { name: 'work' } }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.errors[0]?.reason).toBe('duplicate');
    const patched = await client.users.labels.patch({
      userId: 'me',
      id: 'Label_1',
      requestBody: { name: 'Office' },
    });
    expect(patched.data.name).toBe('Office');
    expect((await failure(client.users.labels.delete({ userId: 'me', id: 'INBOX' }))).status).toBe(400);
    expect((await failure(client.users.labels.delete({ userId: 'me', id: 'Label_99' }))).status).toBe(404);
    await client.users.labels.delete({ userId: 'me', id: 'Label_1' });
    const history = await historySince(h, start);
    expect(history).toHaveLength(8);
    expect(history.every((r) => r.labelsRemoved?.[0]?.labelIds?.[0] === 'Label_1')).toBe(true);
    const labels = await h.gmail.users.labels.list({ userId: 'me' });
    expect(labels.data.labels?.some((l) => l.id === 'Label_1')).toBe(false);
  });

  it('bad bodies are 400 before any quota: unknown labels, reserved labels, missing raw, malformed JSON', async () => {
    h = await startHarness();
    const client = h.clientFor(FULL);
    const bad: Array<Promise<unknown>> = [
      client.users.messages.modify({
        userId: 'me',
        id: fixtureId(1),
        requestBody: { addLabelIds: ['Label_404'] },
      }),
      client.users.messages.modify({
        userId: 'me',
        id: fixtureId(1),
        requestBody: { addLabelIds: ['SENT'] },
      }),
      client.users.messages.insert({ userId: 'me', requestBody: {} }),
      client.users.messages.batchModify({
        userId: 'me',
        requestBody: { ids: ['zz'], addLabelIds: ['STARRED'] },
      }),
    ];
    for (const call of bad) expect((await failure(call)).status).toBe(400);
    const response = await fetch(`${h.emulator.url}/gmail/v1/users/me/labels`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.emulator.issueTokens(FULL).accessToken}`,
        'content-type': 'application/json',
      },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(h.emulator.counters.windows).toEqual([]);
  });

  it('with a history horizon, a startHistoryId older than it answers 404 after writes made through the API', async () => {
    h = await startHarness({ historyHorizon: 30 });
    const start = (await h.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    const client = h.clientFor(MODIFY);
    for (let n = 1; n <= 12; n++) await client.users.messages.trash({ userId: 'me', id: fixtureId(n) });
    const { status, body } = await failure(
      h.gmail.users.history.list({ userId: 'me', startHistoryId: start }),
    );
    expect(status).toBe(404);
    expect(body.error.status).toBe('NOT_FOUND');
  });
});
