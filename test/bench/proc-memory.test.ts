/** The memory rows read the child's /proc status: its peak, and what its RSS is made of. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { procMemory } from '../../bench/child.ts';

it('reads VmHWM, VmRSS, RssAnon and RssFile in bytes, and 0 for a line that is missing', () => {
  const status =
    'Name:\tnode\nVmHWM:\t  188652 kB\nVmRSS:\t  177200 kB\nRssAnon:\t  121600 kB\nRssFile:\t   55600 kB\n';
  expect(procMemory(status)).toEqual({
    hwm: 188652 * 1024,
    rss: 177200 * 1024,
    anon: 121600 * 1024,
    file: 55600 * 1024,
  });
  expect(procMemory('Name:\tnode\n')).toEqual({ hwm: 0, rss: 0, anon: 0, file: 0 });
});

it.runIf(process.platform === 'linux')(
  'on Linux, this process: anonymous and file pages add up to its RSS',
  () => {
    const own = procMemory(readFileSync('/proc/self/status', 'utf8'));
    expect(own.anon).toBeGreaterThan(0);
    expect(own.file).toBeGreaterThan(0);
    expect(own.hwm).toBeGreaterThanOrEqual(own.rss);
    // RssShmem is the third part; a node process maps next to none.
    expect(own.anon + own.file).toBeLessThanOrEqual(own.rss);
    expect(own.anon + own.file).toBeGreaterThan(own.rss * 0.9);
  },
);
