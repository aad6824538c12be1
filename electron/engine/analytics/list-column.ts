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

export function listReader(): (json: string) => string[] {
  const seen = new Map<string, string[]>();
  return (json) => {
    if (json === '[]') return EMPTY;
    let list = seen.get(json);
    if (list === undefined) {
      list = Object.freeze(splitPlainList(json) ?? (JSON.parse(json) as string[])) as string[];
      if (seen.size < MAX_SHARED_LISTS) seen.set(json, list);
    }
    return list;
  };
}
