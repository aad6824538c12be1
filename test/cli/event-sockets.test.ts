/**
 * The event channel's limit on a client that stops reading (electron/cli/websocket.ts): once more
 * than 8 MB wait for it, it is dropped, and the clients that read keep getting every event. A
 * real HTTP server and real sockets on 127.0.0.1; the stalled client is a raw TCP socket that
 * completes the handshake and then never reads, as a frozen browser tab would.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventSockets, type EventSockets } from '../../electron/cli/websocket.ts';

const EVENT_BYTES = 1024 * 1024;
const EVENTS = 40;

let server: Server | undefined;
let sockets: EventSockets | undefined;

afterEach(async () => {
  sockets?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  sockets = undefined;
});

async function listen(): Promise<number> {
  sockets = await createEventSockets();
  const own = sockets;
  server = createServer((_request, response) => response.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => own.accept(request, socket, head));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A client that finishes the handshake, then stops reading; resolves once it is accepted. */
function stalledClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.write(
      [
        'GET /events HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
    socket.once('data', (answer: Buffer) => {
      expect(answer.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
      socket.pause();
      resolve(socket);
    });
  });
}

interface ReadingClient {
  socket: WebSocket;
  received: () => number;
  /** Resolves once `count` events have arrived. */
  until: (count: number) => Promise<void>;
}

function readingClient(port: number): Promise<ReadingClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/events`);
    let count = 0;
    socket.on('message', () => {
      count += 1;
    });
    const until = (target: number) =>
      new Promise<void>((done) => {
        const check = () => (count >= target ? done() : socket.once('message', check));
        check();
      });
    socket.once('open', () => resolve({ socket, received: () => count, until }));
    socket.once('error', reject);
  });
}

describe('the event channel and a client that stops reading', () => {
  it('drops the stalled client once 8 MB wait for it; the reading client gets every event', async () => {
    const port = await listen();
    const stalled = await stalledClient(port);
    const reader = await readingClient(port);
    const event = JSON.stringify({ name: 'job-progress', payload: 'x'.repeat(EVENT_BYTES) });
    for (let sent = 1; sent <= EVENTS; sent += 1) {
      sockets?.broadcast(event);
      // Events spread over time: the reading client takes each one before the next is sent.
      await reader.until(sent);
    }
    expect(reader.received()).toBe(EVENTS);

    // Now read what the stalled client was sent: a part of it, then the end of the connection.
    let bytes = 0;
    let closed = false;
    const ended = new Promise<void>((resolve) => {
      stalled.once('close', () => {
        closed = true;
        resolve();
      });
      // Without the limit everything arrives and the connection stays open: stop waiting then.
      stalled.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes >= EVENTS * EVENT_BYTES) resolve();
      });
    });
    stalled.on('error', () => {});
    stalled.resume();
    await ended;
    expect(closed).toBe(true);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(EVENTS * EVENT_BYTES);
    reader.socket.close();
  });
});
