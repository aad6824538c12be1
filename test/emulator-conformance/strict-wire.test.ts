import { afterEach, describe, expect, it } from 'vitest';
import { sendBatch } from './batch-client.ts';
import { failure, fixtureId, type Harness, oauthClient, READONLY, startHarness } from './fixtures.ts';

let h: Harness;
afterEach(() => h.emulator.close());

describe('ids', () => {
  it('a malformed id is 400 invalidArgument "Invalid id value"; an unknown well-formed one is 404', async () => {
    h = await startHarness();
    for (const call of [
      h.gmail.users.messages.get({ userId: 'me', id: 'not-a-hex-id!', format: 'minimal' }),
      h.gmail.users.threads.get({ userId: 'me', id: 'xyz', format: 'minimal' }),
      h.gmail.users.messages.get({ userId: 'me', id: '1234567890abcdef0', format: 'minimal' }),
    ]) {
      const { status, body } = await failure(call);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({
        message: 'Invalid id value',
        status: 'INVALID_ARGUMENT',
        errors: [{ message: 'Invalid id value', domain: 'global', reason: 'invalidArgument' }],
      });
    }
    const unknown = await failure(
      h.gmail.users.messages.get({ userId: 'me', id: 'ffffffffffffffff', format: 'minimal' }),
    );
    expect(unknown.status).toBe(404);
    // The malformed ids were refused for free; the unknown one was charged (20 units at 2026).
    expect(h.emulator.counters.windows[0]?.unitsCharged).toBe(20);
  });
});

describe('base64url with padding', () => {
  it('raw and body data carry "=" padding, as Google sends them', async () => {
    h = await startHarness();
    const readonly = h.clientFor(READONLY);
    // Fixture bodies are 29–30 bytes and raw messages a few hundred: some need padding.
    const raws: string[] = [];
    const datas: string[] = [];
    for (const n of [1, 2, 3]) {
      const raw = await readonly.users.messages.get({ userId: 'me', id: fixtureId(n), format: 'raw' });
      const full = await readonly.users.messages.get({ userId: 'me', id: fixtureId(n), format: 'full' });
      raws.push(raw.data.raw!);
      datas.push(full.data.payload!.body!.data!);
    }
    for (const text of [...raws, ...datas]) {
      expect(text.length % 4).toBe(0);
      expect(text).toMatch(/^[A-Za-z0-9_-]+={0,2}$/);
    }
    expect([...raws, ...datas].some((text) => text.endsWith('='))).toBe(true);
  });
});

describe('batch parts', () => {
  it("a part's own Authorization header overrides the outer one", async () => {
    h = await startHarness();
    const readonly = h.emulator.issueTokens(READONLY).accessToken;
    const path = `/gmail/v1/users/me/messages/${fixtureId(1)}?format=raw`;
    const body = [
      '--b',
      'Content-Type: application/http',
      'Content-ID: <1>',
      '',
      `GET ${path}`,
      `Authorization: Bearer ${readonly}`,
      '',
      '--b',
      'Content-Type: application/http',
      'Content-ID: <2>',
      '',
      `GET ${path}`,
      '',
      '--b',
      'Content-Type: application/http',
      'Content-ID: <3>',
      '',
      `GET /gmail/v1/users/me/profile`,
      'Authorization: Bearer ya29.revoked-or-unknown',
      '',
      '--b--',
      '',
    ].join('\r\n');
    // Outer: the metadata token, which may not ask for format=raw.
    const reply = await sendBatch(
      h.emulator.url,
      h.emulator.accessToken,
      body,
      'multipart/mixed; boundary=b',
    );
    expect(reply.parts.map((p) => p.status)).toEqual([200, 403, 401]);
  });

  it('write parts carry their JSON bodies; 204 parts have no body', async () => {
    h = await startHarness();
    const full = h.emulator.issueTokens('https://mail.google.com/').accessToken;
    const body = [
      '--b',
      'Content-Type: application/http',
      '',
      `POST /gmail/v1/users/me/messages/${fixtureId(1)}/modify`,
      'Content-Type: application/json',
      '',
      '{"addLabelIds":["STARRED"]}',
      '--b',
      'Content-Type: application/http',
      '',
      `DELETE /gmail/v1/users/me/messages/${fixtureId(2)}`,
      '',
      '--b--',
      '',
    ].join('\r\n');
    const response = await fetch(`${h.emulator.url}/batch/gmail/v1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${full}`, 'content-type': 'multipart/mixed; boundary=b' },
      body,
    });
    const text = await response.text();
    expect(text).toContain('HTTP/1.1 200 OK');
    expect(text).toContain('"STARRED"');
    expect(text).toMatch(/HTTP\/1\.1 204 No Content\r\n\r\n--batch_/);
    expect(h.emulator.mailbox.getMessage(fixtureId(2))).toBeUndefined();
  });
});

