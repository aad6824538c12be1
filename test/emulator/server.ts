import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatBatch, parseBatch } from './batch.ts';
import { type Clock, systemClock } from './clock.ts';
import { Counters } from './counters.ts';
import { FaultInjector, type FaultOptions } from './faults.ts';
import { type ApiAnswer, GmailApi } from './gmail-api.ts';
import { ApiError, backendError, invalidArgument } from './google-error.ts';
import type { LatencyOptions } from './latency.ts';
import { Mailbox, type SeedMessage } from './mailbox.ts';
import { OAuthAuthority } from './oauth.ts';
import { authorizationEndpoint, type HttpAnswer, revocationEndpoint, tokenEndpoint } from './oauth-http.ts';
import { QuotaMeter, type QuotaProfileName, quotaProfile } from './quota.ts';
import { createRandom } from './random.ts';
import { METADATA_SCOPE } from './scopes.ts';

export interface EmulatorOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  host?: string;
  /** The mailbox owner's address (default `user@example.com`). */
  user?: string;
  profile?: QuotaProfileName;
  /** Scope of the starting tokens (default gmail.metadata). */
  scope?: string;
  clock?: Clock;
  /** s: divides the quota window and the latency. */
  timeScale?: number;
  latency?: LatencyOptions;
  faults?: FaultOptions;
  /** How many history ids behind the newest a startHistoryId may be (default: unlimited). */
  historyHorizon?: number;
  concurrencyLimit?: number;
  accessTokenLifetimeSeconds?: number;
  /** Seed for ids, history gaps and latency draws. */
  seed?: number;
  messages?: Iterable<SeedMessage>;
  /** User labels to create before seeding, when the seed already uses Gmail-style ids for them. */
  labels?: Array<{ id: string; name: string }>;
  clientId?: string;
  clientSecret?: string;
  hammerAllowance?: number;
  hammerPenaltyMs?: number;
}

