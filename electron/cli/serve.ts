/**
 * `brief serve`: the browser bridge. Serves the renderer bundle and the contract over HTTP
 * (`POST /rpc`) and a WebSocket (`/events`) on 127.0.0.1, guarded by the request's Host and
 * Origin (bridge-guard.ts) and a random per-run token, plus the original web app's HTTP API
 * (`/api/analytics…`, see http-api.ts). The end-to-end tests drive the dashboard in Chromium
 * through it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES, type HostAnswers, isHostMethod, type ValidatingCaller } from '../../shared/contract.ts';
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { parseCall } from '../../shared/validate.ts';
import type { Engine } from '../engine/index.ts';
import type { Command } from './args.ts';
import { type BridgeAddress, bridgeAddress, refuseForeignRequest } from './bridge-guard.ts';
import { bridgeHost } from './bridge-host.ts';
import { parseIntegerOption } from './flag-values.ts';
import type { GoogleOverrides } from './google-config.ts';
import { handleApi, sendError, sendJson } from './http-api.ts';
import { rendererFolder, serveStatic } from './static-files.ts';
import { createUploads } from './uploads.ts';
import { createEventSockets, refuseUpgrade } from './websocket.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const UNAUTHORISED = {
  ok: false,
  error: {
    code: 'AUTH_REQUIRED',
    message: 'Missing or wrong token: open the URL that `brief serve` printed.',
  },
} as const;

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

/** The request's URL against the bridge's own origin; a target that is not a URL is the client's mistake. */
function requestUrl(request: IncomingMessage, own: BridgeAddress): URL {
  try {
    return new URL(request.url ?? '/', own.origin);
  } catch {
    throw new BriefError('VALIDATION', 'The request names no readable address. Use a path such as /rpc.');
  }
}

/** A request body: empty, or one JSON object (not null, an array or a bare value), at most 1 MB. */
function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
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
      const text = Buffer.concat(chunks).toString('utf8');
      let value: unknown;
      try {
        value = text.length === 0 ? {} : JSON.parse(text);
      } catch {
        reject(new BriefError('VALIDATION', 'The request body is not valid JSON.'));
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        reject(
          new BriefError(
            'VALIDATION',
            `The request body must be a JSON object such as {"method": "app.info", "args": {}} (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}).`,
          ),
        );
        return;
      }
      resolve(value as Record<string, unknown>);
    });
    request.on('error', reject);
  });
}

/** One POST /rpc: validated against the contract, then answered by the host's table or the engine, by the method's HostMark. */
async function answerRpc(engine: ValidatingCaller, host: HostAnswers, body: Record<string, unknown>) {
  try {
    const call = parseCall(body.method, body.args ?? {});
    const value = isHostMethod(call.name)
      ? await (host[call.name] as (args: unknown) => Promise<unknown>)(call.args)
      : await engine.call(call.name, call.args);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toSerializedError(error) };
  }
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
  const { databasePath } = await engine.call('app.info', {});
  const host = bridgeHost(engine, databasePath, options.google ?? {});
  const sockets = await createEventSockets();
  const uploads = createUploads(engine);
  const stopEvents = EVENT_NAMES.map((name) =>
    engine.on(name, (payload) => sockets.broadcast(JSON.stringify({ name, payload }))),
  );
  // Known once listening; no request arrives before.
  let own: BridgeAddress = bridgeAddress(0);

  // Loaded when serving only (with `ws`, websocket.ts): not part of every other command's memory.
  const { createServer } = await import('node:http');
  const server = createServer(async (request, response) => {
    try {
      const foreign = refuseForeignRequest(request, own);
      if (foreign) return sendJson(response, 403, { ok: false, error: foreign.toJSON() });
      const url = requestUrl(request, own);
      const given = bearer(request) ?? url.searchParams.get('token');
      const isService = sameToken(given, serviceToken);
      if (
        url.pathname === '/rpc' ||
        url.pathname.startsWith('/api/') ||
        url.pathname.startsWith('/uploads')
      ) {
        if (!isService && !sameToken(given, token)) return sendJson(response, 401, UNAUTHORISED);
        if (await uploads.handle(request, response, url)) return;
        if (url.pathname !== '/rpc') {
          await handleApi(request, response, url, { engine, isService, body: () => readBody(request) });
          return;
        }
        if (request.method !== 'POST')
          return sendJson(response, 405, {
            ok: false,
            error: { code: 'VALIDATION', message: 'Use POST /rpc.' },
          });
        sendJson(response, 200, await answerRpc(engine, host, await readBody(request)));
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

  server.on('upgrade', (request, socket, head) => {
    const foreign = refuseForeignRequest(request, own);
    if (foreign) return refuseUpgrade(socket, 403, { ok: false, error: foreign.toJSON() });
    let url: URL;
    try {
      url = requestUrl(request, own);
    } catch (error) {
      return refuseUpgrade(socket, 400, { ok: false, error: toSerializedError(error) });
    }
    if (url.pathname !== '/events' || !sameToken(url.searchParams.get('token'), token))
      return refuseUpgrade(socket, 401, UNAUTHORISED);
    sockets.accept(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  own = bridgeAddress((server.address() as AddressInfo).port);
  return {
    server,
    url: `${own.origin}/?token=${token}`,
    token,
    serviceToken,
    async close() {
      for (const stop of stopEvents) stop();
      sockets.close();
      uploads.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serves until Ctrl+C (or SIGTERM); brief closes the engine after. */
export const serveCommand: Command = (parsed) => {
  const port = parseIntegerOption(parsed.values.port, 'port', 0, 65535) ?? 0;
  const google = {
    clientId: parsed.values['client-id'],
    clientSecret: parsed.values['client-secret'],
    endpoint: parsed.values.endpoint,
  };
  return async (engine) => {
    // Listening comes first: on a busy port nothing has started that would need stopping.
    const bridge = await startBridge(engine, { port, google });
    engine.startBackgroundWork();
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
    return 0;
  };
};
