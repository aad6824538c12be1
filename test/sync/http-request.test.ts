/**
 * The sync's own HTTP requests (sources/gmail/http-request.ts) against a real local server: kept
 * sockets are used again, a gzip answer is read plain, a connection dropped mid-answer and a
 * stopped job end the request with errors the retry policy and the job understand.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyThrown } from '../../electron/engine/sources/gmail/gmail-errors.ts';
import { httpRequestText } from '../../electron/engine/sources/gmail/http-request.ts';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
  server = null;
});

/** A server answering each request with `handle`; the sockets it accepted, counted. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  let connections = 0;
  server = createServer(handle);
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/gmail/v1/users/me/messages/m1`, connections: () => connections };
}

const get = (url: string, signal = new AbortController().signal) =>
  httpRequestText(url, { method: 'GET', headers: { authorization: 'Bearer t' }, signal });

describe('the sync’s HTTP requests', () => {
  it('answers status, headers and text, and sends the next request on the kept socket', async () => {
    const seen: string[] = [];
    const local = await serve((request, response) => {
      seen.push(`${request.method} ${request.headers.authorization}`);
      response.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"a":1}');
    });
    const first = await get(local.url);
    const second = await get(local.url);
    expect([first.status, first.header('Retry-After'), first.text]).toEqual([429, '7', '{"a":1}']);
    expect(second.text).toBe('{"a":1}');
    expect(seen).toEqual(['GET Bearer t', 'GET Bearer t']);
    expect(local.connections()).toBe(1);
  });

  it('reads a gzip answer as plain text', async () => {
    const local = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"id":"m1"}'));
    });
    expect((await get(local.url)).text).toBe('{"id":"m1"}');
  });

  it('ends with a network failure the policy retries when the connection drops mid-answer', async () => {
    const local = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"id":', () => response.socket?.destroy());
    });
    const failure = await get(local.url).then(
      () => null,
      (error: unknown) => classifyThrown(error, 0),
    );
    expect(failure).toEqual({ kind: 'transient', reason: 'ECONNRESET' });
  });

  it('ends when the job is stopped', async () => {
    const stop = new AbortController();
    const local = await serve(() => stop.abort());
    await expect(get(local.url, stop.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
