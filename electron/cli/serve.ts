/**
 * `brief serve`: the browser bridge. Serves the renderer bundle and the contract over HTTP
 * (`POST /rpc`) and a WebSocket (`/events`) on 127.0.0.1, guarded by a random per-run token,
 * plus the original web app's HTTP API (`/api/analytics…`, see http-api.ts). The end-to-end
 * tests drive the dashboard in Chromium through it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_NAMES } from '../../shared/contract.ts';
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { parseCall } from '../../shared/validate.ts';
import type { Engine } from '../engine/index.ts';
import { type ParsedCommand, parseIntegerOption } from './args.ts';
import { signInAndRegister } from './gmail-commands.ts';
import type { GoogleOverrides } from './google-config.ts';
import { handleApi, sendError, sendJson } from './http-api.ts';
import { acceptWebSocket, type SocketPeer } from './websocket.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop reading but keep the socket: the typed answer still has to reach the client.
        request.removeAllListeners('data');
        request.resume();
        reject(new BriefError('VALIDATION', 'The request body is larger than 1 MB.'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text.length === 0 ? {} : JSON.parse(text));
      } catch {
        reject(new BriefError('VALIDATION', 'The request body is not valid JSON.'));
      }
    });
    request.on('error', reject);
  });
}

export function rendererFolder(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

function serveStatic(folder: string, url: URL, response: ServerResponse): void {
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const path = normalize(join(folder, relative));
  const inside = path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
  const file = inside && existsSync(path) && statSync(path).isFile() ? path : join(folder, 'index.html');
  if (!existsSync(file)) {
    sendJson(response, 503, {
      ok: false,
      error: { code: 'INTERNAL', message: 'The dashboard is not built: run `npm run build`.' },
    });
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
  });
  response.end(readFileSync(file));
}

/** The bridge answers `accounts.connectGmail` itself, as the desktop shell does: sign-in happens on this machine. */
async function connectFromBrowser(engine: Engine, args: unknown, google: GoogleOverrides) {
  parseCall('accounts.connectGmail', args ?? {});
  return signInAndRegister(engine, engine.services.store.path, google);
}

export interface Bridge {
  server: Server;
  url: string;
  token: string;
  serviceToken: string;
  close(): Promise<void>;
}

/** Starts the bridge on 127.0.0.1 (port 0 = any free port). */
export async function startBridge(
  engine: Engine,
  options: { port?: number; rendererDir?: string; google?: GoogleOverrides } = {},
): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const serviceToken = randomBytes(24).toString('base64url');
  const folder = options.rendererDir ?? rendererFolder();
  const peers = new Set<SocketPeer>();
  const stopEvents = EVENT_NAMES.map((name) =>
    engine.on(name, (payload) => {
      const text = JSON.stringify({ name, payload });
      for (const peer of peers) peer.send(text);
    }),
  );

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const given = bearer(request) ?? url.searchParams.get('token');
    const isService = sameToken(given, serviceToken);
    const authorised = isService || sameToken(given, token);
    try {
      if (url.pathname === '/rpc' || url.pathname.startsWith('/api/')) {
        if (!authorised) {
          sendJson(response, 401, {
            ok: false,
            error: {
              code: 'AUTH_REQUIRED',
              message: 'Missing or wrong token: open the URL that `brief serve` printed.',
            },
          });
          return;
        }
        if (url.pathname === '/rpc') {
          if (request.method !== 'POST')
            return sendJson(response, 405, {
              ok: false,
              error: { code: 'VALIDATION', message: 'Use POST /rpc.' },
            });
          const body = (await readBody(request)) as { method?: unknown; args?: unknown };
          try {
            const value =
              body.method === 'accounts.connectGmail'
                ? await connectFromBrowser(engine, body.args, options.google ?? {})
                : await engine.call(body.method as never, (body.args ?? {}) as never);
            sendJson(response, 200, { ok: true, value });
          } catch (error) {
            sendJson(response, 200, { ok: false, error: toSerializedError(error) });
          }
          return;
        }
        await handleApi(request, response, url, { engine, isService, body: () => readBody(request) });
        return;
      }
      if (request.method !== 'GET')
        return sendJson(response, 405, {
          ok: false,
          error: { code: 'VALIDATION', message: 'Only GET is served here.' },
        });
      serveStatic(folder, url, response);
    } catch (error) {
      sendError(response, error);
    }
  });

  server.on('upgrade', (request, socket) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/events' || !sameToken(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    const peer = acceptWebSocket(request, socket);
    if (!peer) return;
    peers.add(peer);
    peer.onClose(() => peers.delete(peer));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    serviceToken,
    async close() {
      for (const stop of stopEvents) stop();
      for (const peer of peers) peer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function serveCommand(engine: Engine, parsed: ParsedCommand): Promise<number> {
  const port = parseIntegerOption(parsed.values.port, 'port', 0, 65535) ?? 0;
  engine.startBackgroundWork();
  const google = {
    clientId: parsed.values['client-id'],
    clientSecret: parsed.values['client-secret'],
    endpoint: parsed.values.endpoint,
  };
  const bridge = await startBridge(engine, { port, google });
  process.stdout.write(
    `${JSON.stringify({ url: bridge.url, token: bridge.token, serviceToken: bridge.serviceToken })}\n`,
  );
  process.stderr.write(`360Brief is serving the dashboard at ${bridge.url}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  await engine.close();
  return 0;
}
