/**
 * The import rows start their child as `brief` starts: bin/brief.js's first line names the
 * environment (MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_) and the node flags of its memory profile, and the bench reads
 * both from there, so the figures measure the program a person runs.
 */
import { expect, it } from 'vitest';
import { cliLaunch } from '../../bench/built.ts';

it("reads the memory profile from bin/brief.js's first line: two malloc arenas, large blocks mapped, small young generation, slow heap growth", () => {
  expect(cliLaunch()).toEqual({
    env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' },
    flags: ['--max-semi-space-size=2', '--heap-growing-percent=50'],
  });
});
