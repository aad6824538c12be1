import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type Bridge, startBridge } from './serve.ts';
import { openOnData, VIEWS, waitForIdle } from './views.ts';

/**
 * The dashboard reads well and works without a mouse, on the demo: no horizontal scrolling at
 * 900 px, every drill-down column on screen, axe-core finding nothing serious or critical on any
 * view in either theme, the heatmap one tab stop, the focus back where it was after a drawer,
 * one tile's definition never stretching its neighbours, and desktop-only settings out of the
 * browser.
 */
let bridge: Bridge;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  bridge = await startBridge();
  await bridge.rpc('demo.create', { messages: 3000, seed: 7 });
  await waitForIdle(bridge);
});

test.afterAll(async () => {
  await bridge?.stop();
});

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('no view scrolls sideways at 900 px, and the drill-down drawer shows every column at 900 and 1440 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await openOnData(page, bridge);
  for (const view of VIEWS) {
    await page.getByRole('tab', { name: view }).click();
    await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
    expect(await horizontalOverflow(page), `${view} at 900 px`).toBeLessThanOrEqual(0);
  }
  for (const width of [900, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('table', { name: 'Top senders' }).locator('tbody tr button').first().click();
    const drawer = page.getByRole('dialog');
    const table = drawer.getByRole('table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    const box = (await drawer.boundingBox())!;
    for (const header of await table.locator('th').all()) {
      const cell = (await header.boundingBox())!;
      expect(cell.x + cell.width, `a column at ${width} px`).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    expect(
      await table.evaluate((node) => node.parentElement!.scrollWidth - node.parentElement!.clientWidth),
    ).toBe(0);
    await page.keyboard.press('Escape');
  }
});

test('axe-core finds nothing serious or critical on any view, drawer included, in either theme', async ({
  page,
}) => {
  // Fourteen full-page analyses and two of the drawer, a few seconds each on a busy machine.
  test.setTimeout(360_000);
  await openOnData(page, bridge);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const view of VIEWS) {
      await page.getByRole('tab', { name: view }).click();
      await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
        );
      expect(serious, `${view}, ${colorScheme}`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Add mail' }).click();
    const drawer = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(
      drawer.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      `Add mail, ${colorScheme}`,
    ).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('keyboard: the heatmap is one tab stop with arrow keys inside, and a drawer gives the focus back', async ({
  page,
}) => {
  await openOnData(page, bridge);
  await page.getByRole('tab', { name: 'Overview' }).click();
  const heatmap = page.locator('table.heatmap');
  await expect(heatmap.locator('button[tabindex="0"]')).toHaveCount(1);
  const start = heatmap.locator('button[tabindex="0"]');
  await start.focus();
  const first = await start.getAttribute('data-cell');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
  const [day, hour] = first!.split('-').map(Number);
  expect(moved).toBe(`${Math.min(6, day! + 1)}-${Math.min(23, hour! + 1)}`);
  await expect(heatmap.locator('button[tabindex="0"]')).toHaveCount(1);
  // Tab leaves the heatmap at once: one stop, not 168.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('table.heatmap') === null)).toBe(true);

  await page.getByRole('tab', { name: 'People' }).click();
  const opener = page.getByRole('table', { name: 'Top senders' }).locator('tbody tr button').first();
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('one tile’s definition does not stretch its neighbours; tables sort by any column', async ({ page }) => {
  await openOnData(page, bridge);
  await page.getByRole('tab', { name: 'Overview' }).click();
  const tiles = page.getByRole('region', { name: 'Headline figures' }).locator('.stat');
  const before = (await tiles.nth(1).boundingBox())!.height;
  await tiles.nth(0).getByText('How is this computed?').click();
  await expect(tiles.nth(0).locator('details')).toHaveAttribute('open', '');
  expect((await tiles.nth(0).boundingBox())!.height).toBeGreaterThan(before);
  expect((await tiles.nth(1).boundingBox())!.height).toBe(before);

  await page.getByRole('tab', { name: 'People' }).click();
  const senders = page.getByRole('table', { name: 'Top senders' });
  await senders.getByRole('button', { name: 'Sender' }).click();
  // Read the rows once the table says it is sorted (the click's render has happened).
  await expect(senders.locator('th').first()).toHaveAttribute('aria-sort', 'ascending');
  const names = await senders.locator('tbody tr td:first-child').allTextContents();
  expect(names).toEqual(
    [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })),
  );
});

test('settings only the desktop app can honour are not offered in the browser', async ({ page }) => {
  await openOnData(page, bridge);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByLabel('Theme')).toBeVisible();
  await expect(page.getByText('Keep syncing in the tray')).toHaveCount(0);
  await expect(page.getByText('Start 360Brief when I log in')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export diagnostics' })).toHaveCount(0);
  await expect(page.getByText('belong to the 360Brief desktop app')).toBeVisible();
});
