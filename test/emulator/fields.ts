/**
 * Partial responses: Google's `fields` parameter (`nextPageToken,messages/id`,
 * `messages(id,threadId)`, `payload/headers(name)`, `*`). The selection is parsed and checked
 * against the method's response schema before any quota is spent; a successful answer keeps only
 * what was selected, so a client that reads a field it did not ask for finds nothing there.
 */
import { ApiError } from './google-error.ts';
import { RESPONSE_SCHEMAS, type SchemaName } from './response-schemas.ts';

/** Selected names at one level; null means the whole value. */
export type Selection = Map<string, Selection | null>;

export function invalidFieldSelection(detail: string): ApiError {
  return new ApiError(400, 'INVALID_ARGUMENT', {
    message: `Invalid field selection ${detail}`,
    domain: 'global',
    reason: 'invalidParameter',
    location: 'fields',
    locationType: 'parameter',
  });
}

/** Parses and checks `fields` for a response of `schema`; undefined when absent or empty. */
export function parseFields(text: string | undefined, schema: SchemaName | null): Selection | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (schema === null) throw invalidFieldSelection(text);
  const parser = new FieldParser(text.replace(/\s+/g, ''));
  const selection = parser.list();
  if (!parser.done()) throw invalidFieldSelection(text);
  check(selection, schema);
  return selection;
}

class FieldParser {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  done(): boolean {
    return this.#at === this.#text.length;
  }

  list(): Selection {
    const selection: Selection = new Map();
    do {
      this.#item(selection);
    } while (this.#take(','));
    return selection;
  }

  #item(into: Selection): void {
    const path = [this.#name()];
    while (this.#take('/')) path.push(this.#name());
    const sub = this.#take('(') ? this.list() : null;
    if (sub !== null && !this.#take(')')) throw invalidFieldSelection(this.#text);
    let level = into;
    for (const [index, name] of path.entries()) {
      const last = index === path.length - 1;
      const existing = level.get(name);
      if (last) {
        level.set(name, merge(existing, sub));
        return;
      }
      if (existing === null) return;
      const next = existing ?? new Map();
      level.set(name, next);
      level = next;
    }
  }

  #name(): string {
    const match = /^(?:\*|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.#text.slice(this.#at));
    if (match === null) throw invalidFieldSelection(this.#text);
    this.#at += match[0].length;
    return match[0];
  }

  #take(char: string): boolean {
    if (this.#text[this.#at] !== char) return false;
    this.#at++;
    return true;
  }
}

/** Two selections of one field: the whole field wins; otherwise the union. */
function merge(a: Selection | null | undefined, b: Selection | null): Selection | null {
  if (a === null || b === null) return null;
  if (a === undefined) return b;
  for (const [name, sub] of b) a.set(name, merge(a.get(name), sub));
  return a;
}

function check(selection: Selection, schema: SchemaName): void {
  const properties = RESPONSE_SCHEMAS[schema];
  for (const [name, sub] of selection) {
    if (name === '*') {
      if (sub !== null) throw invalidFieldSelection(`*(…) in ${schema}`);
      continue;
    }
    const type = properties[name];
    if (type === undefined) throw invalidFieldSelection(name);
    if (sub === null) continue;
    if (type === 'scalar') throw invalidFieldSelection(`${name} (it has no sub-fields)`);
    check(sub, type);
  }
}

/** The answer with only the selected fields (arrays are selected element by element). */
export function applyFields(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((item) => applyFields(item, selection));
  if (typeof value !== 'object' || value === null) return value;
  if (selection.has('*') && selection.size === 1) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!selection.has(key) && !selection.has('*')) continue;
    const sub = selection.get(key);
    if (sub === undefined || sub === null) {
      out[key] = inner;
      continue;
    }
    const picked = applyFields(inner, sub);
    if (isEmptyObject(picked)) continue;
    out[key] = picked;
  }
  return out;
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}
