import { expect, type Page, test } from '@playwright/test';
import { type EmulatorProcess, startEmulator } from './emulator.ts';
import { type Bridge, startBridge } from './serve.ts';

/**
 * Connect Gmail from the dashboard against the Gmail API emulator: the progress tracker moves,
 * the Overview fills in while the first sync runs, and at the end the coverage equals the mailbox.
 * The time scale keeps the sync to about fifteen seconds so several progress steps are visible.
 */
const MESSAGES = 3000;
const TIME_SCALE = 20;

let emulator: EmulatorProcess | undefined;
let bridge: Bridge | undefined;

test.beforeAll(async () => {
  emulator = await startEmulator({ messages: MESSAGES, timeScale: TIME_SCALE });
  bridge = await startBridge({
    args: [
      '--endpoint',
      emulator.url,
      '--client-id',
      emulator.clientId,
      '--client-secret',
      emulator.clientSecret,
    ],
    env: { BRIEF_SYNC_TIME_SCALE: String(TIME_SCALE) },
  });
});

test.afterAll(async () => {
  await bridge?.stop();
  await emulator?.stop();
});

const count = new Intl.NumberFormat('en-US');

/** The sync row's percentage as the tracker shows it, or null while it has none (or is gone). */
async function shownPercentage(page: Page): Promise<number | null> {
  const text = await page
    .getByRole('region', { name: 'Sync progress' })
    .locator('.job-progress__meta > span')
    .first()
    .textContent({ timeout: 1000 })
    .catch(() => null);
  const match = /^(\d+) %$/.exec(text?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

/** The message count the coverage banner shows, or 0 while there is no banner yet. */
async function coveredMessages(page: Page): Promise<number> {
  const text = await page
    .getByRole('region', { name: 'Coverage' })
    .locator('.coverage__main strong')
    .textContent({ timeout: 1000 })
    .catch(() => null);
  const match = /^([\d,]+) messages?$/.exec(text?.trim() ?? '');
  return match ? Number(match[1]!.replaceAll(',', '')) : 0;
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screens/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('Connect Gmail syncs from the emulator: the progress moves, the Overview fills in, coverage ends whole', async ({
  page,
}) => {
  if (!bridge || !emulator) throw new Error('the bridge and the emulator did not start');
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Connect Gmail' }).click();

  const tracker = page.getByRole('region', { name: 'Sync progress' });
  await expect(tracker).toBeVisible();
  await expect(tracker).toContainText('user@example.com');
  await page.getByRole('button', { name: 'All time' }).click();

  // Two different percentages, the later one higher, seen while the sync runs.
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const value = await shownPercentage(page);
        if (value !== null && value > 0 && value < 100 && value !== seen.at(-1)) seen.push(value);
        return seen.length;
      },
      { timeout: 30_000, intervals: [150] },
    )
    .toBeGreaterThanOrEqual(2);
  expect(seen[1]!).toBeGreaterThan(seen[0]!);

  // The Overview fills in before the sync is done: figures from the messages fetched so far, with
  // the banner saying they are partial. Read together in one look while the tracker still shows a
  // percentage, so a sync that ends between two checks cannot make them disagree.
  let partial = 0;
  await expect
    .poll(
      async () => {
        const covered = await coveredMessages(page);
        if (covered === 0) return 'no figures yet';
        const banner = await page.getByRole('region', { name: 'Coverage' }).textContent();
        const syncing = (await shownPercentage(page)) !== null;
        if (!syncing) return 'the sync ended before figures were seen while it ran';
        if (!banner?.includes('first sync not finished'))
          return `banner without "first sync not finished": ${banner}`;
        partial = covered;
        return 'partial figures while syncing';
      },
      { timeout: 30_000, intervals: [150] },
    )
    .toBe('partial figures while syncing');
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Headline figures' }).locator('.stat__value').first(),
  ).toHaveText(/^[1-9][\d,]*$/);
  await shoot(page, 'sync-in-progress');
  const observed = `percentages ${seen.join(' → ')}; ${partial} messages covered while syncing`;
  console.log(`Sync observed: ${observed}`);
  test.info().annotations.push({ type: 'sync-observed', description: observed });

  await expect(tracker).toHaveCount(0, { timeout: 60_000 });
  // Every listed message is stored; drafts never count as messages (docs/metrics.md "The mail
  // model", Which messages count).
  const listed = await emulator.listedMessages();
  const counted = listed - (await emulator.listedMessages('DRAFT'));
  // The figures seen mid-sync covered part of the mailbox: they filled in.
  expect(partial).toBeLessThan(counted);
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(/synced (just now|\d)/);
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(
    `${count.format(counted)} messages`,
  );
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(
    `100 % of ${count.format(listed)} in Gmail synced`,
  );
  // The difference between the two counts is said: the drafts, stored and never counted.
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(
    `${count.format(listed)} stored; not counted: ${count.format(listed - counted)} drafts`,
  );
});
