/**
 * More mail, any time: Add mail after onboarding, the desktop app's chooser, files sent from a
 * browser, import progress with units, and what an import found when it ends.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UploadItem } from '../../renderer/src/api/bridge-uploads.ts';
import { installApi } from '../../renderer/src/api/client.ts';
import type { ImportSummary } from '../../shared/import-summary.ts';
import { openDashboard } from './dashboard.tsx';
import { installedFake } from './fake-api.ts';
import { busyReport, envelopeOf, job } from './reports.ts';

function openAddMail() {
  fireEvent.click(screen.getByRole('button', { name: 'Add mail' }));
  return screen.getByRole('dialog', { name: 'Add mail' });
}

/** Runs the host as given: the desktop app, or a browser whose uploads the test sees. */
function asHost(host: Parameters<typeof installApi>[1]) {
  installApi(installedFake()!, host);
}

const SUMMARY: ImportSummary = {
  read: 6063,
  imported: 4759,
  duplicates: 1304,
  skipped: 3,
  skippedSamples: [
    { file: '/m/notes.txt', offset: null, reason: 'not mail: no message headers' },
    { file: '/m/a.mbox', offset: 10, reason: 'a message without headers' },
    { file: '/m/b.mbox', offset: 99, reason: 'a message without headers' },
  ],
  shortened: 0,
  shortenedSamples: [],
  bytes: 11_542_722,
};

describe('Add mail', () => {
  it('opens the three ways in after onboarding, and gives the focus back to its button on close', async () => {
    openDashboard('overview', envelopeOf(busyReport()));
    await screen.findByRole('region', { name: 'Coverage' });
    const opener = screen.getByRole('button', { name: 'Add mail' });
    opener.focus();
    const panel = openAddMail();
    for (const heading of ['Import a Takeout or mail folder', 'Connect Gmail', 'Try the demo'])
      expect(within(panel).getByRole('heading', { name: heading })).toBeTruthy();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('in the desktop app, adds the paths the system chooser answers and imports them', async () => {
    const fake = openDashboard('overview', envelopeOf(busyReport()), {
      'import.choosePaths': ({ folders }) => ({ paths: folders ? ['/home/me/Takeout'] : [] }),
      'import.start': () => job({ id: 7 }),
    });
    asHost({ desktop: true, upload: null });
    await screen.findByRole('region', { name: 'Coverage' });
    const panel = openAddMail();
    expect(within(panel).queryByRole('group', { name: 'Mail files' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Choose a folder…' }));
    const paths = within(panel).getByLabelText('Files or folders on this computer, one path per line');
    await expect.poll(() => (paths as HTMLTextAreaElement).value).toBe('/home/me/Takeout');
    fireEvent.change(within(panel).getByLabelText('Your address in this mail'), {
      target: { value: 'me@example.com' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Import' }));
    await expect
      .poll(() => fake.argsOf('import.start'))
      .toEqual([{ account: 'me@example.com', paths: ['/home/me/Takeout'] }]);
  });

  it('in a browser, sends chosen files to the service first and imports the paths it answers', async () => {
    const sent: UploadItem[][] = [];
    const fake = openDashboard('overview', envelopeOf(busyReport()), {
      'import.start': () => job({ id: 8 }),
    });
    asHost({
      desktop: false,
      upload: async (items, onProgress) => {
        sent.push([...items]);
        onProgress(items.reduce((sum, item) => sum + item.file.size, 0));
        return ['/tmp/brief-uploads-1/1/inbox.mbox'];
      },
    });
    await screen.findByRole('region', { name: 'Coverage' });
    const panel = openAddMail();
    const zone = within(panel).getByRole('group', { name: 'Mail files' });
    const file = new File(['From a@b Mon Jan  1 00:00:00 2024\n'], 'inbox.mbox');
    fireEvent.change(within(zone).getByLabelText('Choose files…'), { target: { files: [file] } });
    expect(zone.textContent).toContain('1 file, ');
    fireEvent.change(within(panel).getByLabelText('Your address in this mail'), {
      target: { value: 'me@example.com' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Import' }));
    await expect
      .poll(() => fake.argsOf('import.start'))
      .toEqual([{ account: 'me@example.com', paths: ['/tmp/brief-uploads-1/1/inbox.mbox'] }]);
    expect(sent.map((items) => items.map((item) => item.path))).toEqual([['inbox.mbox']]);
  });
});

describe('an import under way and when it ends', () => {
  it('reads its progress in bytes with their unit, and its step in messages and files', async () => {
    const fake = openDashboard('overview', envelopeOf(busyReport()), {
      'jobs.list': () => ({ jobs: [job({ id: 3, status: 'processing' })], total: 1 }),
    });
    await screen.findByRole('region', { name: 'Sync progress' });
    act(() =>
      fake.emit('job-progress', {
        jobId: 3,
        accountId: 1,
        current: 10_154_869,
        total: 11_542_722,
        percentage: 88,
        step: 'Importing: 4,074 messages read, file 3 of 12',
        etaSeconds: 4,
      }),
    );
    const tracker = screen.getByRole('region', { name: 'Sync progress' });
    expect(tracker.textContent).toContain('9.7 MB of 11 MB');
    expect(tracker.textContent).toContain('Importing: 4,074 messages read, file 3 of 12');
  });

  it('shows what a watched import found — imported, merged, skipped by reason — until dismissed', async () => {
    const fake = openDashboard('overview', envelopeOf(busyReport()), {
      'jobs.list': () => ({ jobs: [job({ id: 3, status: 'processing' })], total: 1 }),
      'jobs.get': () => job({ id: 3, status: 'completed', metadata: { summary: SUMMARY } }),
    });
    await screen.findByRole('region', { name: 'Sync progress' });
    act(() =>
      fake.emit('job-state', {
        jobId: 3,
        accountId: 1,
        type: 'import_mail',
        status: 'completed',
        error: null,
      }),
    );
    const result = await screen.findByRole('region', { name: 'Import #3' });
    await expect
      .poll(() => result.textContent)
      .toContain(
        'Import into me@example.com finished: 4,759 new messages from 6,063 messages read; 1,304 copies merged as duplicates; 3 items skipped.',
      );
    const reasons = within(result)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(reasons).toEqual(['a message without headers (2 items)', 'not mail: no message headers (1 item)']);
    fireEvent.click(within(result).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Import #3' })).toBeNull();
  });

  it('says nothing of an import that had ended before the page saw it run', async () => {
    openDashboard('overview', envelopeOf(busyReport()), {
      'jobs.list': () => ({
        jobs: [job({ id: 4, status: 'completed', metadata: { summary: SUMMARY } })],
        total: 1,
      }),
    });
    await screen.findByRole('region', { name: 'Coverage' });
    expect(screen.queryByRole('region', { name: 'Import #4' })).toBeNull();
  });
});
