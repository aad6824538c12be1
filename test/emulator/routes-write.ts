/**
 * The message and thread writes, each under Google's scopes and writing the history records
 * Google writes: insert and import (`messageAdded`), modify, batchModify, trash, untrash and
 * threads.modify (`labelAdded` / `labelRemoved`), delete (`messageDeleted`).
 */
import { readHeaderFields } from '../../electron/engine/mail/index.ts';
import { invalidArgument, notFound } from './google-error.ts';
import type { SeedMessage, StoredMessage } from './mailbox.ts';
import type { ParamSpec } from './params.ts';
import type { GmailMethod } from './quota.ts';
import { bodyStrings, checkIdShape, type Route, type RouteContext, requireBody } from './route.ts';
import { DELETE_SCOPES, INSERT_SCOPES, MODIFY_SCOPES } from './scopes.ts';

/** Labels a client may not put on or take off a message itself. */
const RESERVED_LABELS = new Set(['DRAFT', 'SENT', 'CHAT']);
const MAX_BATCH_IDS = 1000;

function readLabelChange(context: RouteContext): { add: string[]; remove: string[] } {
  const add = bodyStrings(context, 'addLabelIds');
  const remove = bodyStrings(context, 'removeLabelIds');
  for (const id of [...add, ...remove]) {
    const label = context.mailbox.labels.get(id);
    if (label === undefined || RESERVED_LABELS.has(label.id)) throw invalidArgument(`Invalid label: ${id}`);
  }
  const both = add.find((id) => remove.includes(id));
  if (both !== undefined) throw invalidArgument(`Label ${both} cannot be both added and removed.`);
  return { add, remove };
}

function requireMessage(context: RouteContext, id: string): StoredMessage {
  const message = context.mailbox.getMessage(id);
  if (message === undefined) throw notFound();
  return message;
}

/** What messages.modify, trash and untrash answer: the message's ids and labels. */
function labelsOnly(message: StoredMessage): Record<string, unknown> {
  const out: Record<string, unknown> = { id: message.id, threadId: message.threadId };
  if (message.labelIds.length > 0) out.labelIds = [...message.labelIds];
  return out;
}

function messageRoute(
  method: GmailMethod,
  action: string,
  change: (context: RouteContext) => { add: string[]; remove: string[] },
): Route {
  return {
    method,
    httpMethod: 'POST',
    path: `messages/:id/${action}`,
    params: {},
    scopes: MODIFY_SCOPES,
    response: 'Message',
    idKind: 'message',
    validate: (context) => {
      checkIdShape(context.id);
      change(context);
    },
    handle: (context) => {
      const message = requireMessage(context, context.id);
      context.mailbox.modifyLabels(message.id, change(context));
      return labelsOnly(message);
    },
  };
}

const INSERT_PARAMS: ParamSpec = { internalDateSource: 'single', deleted: 'single' };
const IMPORT_PARAMS: ParamSpec = { ...INSERT_PARAMS, neverMarkSpam: 'single', processForCalendar: 'single' };

/** The raw message of an insert or import: the upload, or the body's base64url `raw`. */
function readRaw(context: RouteContext): Buffer {
  if (context.upload !== undefined) {
    if (context.upload.length === 0) throw invalidArgument('The uploaded message is empty.');
    return context.upload;
  }
  const raw = requireBody(context).raw;
  if (typeof raw !== 'string' || raw === '' || !/^[A-Za-z0-9_\-+/]*={0,2}$/.test(raw)) {
    throw invalidArgument(
      "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
    );
  }
  return Buffer.from(raw.replace(/=+$/, ''), 'base64url');
}

function readDateSource(context: RouteContext, fallback: 'receivedTime' | 'dateHeader') {
  const value = context.params.string('internalDateSource') ?? fallback;
  if (value !== 'receivedTime' && value !== 'dateHeader')
    throw invalidArgument(`Invalid value at 'internal_date_source' (enum), "${value}"`);
  for (const flag of ['deleted', 'neverMarkSpam', 'processForCalendar']) context.params.bool(flag, flag);
  return value;
}

