import { invalidArgument } from './google-error.ts';

/** Query parameters every Google API method accepts (the discovery document's StandardParameters). */
const STANDARD = new Set([
  '$.xgafv',
  'access_token',
  'alt',
  'callback',
  'fields',
  'key',
  'oauth_token',
  'prettyPrint',
  'quotaUser',
  'uploadType',
  'upload_protocol',
]);

/** A method's query parameters: which exist and which repeat (arrays are repeated keys). */
export type ParamSpec = Record<string, 'single' | 'repeated'>;

/** Read access to one call's parameters; an unknown name is refused as Google refuses it. */
export class CallParams {
  readonly #query: URLSearchParams;

  constructor(query: URLSearchParams, spec: ParamSpec) {
    for (const name of query.keys()) {
      if (!(name in spec) && !STANDARD.has(name)) {
        throw invalidArgument(
          `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
        );
      }
    }
    this.#query = query;
  }

  string(name: string): string | undefined {
    return this.#query.get(name) ?? undefined;
  }

  /** Repeated keys, and (leniently) comma-joined values within each. */
  list(name: string): string[] {
    return this.#query
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
  }

  has(name: string): boolean {
    return this.#query.has(name);
  }

  bool(name: string, field: string): boolean {
    const value = this.#query.get(name);
    if (value === null) return false;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw invalidArgument(`Invalid value at '${field}' (TYPE_BOOL), "${value}"`);
  }

  /** maxResults: default when absent or 0, capped at `cap`. */
  maxResults(defaultValue: number, cap: number): number {
    const value = this.#query.get('maxResults');
    if (value === null) return defaultValue;
    if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) {
      throw invalidArgument(`Invalid value at 'max_results' (TYPE_UINT32), "${value}"`);
    }
    const n = Number(value);
    return n === 0 ? defaultValue : Math.min(n, cap);
  }
}

/** prettyPrint, read without validating the rest (for error answers). */
export function wantsPrettyPrint(query: URLSearchParams): boolean {
  return query.get('prettyPrint') !== 'false';
}
