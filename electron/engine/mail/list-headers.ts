/** The mailing-list and automation headers: List-Post, List-Unsubscribe and the "Automated" rule. */
import { normalizeAddress } from './addresses.ts';
import { firstHeader, type HeaderMap } from './headers.ts';

/** The `mailto:` address in a List-Post value, normalised; null when it has none (e.g. `NO`). */
export function listPostAddress(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = /mailto:([^>?,\s]+)/i.exec(value);
  if (!match) return null;
  let address = match[1]!;
  try {
    address = decodeURIComponent(address);
  } catch {
    // A broken percent-escape stays as written.
  }
  return normalizeAddress(address);
}

/** The unsubscribe target: the first https: URL in List-Unsubscribe, else its mailto:; null when none. */
export function unsubscribeTarget(value: string | undefined): string | null {
  if (value === undefined) return null;
  // `[^<>]`, not `[^>]`: on a value of many `<` and no `>` the latter rescans the rest from each `<` (quadratic).
  const targets = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.trim());
  if (targets.length === 0) targets.push(...value.split(',').map((t) => t.trim()));
  const https = targets.find((t) => /^https:/i.test(t));
  if (https) return https;
  return targets.find((t) => /^mailto:/i.test(t)) ?? null;
}

const AUTOMATED_LOCAL_PARTS = new Set([
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  'notifications',
  'mailer-daemon',
  'postmaster',
]);
const AUTOMATED_CATEGORIES = new Set(['CATEGORY_PROMOTIONS', 'CATEGORY_SOCIAL', 'CATEGORY_UPDATES']);
const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);

/** docs/metrics.md "The mail model", Automated: any of the four conditions. */
export function isAutomated(headers: HeaderMap, sender: string | null, labels: readonly string[]): boolean {
  const autoSubmitted = firstHeader(headers, 'auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.split(';')[0]!.trim().toLowerCase() !== 'no') return true;
  if (sender !== null) {
    const local = sender.slice(0, sender.lastIndexOf('@'));
    if (AUTOMATED_LOCAL_PARTS.has(local)) return true;
  }
  if (labels.some((label) => AUTOMATED_CATEGORIES.has(label))) return true;
  if (headers.has('list-post')) return false;
  if (headers.has('list-unsubscribe') || headers.has('list-id')) return true;
  const precedence = firstHeader(headers, 'precedence');
  return precedence !== undefined && BULK_PRECEDENCE.has(precedence.trim().toLowerCase());
}
