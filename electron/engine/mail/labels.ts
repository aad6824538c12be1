/**
 * Labels of imported mail (docs/metrics.md "The mail model", Labels): a Takeout `X-Gmail-Labels`
 * header when there is one, otherwise the mail folder's name.
 */
const TAKEOUT_SYSTEM: Record<string, string> = {
  inbox: 'INBOX',
  sent: 'SENT',
  drafts: 'DRAFT',
  spam: 'SPAM',
  trash: 'TRASH',
  unread: 'UNREAD',
  starred: 'STARRED',
  important: 'IMPORTANT',
};
const TAKEOUT_DROPPED = new Set(['opened', 'archived']);

/** Maps a Takeout `X-Gmail-Labels` value (comma-separated names, quoted when they hold a comma) to label ids. */
export function labelsFromTakeout(value: string): string[] {
  const labels: string[] = [];
  for (const raw of splitLabelNames(value)) {
    const name = raw.trim();
    if (name === '') continue;
    const lower = name.toLowerCase();
    if (TAKEOUT_DROPPED.has(lower)) continue;
    const system = TAKEOUT_SYSTEM[lower];
    let label = name;
    if (system) label = system;
    else if (lower.startsWith('category '))
      label = `CATEGORY_${name.slice('category '.length).trim().toUpperCase()}`;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

function splitLabelNames(value: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  return names;
}

const FOLDER_SYSTEM: Record<string, string> = {
  sent: 'SENT',
  'sent items': 'SENT',
  'sent mail': 'SENT',
  'sent messages': 'SENT',
  inbox: 'INBOX',
  drafts: 'DRAFT',
  trash: 'TRASH',
  'deleted items': 'TRASH',
  'deleted messages': 'TRASH',
  bin: 'TRASH',
  spam: 'SPAM',
  junk: 'SPAM',
  'junk e-mail': 'SPAM',
  'junk email': 'SPAM',
};

/** The folder name a file or folder stands for: its base name without `.gz`, `.mbox` or `.mbx`. */
export function folderNameOf(baseName: string): string {
  return baseName.replace(/\.gz$/i, '').replace(/\.(mbox|mbx)$/i, '');
}

function systemLabelOf(name: string): string | undefined {
  const key = name.toLowerCase().replace(/_/g, ' ').replace(/^ +/, '');
  return FOLDER_SYSTEM[key];
}

/**
 * Label ids for a mail folder name (already without extension): a system label when the name
 * (or, for a dotted name, its first segment) is one; a dotted name is also kept whole as a user
 * label; any other name is a user label.
 */
export function labelsFromFolderName(name: string): string[] {
  if (name === '') return [];
  const dot = name.indexOf('.');
  if (dot === -1) {
    const system = systemLabelOf(name);
    return [system ?? name];
  }
  const system = systemLabelOf(name.slice(0, dot));
  return system ? [system, name] : [name];
}
