/** Small readers for report keys beyond the typed core: a missing or malformed key reads as null. */
export type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rows(value: unknown): Row[] | null {
  return Array.isArray(value) ? value.filter(isRow) : null;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function field(row: unknown, ...path: string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (!isRow(value)) return undefined;
    value = value[key];
  }
  return value;
}
