/** labels.list/get and the label writes (create, patch, delete) under Google's scopes. */
import { ApiError, invalidArgument, notFound } from './google-error.ts';
import type { LabelRecord, LabelSettings } from './labels.ts';
import { renderLabel, renderLabelSummary } from './render.ts';
import { type Route, type RouteContext, requireBody } from './route.ts';
import { LABEL_READ_SCOPES, LABEL_WRITE_SCOPES } from './scopes.ts';

const MESSAGE_VISIBILITY = ['show', 'hide'];
const LIST_VISIBILITY = ['labelShow', 'labelShowIfUnread', 'labelHide'];

/** The writable fields of a Label body; a field not given is left as it is. */
function readLabelBody(context: RouteContext, requireName: boolean): Partial<LabelSettings> {
  const body = requireBody(context);
  const out: Partial<LabelSettings> = {};
  const name = body.name;
  if (name !== undefined) {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 225)
      throw invalidArgument('Invalid label name');
    out.name = name.trim();
  } else if (requireName) throw invalidArgument('Invalid label name');
  const message = body.messageListVisibility;
  if (message !== undefined) {
    if (typeof message !== 'string' || !MESSAGE_VISIBILITY.includes(message))
      throw invalidArgument(`Invalid value at 'label.message_list_visibility', "${String(message)}"`);
    out.messageListVisibility = message as LabelSettings['messageListVisibility'];
  }
  const list = body.labelListVisibility;
  if (list !== undefined) {
    if (typeof list !== 'string' || !LIST_VISIBILITY.includes(list))
      throw invalidArgument(`Invalid value at 'label.label_list_visibility', "${String(list)}"`);
    out.labelListVisibility = list as LabelSettings['labelListVisibility'];
  }
  const color = body.color as { textColor?: unknown; backgroundColor?: unknown } | undefined;
  if (color !== undefined) {
    const hex = /^#[0-9a-fA-F]{6}$/;
    if (
      typeof color !== 'object' ||
      color === null ||
      !hex.test(String(color.textColor)) ||
      !hex.test(String(color.backgroundColor))
    )
      throw invalidArgument('Label color must give textColor and backgroundColor as #rrggbb.');
    out.color = { textColor: String(color.textColor), backgroundColor: String(color.backgroundColor) };
  }
  return out;
}

function userLabel(context: RouteContext): LabelRecord {
  const label = context.mailbox.labels.get(context.id);
  if (label === undefined) throw notFound();
  if (label.type === 'system')
    throw invalidArgument(`Invalid label: ${label.id} is a system label and cannot be changed.`);
  return label;
}

function duplicateName(name: string): ApiError {
  return new ApiError(409, 'ABORTED', {
    message: 'Label name exists or conflicts',
    domain: 'global',
    reason: 'duplicate',
  }).withTopMessage(`Label name exists or conflicts: ${name}`);
}

function checkNameFree(context: RouteContext, name: string | undefined, self?: string): void {
  if (name === undefined) return;
  const taken = context.mailbox.labels.findByName(name);
  if (taken !== undefined && taken.id !== self) throw duplicateName(name);
}

export const LABEL_ROUTES: Route[] = [
  {
    method: 'users.labels.list',
    httpMethod: 'GET',
    path: 'labels',
    params: {},
    scopes: LABEL_READ_SCOPES,
    response: 'ListLabelsResponse',
    validate: () => {},
    handle: ({ mailbox }) => ({ labels: mailbox.labels.all().map(renderLabelSummary) }),
  },
  {
    method: 'users.labels.get',
    httpMethod: 'GET',
    path: 'labels/:id',
    params: {},
    scopes: LABEL_READ_SCOPES,
    response: 'Label',
    idKind: 'label',
    validate: () => {},
    handle: ({ mailbox, listing, id }) => {
      const label = mailbox.labels.get(id);
      if (label === undefined) throw notFound();
      return renderLabel(label, listing.labelCounts(label.id));
    },
  },
  {
    method: 'users.labels.create',
    httpMethod: 'POST',
    path: 'labels',
    params: {},
    scopes: LABEL_WRITE_SCOPES,
    response: 'Label',
    validate: (context) => {
      checkNameFree(context, readLabelBody(context, true).name);
    },
    handle: (context) => {
      const settings = readLabelBody(context, true);
      checkNameFree(context, settings.name);
      return renderLabelSummary(context.mailbox.labels.create(settings as LabelSettings));
    },
  },
  {
    method: 'users.labels.patch',
    httpMethod: 'PATCH',
    path: 'labels/:id',
    params: {},
    scopes: LABEL_WRITE_SCOPES,
    response: 'Label',
    idKind: 'label',
    validate: (context) => {
      readLabelBody(context, false);
    },
    handle: (context) => {
      const label = userLabel(context);
      const changes = readLabelBody(context, false);
      checkNameFree(context, changes.name, label.id);
      return renderLabelSummary(context.mailbox.labels.patch(label.id, changes));
    },
  },
  {
    method: 'users.labels.delete',
    httpMethod: 'DELETE',
    path: 'labels/:id',
    params: {},
    scopes: LABEL_WRITE_SCOPES,
    response: null,
    idKind: 'label',
    validate: () => {},
    handle: (context) => {
      context.mailbox.deleteLabel(userLabel(context).id);
      return null;
    },
  },
];
