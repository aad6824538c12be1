/**
 * `npm run screenshots`: every view of the dashboard, light and dark, at 1440 and 900 px wide,
 * into docs/screenshots/ (linked from the README), plus the first screen a new user sees. It
 * builds the app, serves it with `brief serve` on a fresh database holding the demo (seed 360,
 * 5,000 messages ending an hour ago), and photographs the 30-day range in Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.ts';
import { ROOT } from '../paths.ts';
import globalSetup from './global-setup.ts';
import { type Bridge, startBridge } from './serve.ts';
import { VIEWS, waitForIdle } from './views.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const WIDTHS = [1440, 900] as const;
const THEMES = ['light', 'dark'] as const;

type Shot = (page: import('@playwright/test').Page) => Promise<void>;

async function photograph(browser: Browser, url: string, name: string, prepare: Shot): Promise<string[]> {
  const written: string[] = [];
  for (const width of WIDTHS) {
    for (const colorScheme of THEMES) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(url);
      await prepare(page);
      const file = join(OUT, `${name}-${width}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      written.push(file);
      await page.close();
    }
  }
  return written;
}

async function main(): Promise<void> {
  globalSetup();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const bridges: Bridge[] = [];
  try {
    const empty = await startBridge();
    bridges.push(empty);
    const written = await photograph(browser, empty.url, 'onboarding', async (page) => {
      await page.getByRole('heading', { name: 'Welcome to 360Brief' }).waitFor();
    });
    const demo = await startBridge();
    bridges.push(demo);
    await demo.rpc('demo.create', { messages: 5000, seed: 360 });
    await waitForIdle(demo);
    for (const view of VIEWS) {
      written.push(
        ...(await photograph(browser, demo.url, view.toLowerCase(), async (page) => {
          await page.getByRole('tab', { name: view }).click();
          await page.getByRole('tabpanel', { name: view }).waitFor();
          await page
            .getByRole('region', { name: 'Coverage' })
            .getByText(/[1-9][\d,]* messages/)
            .waitFor();
        })),
      );
    }
    process.stdout.write(`${written.length} screenshots in ${OUT}\n`);
  } finally {
    await browser.close();
    for (const bridge of bridges) await bridge.stop();
  }
}

await main();
