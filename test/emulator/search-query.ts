/**
 * The part of Gmail's search syntax that clients send by default (`q`, where the scope allows it):
 * `label:`, `in:`, `is:`, `from:`, `to:`, `subject:`, `after:`/`before:`,
 * `newer_than:`/`older_than:`, words and quoted phrases, `OR`, `-` and parentheses, with AND
 * between terms. Anything else is refused with 400 rather than silently answered wrongly.
 */
import { invalidArgument } from './google-error.ts';
import type { LabelStore } from './labels.ts';
import type { StoredMessage } from './mailbox.ts';
import { bodyOf } from './raw-message.ts';

type Predicate = (message: StoredMessage) => boolean;

export interface CompiledQuery {
  matches: Predicate;
  /** SPAM / TRASH when the query names them (`in:spam`, `in:anywhere`), so they are not hidden. */
  reveals: Set<string>;
}

export interface QueryContext {
  labels: LabelStore;
  now: number;
  /** The mailbox owner, for `from:me` and `to:me`. */
  user: string;
}

const OPERATORS = 'label:, in:, is:, from:, to:, subject:, after:, before:, newer_than:, older_than:';
const IN_NAMES: Record<string, string> = {
  inbox: 'INBOX',
  sent: 'SENT',
  trash: 'TRASH',
  spam: 'SPAM',
  draft: 'DRAFT',
  drafts: 'DRAFT',
  chats: 'CHAT',
  starred: 'STARRED',
  important: 'IMPORTANT',
};
const IS_NAMES: Record<string, string> = {
  unread: 'UNREAD',
  starred: 'STARRED',
  important: 'IMPORTANT',
  chat: 'CHAT',
};

export function compileQuery(q: string, context: QueryContext): CompiledQuery {
  const parser = new QueryParser(tokenize(q), context);
  const matches = parser.sequence();
  if (!parser.done()) throw refused(`an unmatched ")" in "${q}"`);
  return { matches, reveals: parser.reveals };
}

type Token = { kind: 'open' | 'close' | 'or' | 'not' } | { kind: 'term'; text: string; quoted: boolean };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|(-)(?=\S)|("[^"]*")|([^\s()"]+(?:"[^"]*")?))/y;
  let rest = q.trim();
  while (rest !== '') {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (match === null) throw refused(`an unclosed quote in "${q}"`);
    rest = rest.slice(match[0].length).trimStart();
    if (match[1] !== undefined) tokens.push({ kind: 'open' });
    else if (match[2] !== undefined) tokens.push({ kind: 'close' });
    else if (match[3] !== undefined) tokens.push({ kind: 'not' });
    else if (match[4] !== undefined) tokens.push({ kind: 'term', text: match[4].slice(1, -1), quoted: true });
    else if (match[5] === 'OR') tokens.push({ kind: 'or' });
    else if (match[5] !== 'AND') tokens.push({ kind: 'term', text: match[5]!, quoted: false });
  }
  return tokens;
}

class QueryParser {
  readonly reveals = new Set<string>();
  readonly #tokens: Token[];
  readonly #context: QueryContext;
  #at = 0;

  constructor(tokens: Token[], context: QueryContext) {
    this.#tokens = tokens;
    this.#context = context;
  }

  done(): boolean {
    return this.#at === this.#tokens.length;
  }

