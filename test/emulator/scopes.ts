/** Gmail's OAuth scopes, and which of them each kind of method accepts (the discovery document's lists). */
const G = 'https://www.googleapis.com/auth/';

export const FULL_SCOPE = 'https://mail.google.com/';
export const METADATA_SCOPE = `${G}gmail.metadata`;
export const READONLY_SCOPE = `${G}gmail.readonly`;
export const MODIFY_SCOPE = `${G}gmail.modify`;
export const LABELS_SCOPE = `${G}gmail.labels`;
export const INSERT_SCOPE = `${G}gmail.insert`;
export const COMPOSE_SCOPE = `${G}gmail.compose`;

/** messages.list/get, threads.list/get, history.list. */
export const READ_SCOPES = [FULL_SCOPE, MODIFY_SCOPE, READONLY_SCOPE, METADATA_SCOPE] as const;
export const PROFILE_SCOPES = [...READ_SCOPES, COMPOSE_SCOPE] as const;
export const LABEL_READ_SCOPES = [...READ_SCOPES, LABELS_SCOPE] as const;
export const LABEL_WRITE_SCOPES = [FULL_SCOPE, LABELS_SCOPE, MODIFY_SCOPE] as const;
/** messages.modify/batchModify/trash/untrash, threads.modify. */
export const MODIFY_SCOPES = [FULL_SCOPE, MODIFY_SCOPE] as const;
/** messages.insert and messages.import. */
export const INSERT_SCOPES = [FULL_SCOPE, INSERT_SCOPE, MODIFY_SCOPE] as const;
/** messages.delete: permanent deletion needs the full scope. */
export const DELETE_SCOPES = [FULL_SCOPE] as const;
