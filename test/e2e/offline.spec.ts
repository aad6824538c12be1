import { expect, test } from '@playwright/test';
import { demoBridgeForFile } from './serve.ts';

/**
 * When `brief serve` goes away the page says Offline and keeps the figures it last loaded,
 * on the view it shows and on the other views drawn from the same report.
 */
const demoBridge = demoBridgeForFile();

test('stopping the service shows the offline badge and keeps the cached dashboard', async ({ page }) => {
  const bridge = demoBridge();
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'All time' }).click();
  await expect(page.getByRole('region', { name: 'Sync progress' })).toHaveCount(0, { timeout: 30_000 });
  const coverage = page.getByRole('region', { name: 'Coverage' });
  await expect(coverage).toContainText(/[1-9][\d,]* messages/);
  await expect(coverage).not.toContainText('refreshing');
  const covered = await coverage.locator('.coverage__main strong').textContent();
  const firstHeadline = page
    .getByRole('region', { name: 'Headline figures' })
    .locator('.stat__value')
    .first();
  await expect(firstHeadline).toHaveText(/^[1-9][\d,]*$/);
  const headline = await firstHeadline.textContent();
  await expect(page.getByText('Offline', { exact: true })).toHaveCount(0);

  await bridge.kill();

  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  await expect(coverage.locator('.coverage__main strong')).toHaveText(covered ?? '');
  await expect(firstHeadline).toHaveText(headline ?? '');
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.locator('.heat:not(.heat-0)').first()).toBeVisible();

  await page.getByRole('tab', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'Top senders' }).locator('tbody tr').first()).toBeVisible();
  await expect(coverage.locator('.coverage__main strong')).toHaveText(covered ?? '');
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screens/offline-${colorScheme}.png` });
  }
});
