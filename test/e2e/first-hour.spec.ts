import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { CORPORA, corporaMissing, EXPECTED, requireCorpora, skipWithoutCorpora } from '../paths.ts';
import { type Bridge, startBridge } from './serve.ts';

/**
 * The first hour on real mail, as a new user has it in a browser: an Enron archive (its mail
 * ended on 28 January 2002) imported from the first screen opens on its own mail, says so, and
 * reports what the import found; more mail is added afterwards by dropping files, and both
 * accounts show what they are.
 */
const BECK = join(CORPORA, 'enron', 'beck-s');
/** A small hand-built mailbox of the expected reports (March 2025), as two mbox files. */
const REPLY_WALK_PATHS = ['inbox.mbox', 'sent.mbox'].map((name) =>
  join(EXPECTED, 'cases', '01-reply-walk', name),
);
const count = new Intl.NumberFormat('en-US');

let bridge: Bridge;

test.describe.configure({ mode: 'serial' });
test.skip(skipWithoutCorpora, corporaMissing);

test.beforeAll(async () => {
  bridge = await startBridge();
});

test.afterAll(async () => {
  await bridge?.stop();
});

const coverage = (page: Page) => page.getByRole('region', { name: 'Coverage' });

test('an Enron import opens on its own mail, says where it ends, and reports what it found', async ({
  page,
}) => {
  requireCorpora();
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Welcome to 360Brief' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      `first screen, ${colorScheme}`,
    ).toEqual([]);
  }
  await page.getByLabel('Your address in this mail').fill('sally.beck@enron.com');
  await page.getByLabel('Files or folders on this computer, one path per line').fill(BECK);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  // Progress speaks of messages and files, in bytes with their unit.
  const result = page.getByRole('region', { name: /^Import #\d+$/ });
  await expect(result).toContainText('Import into sally.beck@enron.com finished', { timeout: 90_000 });
  const stored = await bridge.rpc<Array<{ address: string; id: number }>>('accounts.list');
  const stats = await bridge.rpc<{ count: number }>('messages.stats', { accountId: stored[0]!.id });
  await expect(result).toContainText(`${count.format(stats.count)} new messages from`);
  await expect(result).toContainText('merged as duplicates');

  // The default range is 30 days: anchored on the archive's last day, not empty.
  await expect(page.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('status').filter({ hasText: 'Showing the last 30 days of this mail' }),
  ).toContainText('to 28 Jan 2002');
  await expect(coverage(page)).toContainText(/[1-9][\d,]* messages/);
  await expect(coverage(page)).toContainText('imported files');
  await expect(coverage(page)).toContainText(`${count.format(stats.count)} stored; not counted:`);
  await expect(page.getByText('No dated messages in this range.')).toHaveCount(0);
  const headlines = page.getByRole('region', { name: 'Headline figures' });
  await expect(headlines.locator('.stat__value').first()).toHaveText(/^[1-9][\d,]*$/);
  // Awaiting reply works as of the range end for an archive.
  await expect(page.getByRole('region', { name: 'Awaiting reply' })).toContainText(/Waiting on me\s*[1-9]/i);

  // Calendar dates are one click away, and say where the mail is with a way back.
  await page.getByRole('button', { name: 'Show calendar dates' }).click();
  const empty = page.getByRole('status').filter({ hasText: 'No mail in this range' });
  await expect(empty).toContainText('28 Jan 2002');
  await page.getByRole('button', { name: 'Show the last 30 days of this mail' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showing the last 30 days' })).toBeVisible();
});

test('more mail any time: Add mail takes dropped files, imports them and says what was skipped', async ({
  page,
}) => {
  requireCorpora();
  // The new import waits its turn behind the archive's warming (one CPU-bound job at a time).
  test.setTimeout(300_000);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Add mail' }).click();
  const panel = page.getByRole('dialog', { name: 'Add mail' });
  await expect(panel.getByRole('heading', { name: 'Connect Gmail' })).toBeVisible();
  await panel.getByLabel('Your address in this mail').fill('me@example.com');
  // A browser cannot name a path: the files travel to `brief serve`, a text file among them.
  await panel.getByLabel('Choose files…').setInputFiles([
    ...REPLY_WALK_PATHS.map((path) => ({
      name: path.slice(path.lastIndexOf('/') + 1),
      mimeType: 'application/mbox',
      buffer: readFileSync(path),
    })),
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Shopping: milk, bread.\n') },
  ]);
  await expect(panel.getByRole('group', { name: 'Mail files' })).toContainText('3 files');
  await panel.getByRole('button', { name: 'Import', exact: true }).click();

  const result = panel.getByRole('region', { name: /^Import #\d+$/ });
  await expect(result).toContainText('Import into me@example.com finished', { timeout: 240_000 });
  await expect(result).toContainText('1 item skipped');
  await result.getByText('Skipped: 1 item, and why').click();
  await expect(result.locator('.import-result__findings li')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Close' }).click();
  // Focus goes back to the button that opened the panel.
  await expect(page.getByRole('button', { name: 'Add mail' })).toBeFocused();

  await page.getByRole('combobox', { name: 'Account' }).selectOption('all');
  await expect(coverage(page).getByRole('list', { name: 'Where the mail comes from' })).toContainText(
    'sally.beck@enron.com: imported files',
  );
  await expect(coverage(page).getByRole('list', { name: 'Where the mail comes from' })).toContainText(
    'me@example.com: imported files',
  );
});
