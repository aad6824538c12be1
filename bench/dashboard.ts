/**
 * Dashboard drawn: Chromium through `brief serve` on a demo database whose analytics cache is
 * warm; from navigation start to every Overview chart rendered, read as performance.now() in the
 * page when the last chart appears. Needs the build and Debian's Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../test/chromium.ts';
import { ROOT } from './context.ts';
import { median, ms } from './measure.ts';
import { notMeasured, type RowGroup } from './row.ts';

const FIGURE = 'Dashboard drawn';
const TARGET = '< 1 s';
const CHROMIUM = CHROMIUM_LAUNCH_OPTIONS.executablePath;
const RUNS = 5;
const PROTOCOL = `brief serve on a 20,000-message demo database, Overview opened once to warm the cache, then ${RUNS} reloads in headless Chromium (${CHROMIUM}); per reload performance.now() when the volume bars, the heatmap and the headline figures are all in the page (navigation start = 0); median`;

function brief(args: string[]): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin', 'brief.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`brief serve exited ${code} before printing its URL`)));
  });
}

function finished(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('close', resolve));
}

export const dashboardGroup: RowGroup = {
  name: 'dashboard',
  figures: [FIGURE],
  async run(context) {
    if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
      return [notMeasured(FIGURE, TARGET, 'not built: run `npm run build` first', PROTOCOL)];
    }
    if (!existsSync(CHROMIUM)) return [notMeasured(FIGURE, TARGET, `no Chromium at ${CHROMIUM}`, PROTOCOL)];
    const database = join(context.scratch('dashboard'), 'brief.db');
    const demo = brief(['demo', '--db', database]);
    if ((await finished(demo)) !== 0) return [notMeasured(FIGURE, TARGET, 'brief demo failed', PROTOCOL)];
    const serve = brief(['serve', '--db', database, '--port', '0']);
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    try {
      const { url } = JSON.parse(await firstLine(serve)) as { url: string };
      const page = await browser.newPage();
      const drawn = () =>
        page.waitForFunction(
          () => {
            // Runs in the page; this file is type-checked against Node, so the DOM is reached untyped.
            const { document } = globalThis as unknown as {
              document: { querySelectorAll(s: string): { length: number } };
            };
            return (
              document.querySelectorAll('.recharts-bar-rectangle').length > 0 &&
              document.querySelectorAll('.heatmap').length > 0 &&
              document.querySelectorAll('.stat__value').length > 0
            );
          },
          undefined,
          { timeout: 30_000 },
        );
      await page.goto(url);
      await drawn();
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await page.reload();
        await drawn();
        samples.push(await page.evaluate(() => performance.now()));
      }
      const value = median(samples);
      return [
        {
          figure: FIGURE,
          value: `${ms(value)} (median of ${RUNS}; runs ${samples.map(ms).join(', ')})`,
          target: TARGET,
          pass: value < 1000,
          protocol: PROTOCOL,
        },
      ];
    } finally {
      await browser.close();
      serve.kill('SIGTERM');
      await finished(serve);
    }
  },
};
