/** "Did you mean …?": the known name nearest to what was typed, when one is near enough to be meant. */

/** Edits between two words: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        distance[i - 1]![j]! + 1,
        distance[i]![j - 1]! + 1,
        distance[i - 1]![j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, distance[i - 2]![j - 2]! + 1);
      distance[i]![j] = best;
    }
  }
  return distance[a.length]![b.length]!;
}

/**
 * The candidate the person most likely meant: one or two slips away (one for short words, where
 * two would turn most words into most others), or the only candidate that starts with what was
 * typed. Case is ignored. Null when nothing is near.
 */
export function nearest(typed: string, candidates: readonly string[]): string | null {
  const word = typed.toLowerCase();
  if (word === '') return null;
  const allowed = word.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== null && bestDistance <= allowed) return best;
  const extending = candidates.filter((candidate) => candidate.toLowerCase().startsWith(word));
  return word.length >= 2 && extending.length === 1 ? extending[0]! : null;
}