export interface RunningEmulator {
  /** Base URL, no trailing slash: rootUrl for the client is `${url}/`. */
  url: string;
  user: string;
  accessToken: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  mailbox: Mailbox;
  counters: Counters;
  oauth: OAuthAuthority;
  /** OAuth endpoints for google-auth-library's `endpoints` option. */
  endpoints: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string; oauth2RevokeUrl: string };
  /** A fresh access and refresh token for another scope. */
  issueTokens(scope: string): { accessToken: string; refreshToken: string };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? systemClock;
  const timeScale = options.timeScale ?? 1;
  const user = options.user ?? 'user@example.com';
  const scope = options.scope ?? METADATA_SCOPE;
  const random = createRandom(options.seed ?? 1);
  const counters = new Counters();
  const mailbox = new Mailbox({ emailAddress: user, random, historyHorizon: options.historyHorizon });
  for (const label of options.labels ?? []) mailbox.labels.define(label.id, label.name);
  for (const message of options.messages ?? []) mailbox.seed(message);
  const oauth = new OAuthAuthority({
    clock,
    user,
    clientId: options.clientId ?? `${randomBytes(6).toString('hex')}-emulator.apps.googleusercontent.com`,
    clientSecret: options.clientSecret ?? `GOCSPX-${randomBytes(18).toString('base64url')}`,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3599,
    ...(options.faults?.tokenExpirySeconds === undefined
      ? {}
      : { forcedExpirySeconds: options.faults.tokenExpirySeconds }),
  });
  const faults = new FaultInjector(options.faults ?? {});
  const quota = new QuotaMeter(
    {
      profile: quotaProfile(options.profile ?? '2026'),
      clock,
      timeScale,
      concurrencyLimit: options.concurrencyLimit ?? 50,
      hammerAllowance: options.hammerAllowance ?? 20,
      hammerPenaltyMs: options.hammerPenaltyMs ?? 1000,
    },
    counters,
  );
  const api = new GmailApi({
    mailbox,
    oauth,
    quota,
    faults,
    counters,
    clock,
    timeScale,
    latency: options.latency ?? { fixedMs: 0 },
    random,
    seed: options.seed ?? 1,
  });

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      console.error('emulator: a request failed inside the emulator', error);
      if (!response.headersSent)
        sendApi(response, { status: 500, body: backendError().body, headers: {}, pretty: true });
      else response.destroy();
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const body = await readBody(request);
    if (body === undefined)
      return sendApi(response, errorAnswer(invalidArgument('The request body is larger than 16 MB.')));
    const path = url.pathname;
    if (request.method === 'GET' && (path === '/o/oauth2/v2/auth' || path === '/o/oauth2/auth')) {
      return send(response, authorizationEndpoint(oauth, url.searchParams));
    }
    if (request.method === 'POST' && (path === '/token' || path === '/o/oauth2/token')) {
      return send(response, tokenEndpoint(oauth, body.toString('utf8'), request.headers.authorization));
    }
    // Google's revocation endpoint, and the legacy GET form (`/o/oauth2/revoke?token=…`) older clients use.
    const revoking = path === '/revoke' || path === '/o/oauth2/revoke';
    if (
      revoking &&
      (request.method === 'POST' || (request.method === 'GET' && path === '/o/oauth2/revoke'))
    ) {
      return send(response, revocationEndpoint(oauth, url.searchParams, body.toString('utf8')));
    }
    if (faults.dropConnection()) {
      counters.countError('dropped connection');
      request.socket.destroy();
      return;
    }
    if (request.method === 'POST' && (path === '/batch/gmail/v1' || path === '/batch')) {
      return serveBatch(request, response, body);
    }
    const answer = await api.call({
      httpMethod: request.method ?? 'GET',
      target: request.url ?? '/',
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body,
    });
    sendApi(response, answer);
  }

  async function serveBatch(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const parts = parseBatch(request.headers['content-type'], body);
    if (parts instanceof ApiError) return sendApi(response, errorAnswer(parts));
    const answers = await Promise.all(
      parts.map(async (part) => {
        const answer = await api.call({
          httpMethod: part.httpMethod,
          target: part.target,
          // A part's own Authorization header overrides the outer one, as on Google.
          authorization: part.authorization ?? request.headers.authorization,
          contentType: part.contentType,
          body: part.body,
        });
        const empty = answer.body === undefined;
        return {
          ...(part.contentId === undefined ? {} : { contentId: part.contentId }),
          status: answer.status,
          headers: empty
            ? answer.headers
            : { 'Content-Type': 'application/json; charset=UTF-8', ...answer.headers },
          body: empty ? '' : JSON.stringify(answer.body, null, answer.pretty ? 2 : undefined),
        };
      }),
    );
    const boundary = `batch_${randomBytes(12).toString('base64url')}`;
    send(response, {
      status: 200,
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
      body: formatBatch(boundary, answers),
    });
  }

  function errorAnswer(error: ApiError): ApiAnswer {
    counters.countError(error.kind);
    return { status: error.status, body: error.body, headers: error.headers, pretty: true };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;
  const first = oauth.issue(scope, true);
  return {
    url,
    user,
    accessToken: first.access_token,
    refreshToken: first.refresh_token!,
    clientId: oauth.options.clientId,
    clientSecret: oauth.options.clientSecret,
    scope,
    mailbox,
    counters,
    oauth,
    endpoints: {
      oauth2AuthBaseUrl: `${url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${url}/token`,
      oauth2RevokeUrl: `${url}/revoke`,
    },
    issueTokens: (wanted) => {
      const grant = oauth.issue(wanted, true);
      return { accessToken: grant.access_token, refreshToken: grant.refresh_token! };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, answer: HttpAnswer): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

function sendApi(response: ServerResponse, answer: ApiAnswer): void {
  if (answer.body === undefined) {
    send(response, { status: answer.status, headers: { vary: 'Origin, X-Origin, Referer' }, body: '' });
    return;
  }
  send(response, {
    status: answer.status,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      vary: 'Origin, X-Origin, Referer',
      ...answer.headers,
    },
    body: JSON.stringify(answer.body, null, answer.pretty ? 2 : undefined),
  });
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
