/**
 * The import's memory profile on the storing side (import-page-cache.ts): SQLite's page cache is
 * small while an import writes and derives, and the usual size is back before the warming job
 * (which computes reports) runs.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { IMPORT_PAGE_CACHE_KIB } from '../../electron/engine/sources/import/import-page-cache.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openEngine, REPLY_WALK_PATHS } from './helpers.ts';

const cacheSize = (engine: Engine) =>
  engineServicesForTests(engine).store.db.pragma('cache_size', { simple: true });

/** The page cache size seen at each progress report of an import and at the start of each warming. */
function watchCacheSizes(engine: Engine) {
  const seen = { importing: new Set<unknown>(), warming: new Set<unknown>() };
  engine.on('job-progress', () => seen.importing.add(cacheSize(engine)));
  engine.on('job-state', (event) => {
    if (event.type === 'warm_cache' && event.status === 'processing') seen.warming.add(cacheSize(engine));
  });
  return seen;
}

describe('the page cache during an import', () => {
  it('is small while the import runs and back to the usual size before the warming', async () => {
    const engine = openEngine();
    try {
      const usual = cacheSize(engine);
      expect(usual).toBe(-65536);
      const seen = watchCacheSizes(engine);
      await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'alice@example.com' });
      await engine.runner.runUntilIdle();
      expect([...seen.importing]).toEqual([-IMPORT_PAGE_CACHE_KIB]);
      expect([...seen.warming]).toEqual([usual]);
      expect(cacheSize(engine)).toBe(usual);
    } finally {
      await engine.close();
    }
  });
});
