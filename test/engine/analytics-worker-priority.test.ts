/**
 * The analytics worker runs below the engine's thread (reports/background-priority.ts): on a busy
 * machine the thread that answers the window gets a core before the worker's report. Linux only:
 * there a thread's priority is its own, read from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../electron/engine/reports/background-priority.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openEngine, tempFolder } from './helpers.ts';
import { generated } from './random-changes.ts';

const ANALYTICS_WORKER = new URL('../../electron/engine/analytics-worker.ts', import.meta.url);
const AS_OF = Date.UTC(2026, 2, 10, 12);

/** Each thread of this process: its id and nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNices(): Map<string, number> {
  const nices = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nices.set(tid, Number(fields[16]));
  }
  return nices;
}

const onLinux = platform() === 'linux';

describe.runIf(onLinux)(
  'the analytics worker’s priority (Linux: a priority per thread; skipped elsewhere)',
  () => {
    it('computes below the engine’s thread, which keeps its own priority', async () => {
      const before = threadNices();
      const engine = openEngine({
        databasePath: join(tempFolder(), 'brief.db'),
        clock: () => AS_OF,
        analyticsWorker: ANALYTICS_WORKER,
      });
      const services = engineServicesForTests(engine);
      const account = services.accounts.createAccount({ address: 'me@example.com', provider: 'gmail' });
      const mail = generated(3, 200, true, AS_OF - 3_600_000, ['me@example.com']);
      services.messages.cacheBulk(
        account.id,
        'gmail',
        mail.map((facts) => ({ facts })),
      );
      services.rederive(account.id);
      await engine.call('analytics.report', { account: account.id, range: { preset: '30' } });
      const after = threadNices();
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === BACKGROUND_NICE);
      expect(lowered).toHaveLength(1);
      expect(after.get(String(process.pid))).toBe(before.get(String(process.pid)));
    });
  },
);
