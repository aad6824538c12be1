import { forbidden, invalidArgument, notFound } from './google-error.ts';
import { HISTORY_TYPES, type HistoryType } from './history.ts';
import type { ListFilter, Listing } from './listing.ts';
import type { Mailbox } from './mailbox.ts';
import type { CallParams, ParamSpec } from './params.ts';
import type { GmailMethod } from './quota.ts';
import {
  type MessageFormat,
  renderHistoryRecord,
  renderLabel,
  renderLabelSummary,
  renderMessage,
  renderThread,
  renderThreadListItem,
} from './render.ts';

export interface RouteContext {
  mailbox: Mailbox;
  listing: Listing;
  params: CallParams;
  /** The path segment after the collection (a message, thread or label id). */
  id: string;
  /** True when the token carries gmail.metadata, which restricts `q` and formats. */
  metadataOnly: boolean;
}

export interface Route {
  method: GmailMethod;
  /** Path under /gmail/v1/users/{userId}/, with `:id` for one segment. */
  path: string;
  params: ParamSpec;
  /** Scope checks and parameter parsing, before any quota is spent. */
  validate(context: RouteContext): void;
  handle(context: RouteContext): Record<string, unknown>;
}

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

function refuseQueryUnderMetadata(context: RouteContext): void {
  if (context.metadataOnly && context.params.has('q'))
    throw forbidden("Metadata scope does not support 'q' parameter");
}

function readFormat(context: RouteContext, allowed: readonly MessageFormat[]): MessageFormat {
  const value = (context.params.string('format') ?? 'full').toLowerCase();
  const format = allowed.find((f) => f === value);
  if (format === undefined)
    throw invalidArgument(`Invalid value at 'format' (enum), "${context.params.string('format')}"`);
  if (context.metadataOnly && (format === 'full' || format === 'raw')) {
    throw forbidden(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
  }
  return format;
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
    path: collection,
    params: LIST_PARAMS,
    validate: (context) => {
      refuseQueryUnderMetadata(context);
      listFilter(context);
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

export const ROUTES: Route[] = [
  {
    method: 'users.getProfile',
    path: 'profile',
    params: {},
    validate: () => {},
    handle: ({ mailbox }) => ({
      emailAddress: mailbox.emailAddress,
      messagesTotal: mailbox.messageCount,
      threadsTotal: mailbox.threadCount,
      historyId: String(mailbox.historyId),
    }),
  },
  {
    method: 'users.labels.list',
    path: 'labels',
    params: {},
    validate: () => {},
    handle: ({ mailbox }) => ({ labels: mailbox.labels.all().map(renderLabelSummary) }),
  },
  {
    method: 'users.labels.get',
    path: 'labels/:id',
    params: {},
    validate: () => {},
    handle: ({ mailbox, listing, id }) => {
      const label = mailbox.labels.get(id);
      if (label === undefined) throw notFound();
      return renderLabel(label, listing.labelCounts(label.id));
    },
  },
  listRoute('users.messages.list', 'messages', (context, filter, maxResults, pageToken) => {
    const page = context.listing.messages(filter, maxResults, pageToken);
    return { ...page, items: page.items.map((m) => ({ id: m.id, threadId: m.threadId })) };
  }),
  {
    method: 'users.messages.get',
    path: 'messages/:id',
    params: { format: 'single', metadataHeaders: 'repeated' },
    validate: (context) => {
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
    path: 'threads/:id',
    params: { format: 'single', metadataHeaders: 'repeated' },
    validate: (context) => {
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
    path: 'history',
    params: {
      startHistoryId: 'single',
      historyTypes: 'repeated',
      labelId: 'single',
      maxResults: 'single',
      pageToken: 'single',
    },
    validate: (context) => {
      readStartHistoryId(context);
      readHistoryTypes(context);
      context.params.maxResults(100, 500);
    },
    handle: (context) => {
      const { mailbox, params } = context;
      const startHistoryId = readStartHistoryId(context);
      if (!mailbox.history.canReplayFrom(startHistoryId)) throw notFound();
      const pageToken = params.string('pageToken');
      let after = startHistoryId;
      if (pageToken !== undefined) {
        if (!/^\d{1,19}$/.test(pageToken)) throw invalidArgument('Invalid pageToken');
        after = Math.max(after, Number(pageToken));
        if (!mailbox.history.canReplayFrom(after)) throw notFound();
      }
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

/** The route and its `:id` for a path below /gmail/v1/users/{userId}/. */
export function matchRoute(rest: string): { route: Route; id: string } | undefined {
  const segments = rest.split('/');
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    let id = '';
    const ok = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (part === ':id') {
        id = decodeSegment(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (ok) return { route, id };
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
