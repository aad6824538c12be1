/**
 * Reads the JSON list columns of `message_cache` (`to_addrs`, `labels`, …). Nearly every row
 * holds `[]` or one plain string, and rows repeat the same lists over and over, so: the empty
 * list is one shared array, a list of plain strings (no backslash to unescape) is split by hand,
 * anything else goes through JSON.parse; identical texts share one frozen array, so loading
 * allocates less and the figures' lookups meet the same string objects again.
 */
const EMPTY: string[] = Object.freeze([]) as unknown as string[];
const MAX_SHARED_LISTS = 200_000;

/** `["a","b"]` without escapes, by hand; null when the text needs a real JSON parser. */
function splitPlainList(json: string): string[] | null {
  if (json.charCodeAt(0) !== 91 || json.charCodeAt(1) !== 34 || json.indexOf('\\') !== -1) return null;
  const items: string[] = [];
  let start = 2;
  for (;;) {
    const end = json.indexOf('"', start);
    if (end === -1) return null;
    items.push(json.slice(start, end));
    const next = json.charCodeAt(end + 1);
    if (next === 93) return end + 2 === json.length ? items : null;
    if (next !== 44 || json.charCodeAt(end + 2) !== 34) return null;
    start = end + 3;
  }
}

function parseList(json: string): string[] {
  return Object.freeze(splitPlainList(json) ?? (JSON.parse(json) as string[])) as string[];
}

export function listReader(): (json: string) => string[] {
  const seen = new Map<string, string[]>();
  return (json) => {
    if (json === '[]') return EMPTY;
    let list = seen.get(json);
    if (list === undefined) {
      list = parseList(json);
      if (seen.size < MAX_SHARED_LISTS) seen.set(json, list);
    }
    return list;
  };
}

/**
 * Distinct lists numbered as they are first met, 0 being the empty list: a column of list numbers
 * is one Int32Array, and what depends only on a list (its contacts, whether it holds INBOX) is
 * worked out once per list. Stored lists are numbered by their JSON text, in-memory ones by identity.
 */
export class ListDictionary {
  readonly lists: Array<readonly string[]> = [EMPTY];
  /** Built on the first `ofJson` call for a dictionary read back from a snapshot (see {@link restored}). */
  #byText: Map<string, number> | null = new Map<string, number>();
  readonly #byArray = new Map<readonly string[], number>();

  /** A dictionary of stored lists as {@link jsonTexts} gave them, numbered as they were. */
  static restored(jsonTexts: readonly string[]): ListDictionary {
    const dictionary = new ListDictionary();
    for (const json of jsonTexts) dictionary.lists.push(parseList(json));
    dictionary.#byText = null;
    return dictionary;
  }

  /** The JSON text of every stored list but the empty one, in number order (what {@link restored} reads). */
  jsonTexts(): string[] {
    return this.lists.slice(1).map((list) => JSON.stringify(list));
  }

  /** The number of a stored list column's JSON text. */
  ofJson(json: string): number {
    if (json === '[]') return 0;
    this.#byText ??= new Map(this.lists.map((list, id) => [JSON.stringify(list), id]));
    let id = this.#byText.get(json);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(parseList(json));
      this.#byText.set(json, id);
    }
    return id;
  }

  /** The number of an in-memory list. */
  of(list: readonly string[]): number {
    if (list.length === 0) return 0;
    let id = this.#byArray.get(list);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(list);
      this.#byArray.set(list, id);
    }
    return id;
  }
}
