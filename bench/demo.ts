/** Row 11: `brief demo` end to end on a new database, as a person would run it. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './context.ts';
import { ms, now } from './measure.ts';
import { notMeasured, type RowGroup } from './row.ts';

const FIGURE = 'Demo end to end';
const TARGET = '< 10 s';
const PROTOCOL =
  '`node bin/brief.js demo --db <new file>` as a child process (default 20,000 generated messages: write the mbox, import, re-derive, warm, print the report); wall time from spawn to exit';

function run(database: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'brief.js'), 'demo', '--db', database], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

export const demoGroup: RowGroup = {
  name: 'demo',
  figures: [FIGURE],
  async run(context) {
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
      return [notMeasured(FIGURE, TARGET, 'not built: run `npm run build` first', PROTOCOL)];
    }
    const started = now();
    const { code, stderr } = await run(join(context.scratch('demo'), 'brief.db'));
    const elapsed = now() - started;
    if (code !== 0)
      return [
        notMeasured(FIGURE, TARGET, `brief demo exited ${code}: ${stderr.trim().slice(0, 200)}`, PROTOCOL),
      ];
    return [
      { figure: FIGURE, value: ms(elapsed), target: TARGET, pass: elapsed < 10_000, protocol: PROTOCOL },
    ];
  },
};
