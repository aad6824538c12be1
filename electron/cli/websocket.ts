/**
 * The smallest WebSocket server the bridge needs (RFC 6455): the handshake, then server-to-client
 * text frames; client frames are read only to answer ping and close. No dependency for ~80 lines.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface SocketPeer {
  send(text: string): void;
  close(): void;
  onClose(listener: () => void): void;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, length]);
  } else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Completes the upgrade; returns null (and ends the socket) when the request is not a WebSocket handshake. */
export function acceptWebSocket(request: IncomingMessage, socket: Duplex): SocketPeer | null {
  const key = request.headers['sec-websocket-key'];
  if (typeof key !== 'string' || request.headers.upgrade?.toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return null;
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const closeListeners: Array<() => void> = [];
  let open = true;
  const finish = () => {
    if (!open) return;
    open = false;
    for (const listener of closeListeners) listener();
  };
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const opcode = buffered[0]! & 0x0f;
      const masked = (buffered[1]! & 0x80) !== 0;
      let length = buffered[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      const maskOffset = offset;
      if (masked) offset += 4;
      if (buffered.length < offset + length) return;
      const payload = Buffer.from(buffered.subarray(offset, offset + length));
      if (masked)
        for (let index = 0; index < payload.length; index++)
          payload[index]! ^= buffered[maskOffset + (index % 4)]!;
      buffered = buffered.subarray(offset + length);
      if (opcode === 0x8) {
        socket.end(frame(0x8, Buffer.alloc(0)));
        finish();
        return;
      }
      if (opcode === 0x9) socket.write(frame(0xa, payload));
    }
  });
  socket.on('close', finish);
  socket.on('error', finish);
  return {
    send(text) {
      if (open) socket.write(frame(0x1, Buffer.from(text, 'utf8')));
    },
    close() {
      if (open) socket.end(frame(0x8, Buffer.alloc(0)));
      finish();
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
  };
}
