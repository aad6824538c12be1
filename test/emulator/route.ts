/**
 * What a Gmail API route is: its HTTP method and path, parameters, accepted scopes, response
 * schema, the checks made before any quota is spent, and the answer.
 */
import type { Clock } from './clock.ts';
import { forbidden, invalidArgument } from './google-error.ts';
import type { Listing } from './listing.ts';
import type { Mailbox } from './mailbox.ts';
import type { CallParams, ParamSpec } from './params.ts';
import type { GmailMethod } from './quota.ts';
import type { MessageFormat } from './render.ts';
import type { SchemaName } from './response-schemas.ts';

export interface RouteContext {
  mailbox: Mailbox;
  listing: Listing;
  clock: Clock;
  params: CallParams;
  /** The path segment after the collection (a message, thread or label id). */
  id: string;
  /** True when the token carries gmail.metadata, which restricts `q` and formats. */
  metadataOnly: boolean;
  /** The JSON request body (an object), or undefined when none was sent. */
  body: Record<string, unknown> | undefined;
  /** The message bytes of a media or multipart upload. */
  upload: Buffer | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: GmailMethod;
  httpMethod: HttpMethod;
  /** Path under /gmail/v1/users/{userId}/, with `:id` for one segment. */
  path: string;
  params: ParamSpec;
  scopes: readonly string[];
  /** The answer's schema (for `fields`), or null for an empty 204 answer. */
  response: SchemaName | null;
  /** What `:id` names: message and thread ids must be hex, as Gmail's are. */
  idKind?: 'message' | 'thread' | 'label';
  /** Accepts an upload at /upload/gmail/v1/… (messages.insert and messages.import). */
  upload?: boolean;
  /** Scope checks and parameter and body parsing, before any quota is spent. */
  validate(context: RouteContext): void;
  /** The answer, or null for 204 No Content. */
  handle(context: RouteContext): Record<string, unknown> | null;
}

/** A well-formed message or thread id: hex digits, at most 16 (a 64-bit number). */
const HEX_ID = /^[0-9a-fA-F]{1,16}$/;

export function checkIdShape(id: string): void {
  if (!HEX_ID.test(id)) throw invalidArgument('Invalid id value');
}

export function refuseQueryUnderMetadata(context: RouteContext): void {
  if (context.metadataOnly && context.params.has('q'))
    throw forbidden("Metadata scope does not support 'q' parameter");
}

export function readFormat(context: RouteContext, allowed: readonly MessageFormat[]): MessageFormat {
  const value = (context.params.string('format') ?? 'full').toLowerCase();
  const format = allowed.find((f) => f === value);
  if (format === undefined)
    throw invalidArgument(`Invalid value at 'format' (enum), "${context.params.string('format')}"`);
  if (context.metadataOnly && (format === 'full' || format === 'raw')) {
    throw forbidden(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
  }
  return format;
}

/** A string-array field of the request body (absent → empty). */
export function bodyStrings(context: RouteContext, field: string): string[] {
  const value = context.body?.[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidArgument(`Invalid value at '${field}': expected a list of strings.`);
  }
  return value as string[];
}

/** The request body, which this method requires. */
export function requireBody(context: RouteContext): Record<string, unknown> {
  if (context.body === undefined) throw invalidArgument('The request body is missing.');
  return context.body;
}
