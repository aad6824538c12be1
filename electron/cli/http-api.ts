/**
 * The original web app's HTTP API, answered by the same engine: analytics jobs (create, list,
 * status, progress from a worker with the service token, cancel) and cached analytics (200 with
 * the value, or 202 with the id of the job computing it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVICE_METHODS } from '../../shared/contract.ts';
import { JOB_STATUSES, JOB_TYPES } from '../../shared/domain.ts';
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { parseArgs } from '../../shared/validate.ts';
import { type Engine, systemTimeZone } from '../engine/index.ts';
import { createApiJob } from './api-jobs.ts';

export interface ApiContext {
  engine: Engine;
  /** Whether the request carries the per-run service token (needed to report progress). */
  isService: boolean;
  /** The request's JSON object body (VALIDATION when it is not one). */
  body: () => Promise<Record<string, unknown>>;
}

const STATUS_OF: Record<string, number> = {
  VALIDATION: 400,
  UNSUPPORTED_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  AUTH_REQUIRED: 401,
  RATE_LIMITED: 429,
  CANCELLED: 409,
};

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(body);
}

export function sendError(response: ServerResponse, error: unknown): void {
  const serialized = toSerializedError(error);
  sendJson(response, STATUS_OF[serialized.code] ?? 500, { ok: false, error: serialized });
}

/** Decimal digits only: `Number()` would also read "0x10", "1e3", " 7" and "" (as 0). */
function wholeNumber(raw: string, name: string, max: number): number {
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > max)
    throw new BriefError('VALIDATION', `${name} must be a whole number from 0 to ${max}, in decimal digits.`);
  return value;
}

/** A query parameter that must be one of a list (a job status or type), or absent. */
function oneOf<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
  const raw = url.searchParams.get(name);
  if (!raw) return undefined;
  const found = allowed.find((value) => value === raw);
  if (found === undefined)
    throw new BriefError('VALIDATION', `${name} must be one of ${allowed.join(', ')}.`);
  return found;
}

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  return raw === null ? fallback : wholeNumber(raw, name, max);
}

/** Answers /api/analytics… requests; returns false when the path is not part of this API. */
export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ApiContext,
): Promise<boolean> {
  const { engine } = context;
  const jobMatch = /^\/api\/analytics\/jobs\/(\d+)$/.exec(url.pathname);
  try {
    const jobId = jobMatch ? wholeNumber(jobMatch[1]!, 'A job id', Number.MAX_SAFE_INTEGER) : 0;
    if (url.pathname === '/api/analytics/jobs' && request.method === 'POST') {
      sendJson(response, 201, await createApiJob(engine, await context.body()));
    } else if (url.pathname === '/api/analytics/jobs' && request.method === 'GET') {
      const status = oneOf(url, 'status', JOB_STATUSES);
      const type = oneOf(url, 'type', JOB_TYPES);
      const limit = intParam(url, 'limit', 50, 500) || 50;
      const offset = intParam(url, 'offset', 0, 1_000_000_000);
      sendJson(
        response,
        200,
        await engine.call('jobs.list', {
          ...(status ? { status } : {}),
          ...(type ? { type } : {}),
          limit,
          offset,
        }),
      );
    } else if (jobMatch && request.method === 'GET') {
      sendJson(response, 200, await engine.call('jobs.get', { jobId }));
    } else if (jobMatch && request.method === 'PATCH') {
      if (!context.isService) {
        sendJson(response, 403, {
          ok: false,
          error: { code: 'VALIDATION', message: SERVICE_METHODS['jobs.reportProgress'] },
        });
        return true;
      }
      // The body is the contract's `progress`, the job the path's.
      const args = parseArgs('jobs.reportProgress', { jobId, progress: await context.body() });
      sendJson(response, 200, await engine.callAsService('jobs.reportProgress', args));
    } else if (jobMatch && request.method === 'DELETE') {
      sendJson(response, 200, await engine.call('jobs.cancel', { jobId }));
    } else if (url.pathname === '/api/analytics' && request.method === 'GET') {
      await answerAnalytics(url, response, engine);
    } else if (url.pathname.startsWith('/api/')) {
      sendJson(response, 404, {
        ok: false,
        error: { code: 'NOT_FOUND', message: `No API at ${request.method} ${url.pathname}.` },
      });
    } else {
      return false;
    }
  } catch (error) {
    sendError(response, error);
  }
  return true;
}

/**
 * 200 with the cached report (fresh or stale), or 202 with the compute_analytics job that will
 * produce exactly this view (range and zone kept in the job, so the next request finds it cached).
 */
async function answerAnalytics(url: URL, response: ServerResponse, engine: Engine): Promise<void> {
  const accountParam = url.searchParams.get('account') ?? 'all';
  const account =
    accountParam === 'all' ? 'all' : wholeNumber(accountParam, 'account', Number.MAX_SAFE_INTEGER);
  const timeZone =
    url.searchParams.get('tz') ?? (await engine.call('settings.get', {})).timeZone ?? systemTimeZone();
  // The report's own schema checks the range and the zone, as analytics.report would.
  const args = parseArgs('analytics.report', {
    account,
    range: { preset: url.searchParams.get('range') ?? 'all' },
    timeZone,
  });
  const view = { range: args.range, timeZone };
  const cached = await engine.call('analytics.cached', { account, range: args.range, timeZone });
  if (cached) {
    sendJson(response, 200, cached);
    return;
  }
  if (account === 'all') {
    // 'all' has no single account to hang a job on: compute now (it is fast).
    sendJson(response, 200, await engine.call('analytics.report', args));
    return;
  }
  const sameView = JSON.stringify(view);
  const pending = await engine.call('jobs.list', {
    accountId: account,
    type: 'compute_analytics',
    status: 'pending',
    limit: 500,
  });
  const existing = pending.jobs.find((job) => JSON.stringify(job.metadata.view) === sameView);
  const job =
    existing ?? (await engine.call('jobs.create', { type: 'compute_analytics', accountId: account, view }));
  sendJson(response, 202, { jobId: job.id, status: job.status });
}
