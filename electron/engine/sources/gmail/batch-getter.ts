/**
 * `messages.get` and `threads.get` (format=metadata, only the headers the mail model reads) sent
 * through the batch endpoint. Each part has its own answer and its own retry budget: only the
 * failed parts are sent again.
 */
import { randomBytes } from 'node:crypto';
import type { gmail_v1 } from '@googleapis/gmail';
import { type BatchAnswer, decodeBatch, encodeBatch } from './batch-codec.ts';
import { type CallContext, fatalCallError, reconnectError } from './call-context.ts';
import { cancelledError } from './cancellation.ts';
import { classifyResponse, classifyThrown, type Failure } from './gmail-errors.ts';
import type { PartCharge, Spend } from './quota-pacer.ts';
import type { GmailCall } from './quota-profile.ts';
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

export function callOf(request: FetchRequest): GmailCall {
  return request.kind === 'thread' ? 'threads.get' : 'messages.get';
}

export function requestCost(context: CallContext, request: FetchRequest): number {
  return context.quota.costs[callOf(request)];
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
    // Slots first and quota last, so a call counted in a quota window goes out at once. At the end
    // of a window only the parts that still fit in it go; the rest wait for the next.
    await context.slots.take(pending.length, context.signal);
    let spend: Spend;
    try {
      spend = await context.pacer.acquire(
        pending.map((part) => callOf(part.request)),
        context.signal,
      );
    } catch (error) {
      context.slots.give(pending.length);
      throw error;
    }
    context.slots.give(pending.length - spend.parts);
    const sending = pending.slice(0, spend.parts);
    const { token, outcomes } = await send(context, sending, spend);
    const retry: PendingPart[] = [];
    let waitMs = 0;
    let quotaWait = false;
    let refresh = false;
    for (const [position, part] of sending.entries()) {
      const outcome = outcomes[position]!;
      if (outcome.ok) {
        results[part.index] = resultOf(part.request, outcome.body);
        continue;
      }
      const failure = outcome.failure;
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
    pending = [...retry, ...pending.slice(spend.parts)];
  }
  return results;
}

type PartOutcome = { ok: true; body: unknown } | { ok: false; failure: Failure };

/** Sends the parts (their slots taken) as one batch, gives the slots back and tells the pacer what each spent. */
async function send(
  context: CallContext,
  parts: PendingPart[],
  spend: Spend,
): Promise<{ token: string; outcomes: PartOutcome[] }> {
  let charges: PartCharge | PartCharge[] = 'free';
  try {
    let token: string;
    let answers: Array<BatchAnswer | undefined> | Failure;
    try {
      token = await context.tokens.get();
      charges = 'unknown';
      answers = await post(context, token, parts).catch((error: unknown) => {
        if (context.signal.aborted) throw cancelledError(context.signal);
        return classifyThrown(error, context.now());
      });
    } finally {
      context.slots.give(parts.length);
    }
    const outcomes = parts.map((_, position) => outcomeOf(context, answers, position));
    charges = outcomes.map(chargeOf);
    return { token, outcomes };
  } finally {
    spend.settle(charges);
  }
}

function chargeOf(outcome: PartOutcome): PartCharge {
  if (outcome.ok || outcome.failure.kind === 'notFound') return 'answered';
  return outcome.failure.kind === 'quota' || outcome.failure.kind === 'auth' ? 'free' : 'unknown';
}

function outcomeOf(
  context: CallContext,
  answers: Array<BatchAnswer | undefined> | Failure,
  position: number,
): PartOutcome {
  if (!Array.isArray(answers)) return { ok: false, failure: answers };
  const answer = answers[position];
  if (answer === undefined)
    return { ok: false, failure: { kind: 'transient', reason: 'part missing from the batch answer' } };
  if (answer.status >= 200 && answer.status < 300) return { ok: true, body: answer.body };
  return {
    ok: false,
    failure: classifyResponse(answer.status, answer.body, answer.headers['retry-after'], context.now()),
  };
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
