import type { Clock } from './clock.ts';
import type { Counters } from './counters.ts';
import type { FaultInjector } from './faults.ts';
import { applyFields, parseFields, type Selection } from './fields.ts';
import { decodeSegment, matchRoute } from './gmail-routes.ts';
import {
  ApiError,
  backendError,
  forbidden,
  insufficientPermissions,
  invalidArgument,
  notFound,
  unauthenticated,
} from './google-error.ts';
import { delay, type LatencyOptions, sampleLatency } from './latency.ts';
import { Listing } from './listing.ts';
import type { Mailbox } from './mailbox.ts';
import type { OAuthAuthority } from './oauth.ts';
import { CallParams, wantsPrettyPrint } from './params.ts';
import type { QuotaMeter, QuotaTicket } from './quota.ts';
import type { Random } from './random.ts';
import type { Route, RouteContext } from './route.ts';
import { METADATA_SCOPE } from './scopes.ts';
import { readUpload } from './upload.ts';

/** One Gmail API call: a top-level request or one part of a batch. */
export interface ApiCall {
  httpMethod: string;
  /** Path and query (`/gmail/v1/users/me/messages?maxResults=5`), or an absolute URL. */
  target: string;
  authorization: string | undefined;
  contentType?: string | undefined;
  body?: Buffer | undefined;
}

/** `body` undefined: 204 No Content. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  pretty: boolean;
}

export interface GmailApiDeps {
  mailbox: Mailbox;
  oauth: OAuthAuthority;
  quota: QuotaMeter;
  faults: FaultInjector;
  counters: Counters;
  clock: Clock;
  timeScale: number;
  latency: LatencyOptions;
  random: Random;
  /** The emulator's seed, which also seeds the result-size estimates. */
  seed: number;
}

const PREFIX = /^\/(upload\/)?gmail\/v1\/users\/([^/]+)\/(.+)$/;

/**
 * Runs calls through Google's order of checks: credentials, route, user, scope, parameters, body
 * and `fields` (free), then injected faults, concurrency and quota (refusals spend nothing), then
 * latency and the answer (charged, even when it is a 404).
 */
export class GmailApi {
  readonly #deps: GmailApiDeps;
  readonly #listing: Listing;

  constructor(deps: GmailApiDeps) {
    this.#deps = deps;
    this.#listing = new Listing(deps.mailbox, deps.clock, deps.seed);
  }

  async call(call: ApiCall): Promise<ApiAnswer> {
    let url: URL;
    try {
      url = new URL(call.target, 'http://gmail.invalid');
    } catch {
      return this.#error(notFound('Not Found'), true);
    }
    const pretty = wantsPrettyPrint(url.searchParams);
    let ticket: QuotaTicket | undefined;
    try {
      const { context, route, fields } = this.#prepare(call, url);
      const fault = this.#deps.faults.forCall(this.#deps.clock.now(), this.#deps.timeScale);
      if (fault !== undefined && 'error' in fault) throw fault.error;
      const admitted = this.#deps.quota.admit(route.method);
      if (admitted instanceof ApiError) throw admitted;
      ticket = admitted;
      this.#deps.counters.countCall(route.method);
      const slowMs = fault !== undefined && 'slowMs' in fault ? fault.slowMs : 0;
      await delay(sampleLatency(this.#deps.latency, this.#deps.random, this.#deps.timeScale) + slowMs);
      const body = route.handle(context);
      ticket.settle(true);
      if (body === null) return { status: 204, body: undefined, headers: {}, pretty };
      return {
        status: 200,
        body: fields === undefined ? body : applyFields(body, fields),
        headers: {},
        pretty,
      };
    } catch (error) {
      ticket?.settle(false);
      if (error instanceof ApiError) return this.#error(error, pretty);
      console.error('emulator: a call failed inside the emulator', error);
      return this.#error(backendError(), pretty);
    }
  }

  #prepare(call: ApiCall, url: URL): { context: RouteContext; route: Route; fields: Selection | undefined } {
    const { mailbox, oauth } = this.#deps;
    const token =
      bearerToken(call.authorization) ??
      url.searchParams.get('access_token') ??
      url.searchParams.get('oauth_token');
    const grant = token === null ? undefined : oauth.validate(token);
    if (grant === undefined) throw unauthenticated();
    const parts = PREFIX.exec(url.pathname);
    const matched = parts === null ? undefined : matchRoute(call.httpMethod, parts[3]!);
    const uploading = parts?.[1] !== undefined;
    if (parts === null || matched === undefined || (uploading && matched.route.upload !== true)) {
      throw notFound('Not Found');
    }
    const userId = decodeSegment(parts[2]!);
    if (userId !== 'me' && userId.toLowerCase() !== mailbox.emailAddress.toLowerCase()) {
      throw forbidden(`Delegation denied for ${mailbox.emailAddress}`);
    }
    const scopes = grant.scope.split(' ');
    const { route } = matched;
    if (!scopes.some((scope) => route.scopes.includes(scope))) throw insufficientPermissions();
    const params = new CallParams(url.searchParams, route.params);
    const fields = parseFields(params.string('fields'), route.response);
    const context: RouteContext = {
      mailbox,
      listing: this.#listing,
      clock: this.#deps.clock,
      params,
      id: matched.id,
      metadataOnly: scopes.includes(METADATA_SCOPE),
      body: undefined,
      upload: undefined,
    };
    if (uploading) {
      const upload = readUpload(
        params.string('uploadType'),
        call.contentType ?? '',
        call.body ?? Buffer.alloc(0),
      );
      context.body = upload.metadata;
      context.upload = upload.message;
    } else context.body = jsonBody(call.body);
    route.validate(context);
    return { context, route, fields };
  }

  #error(error: ApiError, pretty: boolean): ApiAnswer {
    this.#deps.counters.countError(error.kind);
    return { status: error.status, body: error.body, headers: { ...error.headers }, pretty };
  }
}

function jsonBody(body: Buffer | undefined): Record<string, unknown> | undefined {
  if (body === undefined || body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidArgument('Invalid JSON payload received. Unexpected token.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalidArgument('Invalid JSON payload received. Expected an object.');
  return parsed as Record<string, unknown>;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match === null ? undefined : match[1];
}
