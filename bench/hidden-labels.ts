/** Labels a first sync leaves out (includeSpamTrash is off by default). */
export const HIDDEN_LABELS = ['SPAM', 'TRASH'];

export function isHidden(labelIds: readonly string[] | undefined): boolean {
  return (labelIds ?? []).some((label) => HIDDEN_LABELS.includes(label));
}
