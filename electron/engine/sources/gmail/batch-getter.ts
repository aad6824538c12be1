/**
 * `messages.get` and `threads.get` (format=metadata, only the headers the mail model reads) sent
 * through the batch endpoint. Each part has its own answer and its own retry budget: only the
 * failed parts are sent again.
 */
import { randomBytes } from 'node:crypto';
import type { gmail_v1 } from '@googleapis/gmail';
import { cancelledError } from './abortable-sleep.ts';
import { type BatchAnswer, decodeBatch, encodeBatch } from './batch-codec.ts';
import { type CallContext, fatalCallError, reconnectError } from './call-context.ts';
import { classifyResponse, classifyThrown, type Failure } from './gmail-errors.ts';
import { type CallBudget, freshBudget } from './retry-policy.ts';

/** SYNC.md "Metadata first": the headers the mail model needs, nothing more. */
export const METADATA_HEADERS = [
  'From',
  'To',
  'Cc',
  'Bcc',
  'Date',
  'Subject',
  'Message-ID',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Post',
  'List-Unsubscribe',
  'Precedence',
  'Auto-Submitted',
  'Reply-To',
];

export interface FetchRequest {
  kind: 'message' | 'thread';
  id: string;
}

/** What a request gave: the messages (a thread's, or one), or none when it no longer exists. */
export type FetchResult = gmail_v1.Schema$Message[];

const QUERY = `format=metadata&${METADATA_HEADERS.map((h) => `metadataHeaders=${encodeURIComponent(h)}`).join('&')}`;

export function requestPath(request: FetchRequest): string {
  const collection = request.kind === 'thread' ? 'threads' : 'messages';
  return `/gmail/v1/users/me/${collection}/${request.id}?${QUERY}`;
}

export function requestCost(context: CallContext, request: FetchRequest): number {
  return context.quota.costs[request.kind === 'thread' ? 'threads.get' : 'messages.get'];
}

interface PendingPart {
  index: number;
  request: FetchRequest;
  budget: CallBudget;
  rejectedOnce: boolean;
}

/** Runs the requests (≤ 50) as one batch, retrying failed parts; results in request order. */
export async function fetchBatch(context: CallContext, requests: FetchRequest[]): Promise<FetchResult[]> {
  const results: FetchResult[] = requests.map(() => []);
  let pending: PendingPart[] = requests.map((request, index) => ({
    index,
    request,
    budget: freshBudget(),
    rejectedOnce: false,
  }));
  while (pending.length > 0) {
    const cost = pending.reduce((sum, part) => sum + requestCost(context, part.request), 0);
    await context.pacer.acquire(cost, context.signal);
    await context.slots.take(pending.length, context.signal);
    const token = await context.tokens.get();
    let answers: Array<BatchAnswer | undefined> | Failure;
    try {
      answers = await post(context, token, pending);
    } catch (error) {
      if (context.signal.aborted) throw cancelledError(context.signal);
      answers = classifyThrown(error, context.now());
    } finally {
      context.slots.give(pending.length);
    }
    const retry: PendingPart[] = [];
    let waitMs = 0;
    let quotaWait = false;
    let refresh = false;
    for (const [position, part] of pending.entries()) {
      const answer = Array.isArray(answers) ? answers[position] : undefined;
      if (answer !== undefined && answer.status >= 200 && answer.status < 300) {
        results[part.index] = resultOf(part.request, answer.body);
        continue;
      }
      const failure: Failure = Array.isArray(answers)
        ? answer === undefined
          ? { kind: 'transient', reason: 'part missing from the batch answer' }
          : classifyResponse(answer.status, answer.body, answer.headers['retry-after'], context.now())
        : answers;
      if (failure.kind === 'notFound') continue;
      if (failure.kind === 'fatal')
        throw fatalCallError(`a ${part.request.kind} request`, failure.status, failure.message);
      retry.push(part);
      if (failure.kind === 'auth') {
        if (part.rejectedOnce) throw reconnectError(context.address);
        part.rejectedOnce = true;
        refresh = true;
        continue;
      }
      part.rejectedOnce = false;
      const decision = context.policy.decide(failure, part.budget);
      if (decision.until !== null) context.pacer.pauseUntil(decision.until);
      else {
        waitMs = Math.max(waitMs, decision.waitMs);
        quotaWait ||= failure.kind === 'quota';
      }
    }
    if (refresh) await context.tokens.refreshAfterRejection(token);
    if (waitMs > 0) {
      if (quotaWait) context.onQuotaWait(waitMs);
      await context.sleep(waitMs, context.signal);
    }
    pending = retry;
  }
  return results;
}

/** The parts' answers in order, or the failure of the whole batch. */
async function post(
  context: CallContext,
  token: string,
  parts: PendingPart[],
): Promise<Array<BatchAnswer | undefined> | Failure> {
  const boundary = `brief_${randomBytes(12).toString('hex')}`;
  const response = await fetch(`${context.rootUrl}batch/gmail/v1`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/mixed; boundary=${boundary}`,
    },
    body: encodeBatch(
      boundary,
      parts.map((part) => requestPath(part.request)),
    ),
    signal: context.signal,
  });
  const text = await response.text();
  if (response.status !== 200) {
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return classifyResponse(response.status, body, response.headers.get('retry-after'), context.now());
  }
  return decodeBatch(response.headers.get('content-type') ?? '', text, parts.length);
}

function resultOf(request: FetchRequest, body: unknown): FetchResult {
  if (request.kind === 'thread') return (body as gmail_v1.Schema$Thread | null)?.messages ?? [];
  return body === null ? [] : [body as gmail_v1.Schema$Message];
}
