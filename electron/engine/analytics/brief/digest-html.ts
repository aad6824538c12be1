/**
 * `brief digest --format html` and the dashboard's "Save as HTML": one self-contained file that
 * reads well in a browser, printed, and pasted into or attached to a mail. Styles are inline (mail
 * clients drop stylesheets they do not trust) plus a small print block; there is no script, no
 * image and no remote resource. The only links are Gmail's (synced mail) and the senders' own
 * unsubscribe targets, and only `https:` and `mailto:` ones; every text from the mail is escaped.
 */

import {
  ageText,
  BRIEF_SECTIONS,
  briefSentences,
  DIGEST_LIST_LIMIT,
  localText,
} from '../../../../shared/brief-text.ts';
import type { Brief, BriefThread } from '../../../../shared/brief-types.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** A link only to https: or mailto: targets; anything else is shown as text. */
export function safeHref(target: string | null): string | null {
  if (target === null) return null;
  return /^(https:\/\/|mailto:)/i.test(target) ? target : null;
}

const STYLE = {
  // Single quotes inside: a double quote would end the style attribute.
  body: "margin:0;padding:24px;background:#ffffff;color:#1c2230;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5",
  page: 'max-width:720px;margin:0 auto',
  h1: 'font-size:24px;margin:0 0 4px',
  muted: 'color:#4a5468;margin:0 0 16px',
  h2: 'font-size:18px;margin:28px 0 6px;padding-top:12px;border-top:1px solid #d5dae3',
  table: 'border-collapse:collapse;width:100%;margin:8px 0',
  th: 'text-align:left;font-weight:600;padding:4px 8px 4px 0;border-bottom:1px solid #d5dae3;color:#4a5468;font-size:13px',
  td: 'padding:4px 8px 4px 0;border-bottom:1px solid #eceff4;vertical-align:top',
  link: 'color:#1d4ed8',
  new: 'display:inline-block;padding:0 6px;border-radius:8px;background:#dbeafe;color:#1e3a8a;font-size:12px',
  how: 'color:#4a5468;font-size:13px;margin:6px 0 0',
} as const;

const PRINT_CSS =
  '@media print{body{padding:0}a{color:#1c2230;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}}';

function link(target: string | null, text: string): string {
  const href = safeHref(target);
  return href === null
    ? escapeHtml(text)
    : `<a href="${escapeHtml(href)}" style="${STYLE.link}">${escapeHtml(text)}</a>`;
}

function table(headers: string[], rows: string[][], total: number): string {
  if (rows.length === 0) return '';
  const head = headers.map((header) => `<th style="${STYLE.th}">${escapeHtml(header)}</th>`).join('');
  const body = rows.map(
    (cells) => `<tr>${cells.map((cell) => `<td style="${STYLE.td}">${cell}</td>`).join('')}</tr>`,
  );
  const more =
    total > rows.length
      ? `<p style="${STYLE.how}">… and ${total - rows.length} more in the dashboard.</p>`
      : '';
  return `<table style="${STYLE.table}"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${more}`;
}

function threadTable(threads: BriefThread[], who: string, markNew: boolean): string {
  const rows = threads
    .slice(0, DIGEST_LIST_LIMIT)
    .map((thread) => [
      link(thread.gmailLink, thread.subject || '(no subject)') +
        (markNew && thread.isNew ? ` <span style="${STYLE.new}">new</span>` : ''),
      escapeHtml(thread.correspondent ?? '—'),
      escapeHtml(ageText(thread.ageMs)),
    ]);
  return table(['Subject', who, 'Waiting'], rows, threads.length);
}

function sectionBody(brief: Brief, id: (typeof BRIEF_SECTIONS)[number]['id']): string {
  switch (id) {
    case 'waitingOnYou':
      return threadTable(brief.waitingOnYou.threads, 'From', true);
    case 'waitingOnThem':
      return threadTable(brief.waitingOnThem.threads, 'To', false);
    case 'goingQuiet':
      return table(
        ['Contact', 'Exchanges', 'Last'],
        brief.goingQuiet
          .slice(0, DIGEST_LIST_LIMIT)
          .map((c) => [
            escapeHtml(c.address),
            String(c.exchanges),
            escapeHtml(localText(c.last, brief.timeZone)),
          ]),
        brief.goingQuiet.length,
      );
    case 'newsletters':
      return table(
        ['Sender', 'Unread', 'Unsubscribe'],
        brief.newsletters.senders
          .slice(0, DIGEST_LIST_LIMIT)
          .map((s) => [
            escapeHtml(s.address),
            String(s.count),
            s.unsubscribe ? link(s.unsubscribe, 'Unsubscribe') : '—',
          ]),
        brief.newsletters.senders.length,
      );
    default:
      return '';
  }
}

export function digestHtml(brief: Brief): string {
  const sentences = briefSentences(brief);
  const title = `360Brief — ${brief.account} — ${localText(brief.asOf, brief.timeZone)}`;
  const sections = BRIEF_SECTIONS.map(
    (section) =>
      `<h2 style="${STYLE.h2}">${escapeHtml(section.title)}</h2>` +
      `<p style="margin:0">${escapeHtml(sentences[section.id])}</p>` +
      sectionBody(brief, section.id) +
      `<p style="${STYLE.how}">How this is computed: ${escapeHtml(brief.definitions[section.definition])} ` +
      `(docs/metrics.md, section ${escapeHtml(section.definition)})</p>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    `</head><body style="${STYLE.body}"><div style="${STYLE.page}">`,
    `<h1 style="${STYLE.h1}">Your brief</h1>`,
    `<p style="${STYLE.muted}">${escapeHtml(brief.account)} · ${escapeHtml(sentences.asOf)}</p>`,
    ...sections,
    `<p style="${STYLE.how}">Computed on this device by 360Brief from your mail's headers.</p>`,
    '</div></body></html>',
    '',
  ].join('\n');
}