describe('resultSizeEstimate', () => {
  it('is a seeded estimate: the same with the same seed, never trusted as the count', async () => {
    const estimates: number[] = [];
    for (const seed of [1, 1, 2, 3, 4]) {
      h = await startHarness({ seed });
      const { data } = await h.gmail.users.messages.list({ userId: 'me', includeSpamTrash: true });
      expect(data.messages).toHaveLength(30);
      expect(data.resultSizeEstimate).not.toBe(30);
      estimates.push(data.resultSizeEstimate!);
      await h.emulator.close();
    }
    expect(estimates[0]).toBe(estimates[1]);
    expect(new Set(estimates).size).toBeGreaterThan(1);
    h = await startHarness();
  });
});

describe('revocation', () => {
  it('POST /revoke and the legacy GET /o/oauth2/revoke?token= both revoke; an unknown token is 400 invalid_token', async () => {
    h = await startHarness();
    const first = h.emulator.issueTokens(READONLY);
    const posted = await fetch(`${h.emulator.url}/revoke?token=${encodeURIComponent(first.refreshToken)}`, {
      method: 'POST',
    });
    expect(posted.status).toBe(200);
    const second = h.emulator.issueTokens(READONLY);
    const legacy = await fetch(
      `${h.emulator.url}/o/oauth2/revoke?token=${encodeURIComponent(second.accessToken)}`,
    );
    expect(legacy.status).toBe(200);
    for (const token of [first.accessToken, second.accessToken]) {
      const answer = await fetch(`${h.emulator.url}/gmail/v1/users/me/profile`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(401);
    }
    const client = oauthClient(h.emulator);
    client.setCredentials({ refresh_token: second.refreshToken });
    const refused = await failure(client.refreshAccessToken());
    expect(refused.status).toBe(400);
    const again = await fetch(`${h.emulator.url}/o/oauth2/revoke?token=nonsense`);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Token expired or revoked',
    });
  });
});

describe('invalid parameters cost nothing', () => {
  it('unknown parameters, bad values, bad page tokens and unknown labels are refused before quota', async () => {
    h = await startHarness();
    for (const path of [
      '/gmail/v1/users/me/messages?colour=blue',
      '/gmail/v1/users/me/messages?maxResults=lots',
      '/gmail/v1/users/me/messages?pageToken=garbage',
      '/gmail/v1/users/me/threads?pageToken=garbage',
      '/gmail/v1/users/me/messages?labelIds=NO_SUCH_LABEL',
      `/gmail/v1/users/me/messages/${fixtureId(1)}?format=html`,
      '/gmail/v1/users/me/history?startHistoryId=1&pageToken=abc',
      '/gmail/v1/users/me/messages?fields=nothing',
    ]) {
      expect({ path, status: (await h.fetchApi(path)).status }).toEqual({ path, status: 400 });
    }
    expect(h.emulator.counters.windows).toEqual([]);
  });
});
