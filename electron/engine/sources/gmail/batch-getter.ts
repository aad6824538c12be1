/**
 * `messages.get` and `threads.get` (format=metadata, only the headers the mail model reads) sent
 * through the batch endpoint, by the sync's call-with-policy loop (`call-with-policy.ts`): each part
 * has its own answer and its own retry budget, and only the failed parts are sent again. One part
 * goes as a plain GET: the same call without the multipart wrapping on either side.
 */
import { randomBytes } from 'node:crypto';
import type { gmail_v1 } from '@googleapis/gmail';
import { type BatchAnswer, decodeBatch, encodeBatch } from './batch-codec.ts';
import type { CallContext } from './call-context.ts';
import { callWithPolicy, GONE, type PartAnswer } from './call-with-policy.ts';
import { classifyResponse, type Failure } from './gmail-errors.ts';
import type { GmailCall } from './quota-profile.ts';

/** Metadata first (docs/sync.md "First sync"): the headers the mail model needs, nothing more. */
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

/** Runs the requests (≤ 50) as one batch, retrying only the failed parts; results in request order. */
export async function fetchBatch(context: CallContext, requests: FetchRequest[]): Promise<FetchResult[]> {
  const calls = requests.map((request) => ({ call: callOf(request), what: `a ${request.kind} request` }));
  const answers = await callWithPolicy<unknown>(context, calls, (token, positions) => {
    const parts = positions.map((position) => requests[position]!);
    return parts.length === 1 ? get(context, token, parts[0]!) : post(context, token, parts);
  });
  return answers.map((body, position) => (body === GONE ? [] : resultOf(requests[position]!, body)));
}

/** The parts' answers in order, or the failure of the whole batch. */
async function post(
  context: CallContext,
  token: string,
  parts: FetchRequest[],
): Promise<Array<PartAnswer<unknown> | undefined> | Failure> {
  const boundary = `brief_${randomBytes(12).toString('hex')}`;
  const response = await fetch(`${context.rootUrl}batch/gmail/v1`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/mixed; boundary=${boundary}`,
    },
    body: encodeBatch(
      boundary,
      parts.map((part) => requestPath(part)),
    ),
    signal: context.signal,
  });
  const text = await response.text();
  if (response.status !== 200) return failureOf(context, response, text);
  const answers = decodeBatch(response.headers.get('content-type') ?? '', text, parts.length);
  return answers.map((answer) => answer && partAnswer(context, answer));
}

/** One part as its own request: its answer, or its failure. */
async function get(
  context: CallContext,
  token: string,
  part: FetchRequest,
): Promise<[PartAnswer<unknown>] | Failure> {
  const response = await fetch(`${context.rootUrl}${requestPath(part).slice(1)}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: context.signal,
  });
  const text = await response.text();
  if (response.status !== 200) return failureOf(context, response, text);
  return [{ ok: true, body: parsed(text) }];
}

function failureOf(context: CallContext, response: Response, text: string): Failure {
  return classifyResponse(response.status, parsed(text), response.headers.get('retry-after'), context.now());
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function partAnswer(context: CallContext, answer: BatchAnswer): PartAnswer<unknown> {
  if (answer.status >= 200 && answer.status < 300) return { ok: true, body: answer.body };
  return {
    ok: false,
    failure: classifyResponse(answer.status, answer.body, answer.headers['retry-after'], context.now()),
  };
}

function resultOf(request: FetchRequest, body: unknown): FetchResult {
  if (request.kind === 'thread') return (body as gmail_v1.Schema$Thread | null)?.messages ?? [];
  return body === null ? [] : [body as gmail_v1.Schema$Message];
}
