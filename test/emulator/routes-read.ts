/** The read methods: profile, messages and threads (list, get), history. */
import { invalidArgument, notFound } from './google-error.ts';
import { HISTORY_TYPES, type HistoryType } from './history.ts';
import type { ListFilter } from './listing.ts';
import type { ParamSpec } from './params.ts';
import type { GmailMethod } from './quota.ts';
import { renderHistoryRecord, renderMessage, renderThread, renderThreadListItem } from './render.ts';
import {
  checkIdShape,
  type Route,
  type RouteContext,
  readFormat,
  refuseQueryUnderMetadata,
} from './route.ts';
import { PROFILE_SCOPES, READ_SCOPES } from './scopes.ts';

const LIST_PARAMS: ParamSpec = {
  maxResults: 'single',
  pageToken: 'single',
  labelIds: 'repeated',
  includeSpamTrash: 'single',
  q: 'single',
};

function listFilter(context: RouteContext): ListFilter {
  const q = context.params.string('q');
  const filter: ListFilter = {
    labelIds: context.params.list('labelIds'),
    includeSpamTrash: context.params.bool('includeSpamTrash', 'include_spam_trash'),
  };
  if (q !== undefined) filter.q = q;
  return filter;
}

function readHistoryTypes(context: RouteContext): Set<HistoryType> {
  const given = context.params.list('historyTypes');
  if (given.length === 0) return new Set(HISTORY_TYPES);
  const types = new Set<HistoryType>();
  for (const value of given) {
    const normal = value.replace(/_/g, '').toLowerCase();
    const type = HISTORY_TYPES.find((t) => t.toLowerCase() === normal);
    if (type === undefined) throw invalidArgument(`Invalid value at 'history_types' (enum), "${value}"`);
    types.add(type);
  }
  return types;
}

function readStartHistoryId(context: RouteContext): number {
  const value = context.params.string('startHistoryId');
  if (value === undefined || !/^\d{1,19}$/.test(value) || Number(value) === 0) {
    throw invalidArgument('Missing/invalid parameter: startHistoryId');
  }
  return Number(value);
}

function listPage(items: unknown[], key: string, nextPageToken: string | undefined, estimate: number) {
  const out: Record<string, unknown> = {};
  if (items.length > 0) out[key] = items;
  if (nextPageToken !== undefined) out.nextPageToken = nextPageToken;
  out.resultSizeEstimate = estimate;
  return out;
}

/** messages.list and threads.list: the same parameters, checks and page shape over another collection. */
function listRoute(
  method: GmailMethod,
  collection: 'messages' | 'threads',
  page: (
    context: RouteContext,
    filter: ListFilter,
    maxResults: number,
    pageToken: string | undefined,
  ) => { items: unknown[]; nextPageToken?: string | undefined; resultSizeEstimate: number },
): Route {
  return {
    method,
    httpMethod: 'GET',
    path: collection,
    params: LIST_PARAMS,
    scopes: READ_SCOPES,
    response: collection === 'messages' ? 'ListMessagesResponse' : 'ListThreadsResponse',
    validate: (context) => {
      refuseQueryUnderMetadata(context);
      context.listing.checkFilter(listFilter(context), context.params.string('pageToken'), collection);
      context.params.maxResults(100, 500);
    },
    handle: (context) => {
      const listed = page(
        context,
        listFilter(context),
        context.params.maxResults(100, 500),
        context.params.string('pageToken'),
      );
      return listPage(listed.items, collection, listed.nextPageToken, listed.resultSizeEstimate);
    },
  };
}

const FORMAT_PARAMS: ParamSpec = { format: 'single', metadataHeaders: 'repeated' };

export const READ_ROUTES: Route[] = [
  {
    method: 'users.getProfile',
    httpMethod: 'GET',
    path: 'profile',
    params: {},
    scopes: PROFILE_SCOPES,
    response: 'Profile',
    validate: () => {},
    handle: ({ mailbox }) => ({
      emailAddress: mailbox.emailAddress,
      messagesTotal: mailbox.messageCount,
      threadsTotal: mailbox.threadCount,
      historyId: String(mailbox.historyId),
    }),
  },
  listRoute('users.messages.list', 'messages', (context, filter, maxResults, pageToken) => {
    const page = context.listing.messages(filter, maxResults, pageToken);
    return { ...page, items: page.items.map((m) => ({ id: m.id, threadId: m.threadId })) };
  }),
  {
    method: 'users.messages.get',
    httpMethod: 'GET',
    path: 'messages/:id',
    params: FORMAT_PARAMS,
    scopes: READ_SCOPES,
    response: 'Message',
    idKind: 'message',
    validate: (context) => {
      checkIdShape(context.id);
      readFormat(context, ['minimal', 'metadata', 'full', 'raw']);
    },
    handle: (context) => {
      const message = context.mailbox.getMessage(context.id);
      if (message === undefined) throw notFound();
      const format = readFormat(context, ['minimal', 'metadata', 'full', 'raw']);
      return renderMessage(message, format, context.params.list('metadataHeaders'));
    },
  },
  listRoute('users.threads.list', 'threads', (context, filter, maxResults, pageToken) => {
    const page = context.listing.threads(filter, maxResults, pageToken);
    const items = page.items.map((threadId) => renderThreadListItem(context.mailbox, threadId));
    return { ...page, items };
  }),
  {
    method: 'users.threads.get',
    httpMethod: 'GET',
    path: 'threads/:id',
    params: FORMAT_PARAMS,
    scopes: READ_SCOPES,
    response: 'Thread',
    idKind: 'thread',
    validate: (context) => {
      checkIdShape(context.id);
      readFormat(context, ['minimal', 'metadata', 'full']);
    },
    handle: (context) => {
      if (context.mailbox.threadMessages(context.id).length === 0) throw notFound();
      const format = readFormat(context, ['minimal', 'metadata', 'full']);
      return renderThread(context.mailbox, context.id, format, context.params.list('metadataHeaders'));
    },
  },
  {
    method: 'users.history.list',
    httpMethod: 'GET',
    path: 'history',
    params: {
      startHistoryId: 'single',
      historyTypes: 'repeated',
      labelId: 'single',
      maxResults: 'single',
      pageToken: 'single',
    },
    scopes: READ_SCOPES,
    response: 'ListHistoryResponse',
    validate: (context) => {
      readStartHistoryId(context);
      readHistoryTypes(context);
      context.params.maxResults(100, 500);
      const pageToken = context.params.string('pageToken');
      if (pageToken !== undefined && !/^\d{1,19}$/.test(pageToken))
        throw invalidArgument('Invalid pageToken');
    },
    handle: (context) => {
      const { mailbox, params } = context;
      const startHistoryId = readStartHistoryId(context);
      if (!mailbox.history.canReplayFrom(startHistoryId)) throw notFound();
      const pageToken = params.string('pageToken');
      const after = pageToken === undefined ? startHistoryId : Math.max(startHistoryId, Number(pageToken));
      if (!mailbox.history.canReplayFrom(after)) throw notFound();
      const labelId = params.string('labelId');
      const { records, more } = mailbox.history.query({
        startHistoryId: after,
        types: readHistoryTypes(context),
        maxResults: params.maxResults(100, 500),
        ...(labelId === undefined ? {} : { labelId }),
      });
      const out: Record<string, unknown> = {};
      if (records.length > 0) out.history = records.map(renderHistoryRecord);
      if (more) out.nextPageToken = String(records[records.length - 1]!.id);
      out.historyId = String(mailbox.historyId);
      return out;
    },
  },
];
