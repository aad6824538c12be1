/**
 * The bridge's event channel: engine events pushed to the dashboard over a WebSocket at /events,
 * on the `ws` package (RFC 6455 framing, masking, fragmentation and close handshakes done by a
 * library that has been attacked for years, not by hand).
 *
 * The channel only pushes. A client has nothing to say but ping and close, so its frames are
 * capped at MAX_CLIENT_FRAME_BYTES (`maxPayload`: a larger one closes the socket with 1009
 * "message too big" before it is buffered), and a client that stops reading is dropped once
 * MAX_QUEUED_BYTES wait for it instead of growing the server's memory; the dashboard reconnects
 * and reloads what it shows.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

export const MAX_CLIENT_FRAME_BYTES = 4 * 1024;
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

export interface EventSockets {
  /** Completes a WebSocket handshake the caller has already authorised. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(text: string): void;
  close(): void;
}

/** `ws` (and node:http, https, tls under it, ≈ 9 MB) is loaded when serving only, not by every command. */
export async function createEventSockets(): Promise<EventSockets> {
  const { WebSocketServer } = await import('ws');
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_FRAME_BYTES,
    perMessageDeflate: false,
  });
  const peers = new Set<WebSocket>();
  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, (peer) => {
        peers.add(peer);
        // Without a listener a frame over maxPayload would throw out of the event loop.
        peer.on('error', () => peer.terminate());
        peer.on('close', () => peers.delete(peer));
      });
    },
    broadcast(text) {
      for (const peer of peers) {
        if (peer.readyState !== peer.OPEN) continue;
        if (peer.bufferedAmount > MAX_QUEUED_BYTES) peer.terminate();
        else peer.send(text);
      }
    },
    close() {
      // Stopping: no close handshake to wait for (a silent client would hold the process 30 s).
      for (const peer of peers) peer.terminate();
      server.close();
    },
  };
}

/** Answers a handshake that will not be accepted, in plain HTTP, and ends the connection. */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403, body: unknown): void {
  const text = JSON.stringify(body);
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' }[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
