import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody, sendBatch } from './batch-client.ts';
import { fixtureId, type Harness, startHarness } from './fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const get = (n: number) =>
  `/gmail/v1/users/me/messages/${fixtureId(n)}?format=metadata&metadataHeaders=Subject`;

describe('POST /batch/gmail/v1', () => {
  it('answers multipart/mixed, one application/http part per request in order, each with its own status', async () => {
    const reply = await sendBatch(
      h.emulator.url,
      h.emulator.accessToken,
      batchBody('batch_boundary', [
        get(1),
        '/gmail/v1/users/me/messages/ffffffffffffffff?format=minimal',
        get(2),
      ]),
    );
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^multipart\/mixed; boundary=batch_/);
    expect(reply.text).toContain('Content-Type: application/http');
    expect(reply.parts.map((p) => [p.contentId, p.status])).toEqual([
      ['<response-item1>', 200],
      ['<response-item2>', 404],
      ['<response-item3>', 200],
    ]);
    expect(reply.parts[0]?.body).toMatchObject({
      id: fixtureId(1),
      payload: { headers: [{ name: 'Subject' }] },
    });
    expect(reply.parts[1]?.body).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });

  it('echoes bare Content-IDs as response-<n>', async () => {
    const body = `--b\r\nContent-Type: application/http\r\nContent-ID: 7\r\n\r\nGET ${get(1)}\r\n\r\n--b--\r\n`;
    const reply = await sendBatch(
      h.emulator.url,
      h.emulator.accessToken,
      body,
      'multipart/mixed; boundary=b',
    );
    expect(reply.parts[0]?.contentId).toBe('response-7');
  });

  it('is lenient about LF-only bodies and request lines without an HTTP version', async () => {
    const reply = await sendBatch(
      h.emulator.url,
      h.emulator.accessToken,
      batchBody('batch_boundary', [get(1), get(2)], '\n', false),
    );
    expect(reply.parts.map((p) => p.status)).toEqual([200, 200]);
  });

  it('authorises every part with the outer Authorization header', async () => {
    const reply = await sendBatch(
      h.emulator.url,
      'ya29.wrong',
      batchBody('batch_boundary', [get(1), get(2)]),
    );
    expect(reply.status).toBe(200);
    expect(reply.parts.map((p) => p.status)).toEqual([401, 401]);
  });

  it('refuses more than 100 parts as a whole with 400', async () => {
    const paths = Array.from({ length: 101 }, () => get(1));
    const reply = await sendBatch(h.emulator.url, h.emulator.accessToken, batchBody('batch_boundary', paths));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    const hundred = await sendBatch(
      h.emulator.url,
      h.emulator.accessToken,
      batchBody('batch_boundary', paths.slice(1)),
    );
    expect(hundred.parts).toHaveLength(100);
  });

  it("answers malformed batches with 400 in Google's envelope", async () => {
    const cases: Array<[string, string]> = [
      ['not multipart', 'application/json'],
      [
        '--batch_boundary\r\nContent-Type: application/http\r\n\r\nthis is not a request line\r\n--batch_boundary--',
        'multipart/mixed; boundary=batch_boundary',
      ],
      ['--batch_boundary--', 'multipart/mixed; boundary=batch_boundary'],
      ['--batch_boundary\r\nContent-Type: application/http', 'multipart/mixed; boundary=batch_boundary'],
    ];
    for (const [body, type] of cases) {
      const reply = await sendBatch(h.emulator.url, h.emulator.accessToken, body, type);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.text)).toMatchObject({
        error: { status: 'INVALID_ARGUMENT', errors: [{ reason: 'invalidArgument' }] },
      });
    }
  });
});
