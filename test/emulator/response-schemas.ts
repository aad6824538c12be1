/**
 * The response schemas of the discovery document (gmail v1), as far as partial responses need
 * them: each schema's properties, and for object-valued ones the schema they hold (arrays are
 * transparent to a field selection, as Google treats them).
 */
export type SchemaName =
  | 'Profile'
  | 'Label'
  | 'LabelColor'
  | 'ListLabelsResponse'
  | 'Message'
  | 'MessagePart'
  | 'MessagePartHeader'
  | 'MessagePartBody'
  | 'ListMessagesResponse'
  | 'Thread'
  | 'ListThreadsResponse'
  | 'History'
  | 'HistoryMessageChange'
  | 'HistoryLabelChange'
  | 'ListHistoryResponse';

/** A property holds a scalar (or an array of scalars) or an object of another schema. */
type Properties = Record<string, SchemaName | 'scalar'>;

const scalars = (...names: string[]): Properties => Object.fromEntries(names.map((n) => [n, 'scalar']));

export const RESPONSE_SCHEMAS: Record<SchemaName, Properties> = {
  Profile: scalars('emailAddress', 'historyId', 'messagesTotal', 'threadsTotal'),
  Label: {
    ...scalars(
      'id',
      'labelListVisibility',
      'messageListVisibility',
      'messagesTotal',
      'messagesUnread',
      'name',
      'threadsTotal',
      'threadsUnread',
      'type',
    ),
    color: 'LabelColor',
  },
  LabelColor: scalars('backgroundColor', 'textColor'),
  ListLabelsResponse: { labels: 'Label' },
  Message: {
    ...scalars(
      'classificationLabelValues',
      'historyId',
      'id',
      'internalDate',
      'labelIds',
      'raw',
      'sizeEstimate',
      'snippet',
      'threadId',
    ),
    payload: 'MessagePart',
  },
  MessagePart: {
    ...scalars('filename', 'mimeType', 'partId'),
    body: 'MessagePartBody',
    headers: 'MessagePartHeader',
    parts: 'MessagePart',
  },
  MessagePartHeader: scalars('name', 'value'),
  MessagePartBody: scalars('attachmentId', 'data', 'size'),
  ListMessagesResponse: { ...scalars('nextPageToken', 'resultSizeEstimate'), messages: 'Message' },
  Thread: { ...scalars('historyId', 'id', 'snippet'), messages: 'Message' },
  ListThreadsResponse: { ...scalars('nextPageToken', 'resultSizeEstimate'), threads: 'Thread' },
  History: {
    id: 'scalar',
    labelsAdded: 'HistoryLabelChange',
    labelsRemoved: 'HistoryLabelChange',
    messages: 'Message',
    messagesAdded: 'HistoryMessageChange',
    messagesDeleted: 'HistoryMessageChange',
  },
  HistoryMessageChange: { message: 'Message' },
  HistoryLabelChange: { labelIds: 'scalar', message: 'Message' },
  ListHistoryResponse: { ...scalars('historyId', 'nextPageToken'), history: 'History' },
};