  /** Terms joined by AND, up to a ")" or the end. */
  sequence(): Predicate {
    const all: Predicate[] = [];
    while (!this.done() && this.#tokens[this.#at]!.kind !== 'close') all.push(this.#either());
    return (m) => all.every((p) => p(m));
  }

  #either(): Predicate {
    const any = [this.#unary()];
    while (this.#tokens[this.#at]?.kind === 'or') {
      this.#at++;
      if (this.done()) throw refused('"OR" at the end of the query');
      any.push(this.#unary());
    }
    return any.length === 1 ? any[0]! : (m) => any.some((p) => p(m));
  }

  #unary(): Predicate {
    const token = this.#tokens[this.#at++];
    if (token === undefined) throw refused('a query that ends too early');
    if (token.kind === 'not') {
      const inner = this.#unary();
      return (m) => !inner(m);
    }
    if (token.kind === 'open') {
      const inner = this.sequence();
      if (this.#tokens[this.#at++]?.kind !== 'close') throw refused('a "(" without its ")"');
      return inner;
    }
    if (token.kind !== 'term') throw refused(`"${token.kind === 'or' ? 'OR' : ')'}" in the wrong place`);
    return token.quoted ? fullText(token.text) : this.#term(token.text);
  }

  #term(text: string): Predicate {
    const colon = text.indexOf(':');
    if (colon <= 0) return fullText(text);
    const key = text.slice(0, colon).toLowerCase();
    const raw = text.slice(colon + 1);
    const value = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
    if (value === '') throw refused(`"${text}" (the operator needs a value)`);
    switch (key) {
      case 'label':
      case 'in':
      case 'is':
        return this.#label(key, value, text);
      case 'from':
        return headerMatch(['from'], this.#me(value));
      case 'to':
        return headerMatch(['to', 'cc', 'bcc'], this.#me(value));
      case 'subject':
        return headerMatch(['subject'], value);
      case 'after':
      case 'before': {
        const instant = parseDate(value);
        if (instant === undefined) throw refused(`"${text}" (dates are YYYY/MM/DD or seconds since 1970)`);
        return key === 'after' ? (m) => m.internalDate >= instant : (m) => m.internalDate < instant;
      }
      case 'newer_than':
      case 'older_than': {
        const instant = this.#relative(value);
        if (instant === undefined) throw refused(`"${text}" (write a number and d, m or y)`);
        return key === 'newer_than' ? (m) => m.internalDate > instant : (m) => m.internalDate <= instant;
      }
      default:
        throw refused(`"${text}"`);
    }
  }

  #label(key: 'label' | 'in' | 'is', value: string, text: string): Predicate {
    const lower = value.toLowerCase();
    if (key === 'is') {
      if (lower === 'read') return (m) => !m.labelIds.includes('UNREAD');
      const label = IS_NAMES[lower];
      if (label === undefined) throw refused(`"${text}"`);
      return (m) => m.labelIds.includes(label);
    }
    if (key === 'in' && lower === 'anywhere') {
      this.reveals.add('SPAM');
      this.reveals.add('TRASH');
      return () => true;
    }
    const system = key === 'in' ? IN_NAMES[lower] : undefined;
    const found = system ?? this.#context.labels.findByName(value)?.id ?? this.#context.labels.get(value)?.id;
    // Gmail answers an unknown label name with no results, not an error.
    if (found === undefined) return () => false;
    if (found === 'SPAM' || found === 'TRASH') this.reveals.add(found);
    return (m) => m.labelIds.includes(found);
  }

  #me(value: string): string {
    return value.toLowerCase() === 'me' ? this.#context.user : value;
  }

  #relative(value: string): number | undefined {
    const match = /^(\d+)([dmy])$/i.exec(value);
    if (match === null) return undefined;
    const n = Number(match[1]);
    const date = new Date(this.#context.now);
    const unit = match[2]!.toLowerCase();
    if (unit === 'd') date.setUTCDate(date.getUTCDate() - n);
    else if (unit === 'm') date.setUTCMonth(date.getUTCMonth() - n);
    else date.setUTCFullYear(date.getUTCFullYear() - n);
    return date.getTime();
  }
}

function headerMatch(names: string[], value: string): Predicate {
  const needle = value.toLowerCase();
  return (m) =>
    m.headers.some((h) => names.includes(h.name.toLowerCase()) && h.value.toLowerCase().includes(needle));
}

/** A word or phrase: in the subject, the senders and recipients, or the body text. */
function fullText(phrase: string): Predicate {
  const needle = phrase.replace(/\s+/g, ' ').trim().toLowerCase();
  const searched = ['subject', 'from', 'to', 'cc'];
  return (m) => {
    if (
      m.headers.some((h) => searched.includes(h.name.toLowerCase()) && h.value.toLowerCase().includes(needle))
    )
      return true;
    const body = m.raw === undefined ? (m.body ?? '') : bodyOf(m.raw).toString('utf8');
    return body.replace(/\s+/g, ' ').toLowerCase().includes(needle);
  };
}

function parseDate(value: string): number | undefined {
  if (/^\d+$/.test(value) && value.length > 8) return Number(value) * 1000;
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (ymd !== null) return Date.UTC(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3]));
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (mdy !== null) return Date.UTC(Number(mdy[3]), Number(mdy[1]) - 1, Number(mdy[2]));
  return undefined;
}

function refused(what: string) {
  return invalidArgument(
    `Invalid query: the emulator understands ${OPERATORS} words, quoted phrases, OR, - and parentheses, not ${what}.`,
  );
}
