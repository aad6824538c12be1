import { BriefError } from '../../shared/errors.ts';

export interface LabelSettings {
  name: string;
  messageListVisibility?: 'show' | 'hide';
  labelListVisibility?: 'labelShow' | 'labelShowIfUnread' | 'labelHide';
  color?: { textColor: string; backgroundColor: string };
}

export interface LabelRecord extends LabelSettings {
  id: string;
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

  /** A label whose name matches case-insensitively (system names included, as Gmail reserves them). */
  findByName(name: string): LabelRecord | undefined {
    const id = this.#idByName.get(name.trim().toLowerCase());
    if (id !== undefined) return this.#byId.get(id);
    const system = this.#byId.get(name.trim().toUpperCase());
    return system?.type === 'system' ? system : undefined;
  }

  /** labels.create: a new user label with the next `Label_<n>` id. */
  create(settings: LabelSettings): LabelRecord {
    const record: LabelRecord = { ...settings, id: `Label_${this.#nextUserLabel++}`, type: 'user' };
    this.#byId.set(record.id, record);
    this.#idByName.set(record.name.toLowerCase(), record.id);
    return record;
  }

  /** labels.patch of a user label: the given fields change, the rest stay. */
  patch(id: string, changes: Partial<LabelSettings>): LabelRecord {
    const record = this.#byId.get(id)!;
    if (changes.name !== undefined) {
      this.#idByName.delete(record.name.toLowerCase());
      this.#idByName.set(changes.name.toLowerCase(), id);
    }
    Object.assign(record, changes);
    return record;
  }

  /** Forgets a user label (the mailbox takes it off its messages first). */
  remove(id: string): void {
    const record = this.#byId.get(id);
    if (record === undefined || record.type === 'system') return;
    this.#byId.delete(id);
    this.#idByName.delete(record.name.toLowerCase());
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
