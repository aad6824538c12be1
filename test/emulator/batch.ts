import { STATUS_CODES } from 'node:http';
import { type ApiError, invalidArgument } from './google-error.ts';

/** Google's limit on calls in one batch request. */
export const MAX_BATCH_PARTS = 100;

export interface BatchPart {
  /** The part's Content-ID as sent (with or without angle brackets), if any. */
  contentId?: string;
  httpMethod: string;
  target: string;
  /** The part's own Authorization header, which overrides the outer request's. */
  authorization?: string;
  contentType?: string;
  body?: Buffer;
}

export interface BatchPartAnswer {
  contentId?: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Parses a `multipart/mixed` batch body whose parts are `application/http` requests. Lenient as
 * Google is: LF-only line ends, and request lines without an HTTP version.
 */
export function parseBatch(contentType: string | undefined, body: Buffer): BatchPart[] | ApiError {
  const type = contentType ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!/^\s*multipart\/mixed/i.test(type) || boundary === null) {
    return parseFailure('the Content-Type must be multipart/mixed with a boundary');
  }
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const chunks = body.toString('utf8').split(delimiter).slice(1);
  const parts: BatchPart[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const part = parsePart(chunk.replace(/^[ \t]*\r?\n/, ''));
    if (typeof part === 'string') return parseFailure(part);
    parts.push(part);
  }
  if (parts.length === 0) return parseFailure('the body holds no parts');
  if (parts.length > MAX_BATCH_PARTS) {
    return invalidArgument(
      `A batch request cannot contain more than ${MAX_BATCH_PARTS} requests; this one has ${parts.length}.`,
    );
  }
  return parts;
}

function parsePart(chunk: string): BatchPart | string {
  const [partHeaders, request] = splitHead(chunk);
  if (request === undefined) return 'a part has no blank line between its headers and its request';
  const contentId = /^content-id:[ \t]*(.*?)[ \t]*$/im.exec(partHeaders)?.[1];
  const inner = request.replace(/^(\r?\n)+/, '');
  const [head, body] = splitHead(inner);
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/);
  const match = /^([A-Z]+)[ \t]+(\S+)(?:[ \t]+HTTP\/\d(?:\.\d)?)?[ \t]*$/.exec(requestLine);
  if (match === null)
    return `a part's request line is not "METHOD path [HTTP/1.1]": "${requestLine.slice(0, 80)}"`;
  const part: BatchPart = { httpMethod: match[1]!, target: match[2]! };
  if (contentId !== undefined && contentId !== '') part.contentId = contentId;
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'authorization') part.authorization = value;
    if (name === 'content-type') part.contentType = value;
  }
  const content = (body ?? '').replace(/\r?\n$/, '');
  if (content.trim() !== '') part.body = Buffer.from(content, 'utf8');
  return part;
}

function splitHead(text: string): [string, string | undefined] {
  const match = /\r?\n\r?\n/.exec(text);
  if (match === null) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

function parseFailure(reason: string): ApiError {
  return invalidArgument(`Failed to parse batch request, error: ${reason}.`);
}

/** `1` → `response-1`; `<item1@x>` → `<response-item1@x>`, as Google answers. */
export function responseContentId(contentId: string): string {
  const bracketed = /^<(.*)>$/.exec(contentId);
  return bracketed === null ? `response-${contentId}` : `<response-${bracketed[1]}>`;
}

/** The multipart/mixed answer: one part per request, in request order. */
export function formatBatch(boundary: string, answers: BatchPartAnswer[]): string {
  const parts = answers.map((answer) => {
    const outer = ['Content-Type: application/http'];
    if (answer.contentId !== undefined) outer.push(`Content-ID: ${responseContentId(answer.contentId)}`);
    const inner = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`.trimEnd()];
    for (const [name, value] of Object.entries(answer.headers)) inner.push(`${name}: ${value}`);
    return `--${boundary}\r\n${outer.join('\r\n')}\r\n\r\n${inner.join('\r\n')}\r\n\r\n${answer.body}${answer.body === '' ? '' : '\r\n'}`;
  });
  return `${parts.join('')}--${boundary}--\r\n`;
}
