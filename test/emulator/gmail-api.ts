import type { Clock } from './clock.ts';
import type { Counters } from './counters.ts';
import type { FaultInjector } from './faults.ts';
import { matchRoute, type Route, type RouteContext } from './gmail-routes.ts';
import {
  ApiError,
  backendError,
  forbidden,
  insufficientPermissions,
  notFound,
  unauthenticated,
} from './google-error.ts';
import { delay, type LatencyOptions, sampleLatency } from './latency.ts';
import { Listing } from './listing.ts';
import type { Mailbox } from './mailbox.ts';
import { METADATA_SCOPE, type OAuthAuthority, READONLY_SCOPE } from './oauth.ts';
import { CallParams, wantsPrettyPrint } from './params.ts';
import type { QuotaMeter, QuotaTicket } from './quota.ts';
import type { Random } from './random.ts';

/** One Gmail API call: a top-level request or one part of a batch. */
export interface ApiCall {
  httpMethod: string;
  /** Path and query (`/gmail/v1/users/me/messages?maxResults=5`), or an absolute URL. */
  target: string;
  authorization: string | undefined;
}

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
}

const READ_SCOPES = [
  METADATA_SCOPE,
  READONLY_SCOPE,
  'https://www.googleapis.com/auth/gmail.modify',
  'https://mail.google.com/',
];
const PREFIX = /^\/gmail\/v1\/users\/([^/]+)\/(.+)$/;

/**
 * Runs calls through Google's order of checks: credentials, route, user, parameters and scope
 * (free), then injected faults, concurrency and quota (refusals spend nothing), then latency and
 * the answer (charged, even when it is a 404).
 */
export class GmailApi {
  readonly #deps: GmailApiDeps;
  readonly #listing: Listing;

  constructor(deps: GmailApiDeps) {
    this.#deps = deps;
    this.#listing = new Listing(deps.mailbox);
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
      const { context, route } = this.#prepare(call, url);
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
      return { status: 200, body, headers: {}, pretty };
    } catch (error) {
      ticket?.settle(false);
      if (error instanceof ApiError) return this.#error(error, pretty);
      console.error('emulator: a call failed inside the emulator', error);
      return this.#error(backendError(), pretty);
    }
  }

  #prepare(call: ApiCall, url: URL): { context: RouteContext; route: Route } {
    const { mailbox, oauth } = this.#deps;
    const token =
      bearerToken(call.authorization) ??
      url.searchParams.get('access_token') ??
      url.searchParams.get('oauth_token');
    const grant = token === null ? undefined : oauth.validate(token);
    if (grant === undefined) throw unauthenticated();
    const parts = PREFIX.exec(url.pathname);
    const matched = parts === null || call.httpMethod !== 'GET' ? undefined : matchRoute(parts[2]!);
    if (parts === null || matched === undefined) throw notFound('Not Found');
    const userId = safeDecode(parts[1]!);
    if (userId !== 'me' && userId.toLowerCase() !== mailbox.emailAddress.toLowerCase()) {
      throw forbidden(`Delegation denied for ${mailbox.emailAddress}`);
    }
    const scopes = grant.scope.split(' ');
    if (!scopes.some((scope) => READ_SCOPES.includes(scope))) throw insufficientPermissions();
    const context: RouteContext = {
      mailbox,
      listing: this.#listing,
      params: new CallParams(url.searchParams, matched.route.params),
      id: matched.id,
      metadataOnly: scopes.includes(METADATA_SCOPE),
    };
    matched.route.validate(context);
    return { context, route: matched.route };
  }

  #error(error: ApiError, pretty: boolean): ApiAnswer {
    this.#deps.counters.countError(error.kind);
    return { status: error.status, body: error.body, headers: { ...error.headers }, pretty };
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match === null ? undefined : match[1];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
