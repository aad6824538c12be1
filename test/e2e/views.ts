/** What the end-to-end tests share about the dashboard: its views, opening it on data, and waiting for jobs. */
import { expect, type Page } from '@playwright/test';
import type { Bridge } from './serve.ts';

export const REPORT_VIEWS = ['Overview', 'People', 'Threads', 'Newsletters', 'Labels', 'Activity'] as const;
export const VIEWS = ['Brief', ...REPORT_VIEWS, 'Settings'] as const;

/** Waits until no job is pending or running (an import, its warming), polling the bridge. */
export async function waitForIdle(bridge: Bridge, timeout = 120_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const { jobs } = await bridge.rpc<{ jobs: Array<{ status: string }> }>('jobs.list', { limit: 500 });
        return jobs.filter((job) => job.status === 'pending' || job.status === 'processing').length;
      },
      { timeout, intervals: [250] },
    )
    .toBe(0);
}

/** Opens the dashboard on the last 90 days, which hold mail in the demo and in an anchored archive. */
export async function openOnData(page: Page, bridge: Bridge): Promise<void> {
  await page.goto(bridge.url);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: '90 days' }).click();
  await expect(page.getByRole('region', { name: 'Coverage' })).toContainText(/[1-9][\d,]* messages/);
}