function addRoute(
  method: GmailMethod,
  path: string,
  params: ParamSpec,
  dates: 'receivedTime' | 'dateHeader',
): Route {
  return {
    method,
    httpMethod: 'POST',
    path,
    params,
    scopes: INSERT_SCOPES,
    response: 'Message',
    upload: true,
    validate: (context) => {
      readDateSource(context, dates);
      readRaw(context);
      readLabelChange({ ...context, body: { addLabelIds: context.body?.labelIds ?? [] } });
    },
    handle: (context) => {
      const raw = readRaw(context);
      // Header text as the mail model decodes it, as seeding does (so a synced copy equals an imported one).
      const headers = readHeaderFields(raw);
      const now = context.clock.now();
      const dated = Date.parse(headers.find((h) => h.name.toLowerCase() === 'date')?.value ?? '');
      const internalDate =
        readDateSource(context, dates) === 'dateHeader' && Number.isFinite(dated) ? dated : now;
      const threadId = context.body?.threadId;
      const joins = typeof threadId === 'string' && context.mailbox.threadMessages(threadId).length > 0;
      const seed: SeedMessage = {
        labelIds: bodyStrings(context, 'labelIds'),
        internalDate,
        sizeEstimate: raw.length,
        headers,
        raw,
        ...(joins ? { threadId: threadId as string } : {}),
      };
      return labelsOnly(context.mailbox.addMessage(seed));
    },
  };
}

export const WRITE_ROUTES: Route[] = [
  addRoute('users.messages.insert', 'messages', INSERT_PARAMS, 'receivedTime'),
  addRoute('users.messages.import', 'messages/import', IMPORT_PARAMS, 'dateHeader'),
  messageRoute('users.messages.modify', 'modify', readLabelChange),
  messageRoute('users.messages.trash', 'trash', () => ({ add: ['TRASH'], remove: [] })),
  messageRoute('users.messages.untrash', 'untrash', () => ({ add: [], remove: ['TRASH'] })),
  {
    method: 'users.messages.batchModify',
    httpMethod: 'POST',
    path: 'messages/batchModify',
    params: {},
    scopes: MODIFY_SCOPES,
    response: null,
    validate: (context) => {
      const ids = bodyStrings(context, 'ids');
      if (ids.length === 0) throw invalidArgument('No message ids given.');
      if (ids.length > MAX_BATCH_IDS)
        throw invalidArgument(`Too many ids: at most ${MAX_BATCH_IDS} per request.`);
      for (const id of ids) checkIdShape(id);
      readLabelChange(context);
    },
    handle: (context) => {
      const change = readLabelChange(context);
      // Ids that no longer exist are passed over, as Google does.
      for (const id of bodyStrings(context, 'ids')) {
        if (context.mailbox.getMessage(id) !== undefined) context.mailbox.modifyLabels(id, change);
      }
      return null;
    },
  },
  {
    method: 'users.messages.delete',
    httpMethod: 'DELETE',
    path: 'messages/:id',
    params: {},
    scopes: DELETE_SCOPES,
    response: null,
    idKind: 'message',
    validate: (context) => checkIdShape(context.id),
    handle: (context) => {
      context.mailbox.deleteMessage(requireMessage(context, context.id).id);
      return null;
    },
  },
  {
    method: 'users.threads.modify',
    httpMethod: 'POST',
    path: 'threads/:id/modify',
    params: {},
    scopes: MODIFY_SCOPES,
    response: 'Thread',
    idKind: 'thread',
    validate: (context) => {
      checkIdShape(context.id);
      readLabelChange(context);
    },
    handle: (context) => {
      const messages = context.mailbox.threadMessages(context.id);
      if (messages.length === 0) throw notFound();
      const change = readLabelChange(context);
      for (const message of messages) context.mailbox.modifyLabels(message.id, change);
      return { id: context.id, messages: messages.map(labelsOnly) };
    },
  },
];
