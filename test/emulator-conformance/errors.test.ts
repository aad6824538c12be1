import { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fixtureId, type Harness, READONLY, startHarness } from './fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

describe("errors in Google's envelope", () => {
  it('401 authError with location Authorization for a bad token', async () => {
    const stranger = new gmail_v1.Gmail({ rootUrl: `${h.emulator.url}/`, auth: 'unused', retry: false });
    const response = await fetch(`${h.emulator.url}/gmail/v1/users/me/profile`, {
      headers: { authorization: 'Bearer ya29.not-a-token' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toEqual({
      error: {
        code: 401,
        message: expect.stringContaining('Request had invalid authentication credentials.'),
        errors: [
          {
            message: 'Invalid Credentials',
            domain: 'global',
            reason: 'authError',
            location: 'Authorization',
            locationType: 'header',
          },
        ],
        status: 'UNAUTHENTICATED',
      },
    });
    const { status } = await failure(stranger.users.getProfile({ userId: 'me' }));
    expect(status).toBe(401);
  });

  it('403 forbidden for q under gmail.metadata: "Metadata scope does not support \'q\' parameter"', async () => {
    const { status, body } = await failure(h.gmail.users.messages.list({ userId: 'me', q: 'from:x' }));
    expect(status).toBe(403);
    expect(body.error.status).toBe('PERMISSION_DENIED');
    expect(body.error.errors[0]).toEqual({
      message: "Metadata scope does not support 'q' parameter",
      domain: 'global',
      reason: 'forbidden',
    });
  });

  it('403 for format=full and format=raw under gmail.metadata', async () => {
    for (const format of ['full', 'raw']) {
      const { status, body } = await failure(
        h.gmail.users.messages.get({ userId: 'me', id: fixtureId(1), format }),
      );
      expect(status).toBe(403);
      expect(body.error.status).toBe('PERMISSION_DENIED');
      expect(body.error.message).toBe(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
    }
    const thread = await failure(h.gmail.users.threads.get({ userId: 'me', id: fixtureId(1) }));
    expect(thread.status).toBe(403);
  });

  it('403 insufficientPermissions for a token without a Gmail scope', async () => {
    const { status, body } = await failure(h.clientFor('openid email').users.getProfile({ userId: 'me' }));
    expect(status).toBe(403);
    expect(body.error.errors[0]?.reason).toBe('insufficientPermissions');
    expect(body.error.message).toBe('Request had insufficient authentication scopes.');
  });

  it('403 forbidden for another user', async () => {
    const { status, body } = await failure(h.gmail.users.getProfile({ userId: 'someone@else.example' }));
    expect(status).toBe(403);
    expect(body.error.message).toBe('Delegation denied for user@example.com');
  });

  it('404 notFound for unknown message, thread and label ids', async () => {
    for (const call of [
      h.gmail.users.messages.get({ userId: 'me', id: 'ffffffffffffffff', format: 'metadata' }),
      h.gmail.users.threads.get({ userId: 'me', id: 'ffffffffffffffff', format: 'minimal' }),
      h.gmail.users.labels.get({ userId: 'me', id: 'Label_999' }),
    ]) {
      const { status, body } = await failure(call);
      expect(status).toBe(404);
      expect(body).toEqual({
        error: {
          code: 404,
          message: 'Requested entity was not found.',
          errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }],
          status: 'NOT_FOUND',
        },
      });
    }
  });

  it('400 INVALID_ARGUMENT for unknown query parameters and malformed values', async () => {
    const unknown = await h.fetchApi('/gmail/v1/users/me/messages?colour=blue');
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { error: { status: string; message: string } };
    expect(body.error.status).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toContain('Unknown name "colour"');
    for (const path of [
      '/gmail/v1/users/me/messages?maxResults=lots',
      '/gmail/v1/users/me/messages?includeSpamTrash=maybe',
      `/gmail/v1/users/me/messages/${fixtureId(1)}?format=html`,
      '/gmail/v1/users/me/messages?pageToken=garbage',
      '/gmail/v1/users/me/messages?labelIds=NO_SUCH_LABEL',
      '/gmail/v1/users/me/history?startHistoryId=1&historyTypes=messageMoved',
    ]) {
      const response = await h.fetchApi(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(
        ((await response.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]?.reason,
      ).toBe('invalidArgument');
    }
  });

  it('400 "Missing/invalid parameter: startHistoryId"', async () => {
    for (const startHistoryId of [undefined, 'abc']) {
      const { status, body } = await failure(h.gmail.users.history.list({ userId: 'me', startHistoryId }));
      expect(status).toBe(400);
      expect(body.error.errors[0]).toEqual({
        message: 'Missing/invalid parameter: startHistoryId',
        domain: 'global',
        reason: 'invalidArgument',
      });
    }
  });

  it('400 for search terms outside the supported subset under gmail.readonly', async () => {
    const { status, body } = await failure(
      h.clientFor(READONLY).users.messages.list({ userId: 'me', q: 'has:attachment' }),
    );
    expect(status).toBe(400);
    expect(body.error.status).toBe('INVALID_ARGUMENT');
  });

  it('404 for unknown routes and methods, never a crash', async () => {
    expect((await h.fetchApi('/gmail/v1/users/me/nothing-here')).status).toBe(404);
    expect((await h.fetchApi('/gmail/v1/users/me/messages', { method: 'DELETE' })).status).toBe(404);
    expect((await h.fetchApi('/gmail/v1/users/%E0%A4%A/profile')).status).toBe(403);
    expect((await h.fetchApi('/elsewhere')).status).toBe(404);
    const profile = await h.gmail.users.getProfile({ userId: 'me' });
    expect(profile.status).toBe(200);
  });

  it('honours prettyPrint=false', async () => {
    const response = await h.fetchApi('/gmail/v1/users/me/profile?prettyPrint=false');
    expect(await response.text()).not.toContain('\n');
  });
});
