import { TextDictionary } from './text-dictionary.ts';

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

/** A growable Int32Array: the item numbers of lists as they are added. */
class Int32Builder {
  values: Int32Array;
  length = 0;

  constructor(values: Int32Array, length = values.length) {
    this.values = values;
    this.length = length;
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(Math.max(16, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}

/**
 * Distinct lists numbered as they are first met, 0 being the empty list: a column of list numbers
 * is one Int32Array, and what depends only on a list (its contacts, whether it holds INBOX) is
 * worked out once per list. Stored lists are numbered by their JSON text, in-memory ones by identity.
 *
 * The lists' items (addresses, label ids) are numbered too, across lists: list l holds the items
 * `itemOf[itemStart[l] .. itemStart[l + 1])`. What depends only on an address (its contact
 * number) is then looked up once per address instead of once per list that carries it, and a
 * snapshot stores each address once.
 */
export class ListDictionary {
  readonly lists: Array<readonly string[]> = [EMPTY];
  readonly items: TextDictionary;
  readonly #itemStart: Int32Builder;
  readonly #itemOf: Int32Builder;
  /** Built on the first `ofJson` call for a dictionary read back from a snapshot (see {@link restored}). */
  #byText: Map<string, number> | null = new Map<string, number>();
  readonly #byArray = new Map<readonly string[], number>();

  constructor(
    items = new TextDictionary(),
    itemStart: Int32Array = Int32Array.of(0, 0),
    itemOf: Int32Array = new Int32Array(0),
  ) {
    this.items = items;
    this.#itemStart = new Int32Builder(itemStart);
    this.#itemOf = new Int32Builder(itemOf);
  }

  /** A dictionary of stored lists as a snapshot keeps them (see {@link itemStart} and {@link itemOf}), numbered as they were. */
  static restored(items: string[], itemStart: Int32Array, itemOf: Int32Array): ListDictionary {
    const dictionary = new ListDictionary(new TextDictionary(items), itemStart, itemOf);
    for (let list = 1; list + 1 < itemStart.length; list++) {
      const texts = new Array<string>(itemStart[list + 1]! - itemStart[list]!);
      for (let k = 0; k < texts.length; k++) texts[k] = items[itemOf[itemStart[list]! + k]!]!;
      dictionary.lists.push(Object.freeze(texts));
    }
    dictionary.#byText = null;
    return dictionary;
  }

  /** Where each list's item numbers start in {@link itemOf}, one more entry than there are lists. */
  get itemStart(): Int32Array {
    return this.#itemStart.view();
  }

  /** The item numbers of every list, list after list. */
  get itemOf(): Int32Array {
    return this.#itemOf.view();
  }

  /** The number of a stored list column's JSON text. */
  ofJson(json: string): number {
    if (json === '[]') return 0;
    this.#byText ??= new Map(this.lists.map((list, id) => [JSON.stringify(list), id]));
    let id = this.#byText.get(json);
    if (id === undefined) {
      id = this.#add(parseList(json));
      this.#byText.set(json, id);
    }
    return id;
  }

  /** The number of an in-memory list. */
  of(list: readonly string[]): number {
    if (list.length === 0) return 0;
    let id = this.#byArray.get(list);
    if (id === undefined) {
      id = this.#add(list);
      this.#byArray.set(list, id);
    }
    return id;
  }

  #add(list: readonly string[]): number {
    const id = this.lists.length;
    this.lists.push(list);
    for (const item of list) this.#itemOf.push(this.items.id(item));
    this.#itemStart.push(this.#itemOf.length);
    return id;
  }
}
