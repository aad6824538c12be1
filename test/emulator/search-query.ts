import { invalidArgument } from './google-error.ts';
import type { LabelStore } from './labels.ts';
import type { StoredMessage } from './mailbox.ts';

type Predicate = (message: StoredMessage) => boolean;

const SUPPORTED = 'label:, in:, is:, from:, to:, subject:, after: and before:';

/**
 * The small part of Gmail's search syntax the emulator understands (`q` under gmail.readonly);
 * anything else is refused with 400 rather than silently answered wrongly.
 */
export function compileQuery(q: string, labels: LabelStore): Predicate {
  const predicates = q
    .trim()
    .split(/\s+/)
    .filter((term) => term !== '')
    .map((term) => compileTerm(term, labels));
  return (message) => predicates.every((predicate) => predicate(message));
}

function compileTerm(term: string, labels: LabelStore): Predicate {
  const colon = term.indexOf(':');
  const key = colon > 0 ? term.slice(0, colon).toLowerCase() : '';
  const value = colon > 0 ? term.slice(colon + 1) : '';
  if (value === '') throw unsupported(term);
  switch (key) {
    case 'label':
    case 'in':
    case 'is': {
      const label = labelFor(key, value, labels);
      if (label === undefined) throw invalidArgument(`Invalid label: ${value}`);
      return (m) => m.labelIds.includes(label);
    }
    case 'from':
    case 'to':
    case 'subject': {
      const needle = value.toLowerCase();
      return (m) =>
        m.headers.some((h) => h.name.toLowerCase() === key && h.value.toLowerCase().includes(needle));
    }
    case 'after':
    case 'before': {
      const instant = parseInstant(value);
      if (instant === undefined) throw unsupported(term);
      return key === 'after' ? (m) => m.internalDate >= instant : (m) => m.internalDate < instant;
    }
    default:
      throw unsupported(term);
  }
}

function labelFor(key: string, value: string, labels: LabelStore): string | undefined {
  const upper = value.toUpperCase();
  if (key !== 'label' && labels.get(upper)?.type === 'system') return upper;
  if (key === 'label') {
    const byId = labels.get(value) ?? labels.get(upper);
    if (byId !== undefined) return byId.id;
    return labels.all().find((l) => l.name.toLowerCase() === value.toLowerCase())?.id;
  }
  return undefined;
}

function parseInstant(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (match === null) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function unsupported(term: string) {
  return invalidArgument(`Invalid query: the emulator understands only ${SUPPORTED} terms, not "${term}".`);
}
