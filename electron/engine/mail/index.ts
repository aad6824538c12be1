/** The mail model's public API: reading, facts, duplicates and per-account derivations. */
export { normalizeAddress, parseAddressList } from './addresses.ts';
export { EARLIEST_VALID_TIME, isValidTime, parseMailDate } from './date.ts';
export {
  type DerivableMessage,
  type DeriveOptions,
  deriveAccount,
  isCounted,
  suggestAliases,
} from './derive.ts';
export { DuplicateMerger, type MergeResult } from './duplicates.ts';
export { factsFromGmail, factsFromRaw, type GmailMessageResource, importedProviderId } from './facts.ts';
export { type HeaderField, readHeaderFields } from './headers.ts';
export { folderNameOf, labelsFromFolderName, labelsFromTakeout } from './labels.ts';
export { MAX_MESSAGE_BYTES } from './mbox-splitter.ts';
export { type ReadItem, type ReadOptions, readMail, readMailInChunks } from './read-mail.ts';
export { subjectKey } from './subject.ts';
export type { DerivedFacts, MessageFacts } from './types.ts';
