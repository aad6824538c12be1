/**
 * The import's memory profile on the storing side: while an import job runs, SQLite's page cache
 * is small. An import appends rows and its indexes' pages come back from the operating system's
 * file cache cheaply, so the engine's usual 64 MB (kept for reports, which re-read whole accounts)
 * would only add to the import's peak. The usual size is back as soon as the last import ends,
 * before the analytics are warmed. Counted per store, should two imports ever overlap (the runner
 * runs one CPU-bound job at a time).
 */
import type { Store } from '../../db/store.ts';

/**
 * KiB of page cache while an import runs. 2 MB rather than 8: 5–6 MB less at the peak of the
 * four Enron users' import (130.5 against 136.2 MB, medians of 6 in turns), the engine thread's
 * CPU the same (784 ms both).
 */
export const IMPORT_PAGE_CACHE_KIB = 2048;

const running = new WeakMap<Store, { imports: number; usual: number }>();

export async function withImportPageCache<T>(store: Store, work: () => Promise<T>): Promise<T> {
  let state = running.get(store);
  if (state === undefined) {
    state = { imports: 0, usual: store.db.pragma('cache_size', { simple: true }) as number };
    running.set(store, state);
    store.db.pragma(`cache_size = -${IMPORT_PAGE_CACHE_KIB}`);
  }
  state.imports += 1;
  try {
    return await work();
  } finally {
    state.imports -= 1;
    if (state.imports === 0) {
      running.delete(store);
      store.db.pragma(`cache_size = ${state.usual}`);
    }
  }
}
