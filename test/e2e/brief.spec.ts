import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { CORPORA, hasCorpora } from '../paths.ts';
import { type Bridge, startBridge } from './serve.ts';

/**
 * The Brief in Chromium through `brief serve`: on the demo (every section, a thread's messages in
 * the drill-down, the HTML file downloaded, "new since the last brief" moving when the person
 * leaves it) and on an Enron import (taken as of its newest mail). Screenshots, light and dark,
 * land in test-results/screens/.
 */
let bridge: Bridge | undefined;

test.afterEach(async () => {
  await bridge?.stop();
  bridge = undefined;
});

async function finished(rpc: Bridge['rpc'], job: { id: number }): Promise<void> {
  await expect
    .poll(async () => (await rpc<{ status: string }>('jobs.get', { jobId: job.id })).status, {
      timeout: 90_000,
    })
    .toBe('completed');
}

async function openBrief(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('tab', { name: 'Brief' }).click();
  await expect(page.getByRole('region', { name: 'Waiting on you' })).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screens/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const SECTIONS = [
  'Waiting on you',
  'Waiting on them',
  'Going quiet',
  'Your reply time this week',
  'Newsletters you never read',
  'Coverage',
];

test('the Brief on the demo: every section in words, a thread opens, the HTML file downloads, leaving it moves the last brief', async ({
  page,
}) => {
  bridge = await startBridge();
  await bridge.rpc('settings.update', { timeZone: 'UTC' });
  const { job } = await bridge.rpc<{ job: { id: number } }>('demo.create', { messages: 3000, seed: 11 });
  await finished(bridge.rpc, job);
  await openBrief(page, bridge.url);
  await expect(page.getByRole('tab', { name: 'Brief' })).toHaveAttribute('aria-selected', 'true');
  for (const name of SECTIONS) {
    const section = page.getByRole('region', { name });
    await expect(section).toBeVisible();
    await expect(
      section.getByRole('button', { name: 'The full definition, with a worked example' }).last(),
    ).toBeVisible();
  }
  const waiting = page.getByRole('region', { name: 'Waiting on you' });
  await expect(waiting).toContainText(
    /\d+ threads? waits? on you \(oldest \d+ (days?|h)\), all new: this is your first brief\./,
  );
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(/[\d,]+ messages from /);
  await shoot(page, 'brief-demo');

  // The demo is not Gmail: a thread opens its messages in the drill-down.
  await waiting
    .getByTitle(/^Show the messages of/)
    .first()
    .click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('table')).toBeVisible();
  await expect(drawer.getByRole('row')).not.toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save as HTML' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^360brief-alex@example\.com-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('<h1');
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
  for (const url of html.match(/\bhttps?:\/\/[^\s"'<>)]+/gi) ?? [])
    expect(url).toMatch(/^https:\/\/mail\.google\.com\/|^https:/);

  // Leaving the Brief delivers it: back on it, nothing is new.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Brief' }).click();
  await expect(waiting).toContainText(/; 0 new since the last brief \(/);
});

test('the Brief on an Enron import is taken as of its newest mail, with its threads', async ({ page }) => {
  test.skip(!hasCorpora && process.env.CI !== 'true', `the shared corpora are not at ${CORPORA}`);
  bridge = await startBridge();
  await bridge.rpc('settings.update', { timeZone: 'UTC' });
  const job = await bridge.rpc<{ id: number }>('import.start', {
    paths: [join(CORPORA, 'enron', 'allen-p')],
    account: 'phillip.allen@enron.com',
  });
  await finished(bridge.rpc, job);
  await openBrief(page, bridge.url);
  await expect(
    page.getByText('As of the newest mail, 2 Jan 2002: this mail ended before the last 30 days.'),
  ).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Waiting on you' });
  await expect(waiting).toContainText(
    '17 threads wait on you (oldest 26 days), all new: this is your first brief.',
  );
  await expect(page.getByRole('region', { name: 'Waiting on them' })).toContainText(
    '17 threads of yours have waited 3 days or more',
  );
  await expect(page.getByRole('region', { name: 'Newsletters you never read' })).toContainText(
    'cannot tell which newsletters you never read',
  );
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(
    'Imported mail: 1,028 messages from 10 Dec 1999 to 2 Jan 2002.',
  );
  await shoot(page, 'brief-enron');
});
