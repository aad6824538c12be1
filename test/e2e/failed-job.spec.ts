import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { zipStored } from '../engine/zip-writer.ts';
import { type Bridge, startBridge } from './serve.ts';

/**
 * An import of an unreadable zip fails with a message the person can act on; once the file is
 * replaced, Retry in the jobs panel runs the same job again and the figures appear.
 */
const OWNER = 'me@example.com';

/** A small mailbox: two letters received, two sent, in one thread and another. */
function smallMbox(): Buffer {
  const message = (n: number, from: string, to: string, date: string, extra = '') =>
    [
      `From ${from} ${date}`,
      `From: ${from}`,
      `To: ${to}`,
      `Subject: Planning ${n}`,
      `Date: ${date}`,
      `Message-ID: <plan-${n}@example.org>`,
      ...(extra ? [extra] : []),
      '',
      `Note ${n}.`,
      '',
      '',
    ].join('\n');
  return Buffer.from(
    [
      message(1, 'ana@example.org', OWNER, 'Mon, 02 Nov 2026 09:00:00 +0000'),
      message(
        2,
        OWNER,
        'ana@example.org',
        'Mon, 02 Nov 2026 10:30:00 +0000',
        'In-Reply-To: <plan-1@example.org>',
      ),
      message(3, 'bo@example.net', OWNER, 'Tue, 03 Nov 2026 14:00:00 +0000'),
      message(
        4,
        OWNER,
        'bo@example.net',
        'Wed, 04 Nov 2026 08:15:00 +0000',
        'In-Reply-To: <plan-3@example.org>',
      ),
    ].join(''),
  );
}

let bridge: Bridge | undefined;
let folder: string | undefined;

test.beforeAll(async () => {
  bridge = await startBridge();
  folder = mkdtempSync(join(tmpdir(), 'brief-e2e-import-'));
});

test.afterAll(async () => {
  await bridge?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('a failed import shows its message, and Retry in the jobs panel completes it once the file is fixed', async ({
  page,
}) => {
  if (!bridge || !folder) throw new Error('the bridge did not start');
  const archive = join(folder, 'bad.zip');
  writeFileSync(archive, 'this is not a zip archive\n');

  await page.goto(bridge.url);
  await page.getByLabel('Your address in this mail').fill(OWNER);
  await page.getByLabel('Files or folders on this computer, one path per line').fill(archive);
  await page.getByRole('button', { name: 'Import' }).click();

  // The import creates the account, so the dashboard opens; its Activity view lists the job.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const row = page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').filter({ hasText: 'Import' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.status')).toHaveText('failed');
  await expect(row).toContainText(`${archive} is not a readable zip archive`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screens/failed-job-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  writeFileSync(archive, zipStored([{ name: 'Takeout/Mail/All mail.mbox', data: smallMbox() }]));
  await row.getByRole('button', { name: 'Retry' }).click();

  await expect(row.locator('.status')).toHaveText('completed');
  await expect(row).not.toContainText('not a readable zip archive');
  await expect(row.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await page.getByRole('button', { name: 'All time' }).click();
  await page.getByRole('tab', { name: 'Overview' }).click();
  const coverage = page.getByRole('region', { name: 'Coverage' });
  await expect(coverage).toContainText('4 messages');
  await expect(coverage).toContainText('2 sent · 2 received');
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
});
