import { BriefError } from '../../shared/errors.ts';

export interface LabelRecord {
  id: string;
  name: string;
  type: 'system' | 'user';
}

/** Gmail's system labels, by id (their names equal their ids). */
export const SYSTEM_LABEL_IDS = [
  'CHAT',
  'SENT',
  'INBOX',
  'IMPORTANT',
  'TRASH',
  'DRAFT',
  'SPAM',
  'CATEGORY_FORUMS',
  'CATEGORY_UPDATES',
  'CATEGORY_PERSONAL',
  'CATEGORY_PROMOTIONS',
  'CATEGORY_SOCIAL',
  'STARRED',
  'UNREAD',
] as const;

/**
 * The account's labels. Seeds name user labels as the mail model does ("Work", "Receipts");
 * Gmail gives each an opaque id (`Label_<n>`), which is what messages carry.
 */
export class LabelStore {
  readonly #byId = new Map<string, LabelRecord>();
  readonly #idByName = new Map<string, string>();
  #nextUserLabel = 1;

  constructor() {
    for (const id of SYSTEM_LABEL_IDS) this.#byId.set(id, { id, name: id, type: 'system' });
  }

  get(id: string): LabelRecord | undefined {
    return this.#byId.get(id);
  }

  all(): LabelRecord[] {
    return [...this.#byId.values()];
  }

  /** Declares a user label with a given id (a seed that already knows Gmail's ids for its names). */
  define(id: string, name: string): void {
    if (this.#byId.get(id)?.type === 'system') {
      throw new BriefError('VALIDATION', `"${id}" is a system label id; user labels need another id.`);
    }
    this.#byId.set(id, { id, name, type: 'user' });
    this.#idByName.set(name.toLowerCase(), id);
    const number = /^Label_(\d+)$/.exec(id);
    if (number !== null) this.#nextUserLabel = Math.max(this.#nextUserLabel, Number(number[1]) + 1);
  }

  /** The id for a label given by id or by name, creating a user label for a new name. */
  resolve(idOrName: string): string {
    const trimmed = idOrName.trim();
    if (trimmed === '')
      throw new BriefError('VALIDATION', 'A label name is empty; give every seeded label a name.');
    const upper = trimmed.toUpperCase();
    if (this.#byId.get(upper)?.type === 'system') return upper;
    if (this.#byId.has(trimmed)) return trimmed;
    const known = this.#idByName.get(trimmed.toLowerCase());
    if (known !== undefined) return known;
    const id = `Label_${this.#nextUserLabel++}`;
    this.#byId.set(id, { id, name: trimmed, type: 'user' });
    this.#idByName.set(trimmed.toLowerCase(), id);
    return id;
  }
}
