import { expect, type Page, test } from '@playwright/test';
import { type Bridge, startBridge } from './serve.ts';

/**
 * One walk through the product on a fresh database: onboarding, the demo, every view with real
 * figures (screenshots light and dark), drill-down, and the warm-cache draw time.
 */
let bridge: Bridge;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  bridge = await startBridge();
});

test.afterAll(async () => {
  await bridge?.stop();
});

const VIEWS = ['Overview', 'People', 'Threads', 'Newsletters', 'Labels', 'Activity', 'Settings'] as const;

/** Opens the dashboard on the whole mailbox (a new browser context remembers no range). */
async function open(page: Page): Promise<void> {
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(/[1-9][\d,]* messages/);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screens/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('first run offers the three ways in, and the demo fills the dashboard', async ({ page }) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to 360Brief' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Connect Gmail' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import a Takeout or mail folder' })).toBeVisible();
  await shoot(page, 'onboarding');

  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  // The dashboard fills in while the demo lands; wait for its job to finish.
  await expect(page.getByRole('region', { name: 'Sync progress' })).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(/[1-9][\d,]* messages/);
});

test('every view renders real figures', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Overview' }).click();
  const headlines = page.getByRole('region', { name: 'Headline figures' });
  await expect(headlines.locator('.stat__value').first()).toHaveText(/^[1-9][\d,]*$/);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.locator('.heat:not(.heat-0)').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'My response time' })).toContainText('Median');
  await expect(page.getByRole('region', { name: 'Awaiting reply' })).toBeVisible();
  await expect(page.getByText('How is this computed?').first()).toBeVisible();
  await shoot(page, 'overview');

  // The coverage definition opens the bundled docs/metrics.md at its section.
  const coverageHow = page.getByRole('region', { name: 'Coverage' }).locator('details');
  await coverageHow.getByText('How is this computed?').click();
  await coverageHow.getByRole('button', { name: 'The full definition, with a worked example' }).click();
  const metricsPage = page.getByRole('dialog', { name: 'How every figure is computed' });
  await expect(metricsPage.getByRole('heading', { name: 'Coverage', exact: true })).toBeInViewport();
  await shoot(page, 'metrics-page');
  await page.keyboard.press('Escape');
  await expect(metricsPage).toHaveCount(0);

  await page.getByRole('tab', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'Top senders' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Relationships' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('.network__node').first()).toBeVisible();
  await shoot(page, 'people');

  await page.getByRole('tab', { name: 'Threads' }).click();
  await expect(
    page.getByRole('table', { name: 'Longest threads' }).locator('tbody tr').first(),
  ).toBeVisible();
  await shoot(page, 'threads');

  await page.getByRole('tab', { name: 'Newsletters' }).click();
  await expect(
    page.getByRole('table', { name: 'Newsletters and bulk senders' }).locator('tbody tr').first(),
  ).toBeVisible();
  const unsubscribe = page.locator('a[target="_blank"][rel="noopener noreferrer"]').first();
  await expect(unsubscribe).toBeVisible();
  await shoot(page, 'newsletters');

  await page.getByRole('tab', { name: 'Labels' }).click();
  await expect(
    page.getByRole('table', { name: 'Messages per label' }).locator('tbody tr').first(),
  ).toBeVisible();
  await shoot(page, 'labels');

  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Caches' })).toContainText('Messages stored');
  await shoot(page, 'activity');

  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByText('Your addresses')).toBeVisible();
  await expect(page.getByText('Working hours').first()).toBeVisible();
  await shoot(page, 'settings');

  for (const name of VIEWS) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('region', { name: 'Coverage' })).toBeVisible();
  }
});

test('drilling into a top sender lists their messages with Gmail links where there are Gmail ids', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('tab', { name: 'People' }).click();
  const first = page
    .getByRole('table', { name: 'Top senders' })
    .locator('tbody tr')
    .first()
    .getByRole('button');
  await first.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('tbody tr').first()).toBeVisible();
  await expect(drawer).toContainText(/[1-9][\d,]* messages/);
  await shoot(page, 'drilldown');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.locator('.heat:not(.heat-0)').first().click();
  await expect(page.getByRole('dialog').locator('tbody tr').first()).toBeVisible();
});

test('keyboard: arrow keys move between views', async ({ page }) => {
  await page.goto(bridge.url);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'People' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'People' })).toBeFocused();
});

/** The Overview's figures as drawn: each headline tile's label and value, the coverage, the bars. */
async function drawnOverview(page: Page) {
  const tiles = page.locator('.stat');
  return {
    tiles: await tiles.evaluateAll((nodes) =>
      nodes.map((node) => [
        node.querySelector('.stat__label')?.textContent ?? '',
        node.querySelector('.stat__value')?.textContent ?? '',
      ]),
    ),
    coverage: await page.getByRole('region', { name: 'Coverage' }).textContent(),
    bars: await page.locator('.recharts-bar-rectangle').count(),
  };
}

// How fast it draws is the bench's "Dashboard drawn" row (bench/dashboard.ts, < 1 s): this test
// checks what a reload from the warm cache draws, not how long it takes.
test('dashboard drawn from a warm cache: every Overview chart, with the figures drawn before the reload', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.locator('.heatmap')).not.toHaveCount(0);
  const before = await drawnOverview(page);
  expect(before.tiles.length).toBeGreaterThan(0);
  expect(before.tiles.every(([label, value]) => label !== '' && /\d/.test(value ?? ''))).toBe(true);
  expect(before.coverage).toMatch(/[1-9][\d,]* messages/);

  await page.reload();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.recharts-bar-rectangle').length > 0 &&
      document.querySelectorAll('.heatmap').length > 0 &&
      document.querySelectorAll('.stat__value').length > 0,
  );
  // The warm cache answers the same report: the same tiles, coverage and bars.
  expect(await drawnOverview(page)).toEqual(before);
});
