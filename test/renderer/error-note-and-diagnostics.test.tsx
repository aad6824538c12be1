/**
 * What support needs, kept out of the person's way: an error reads as its sentence with the code
 * in a disclosure, and the desktop app's Settings export a diagnostics file (not offered in a
 * browser, where no shell can write it).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BriefError } from '../../shared/errors.ts';
import { openDashboard } from './dashboard.tsx';
import { busyReport, envelopeOf } from './reports.ts';

const DESKTOP = { desktop: true, upload: null } as const;

describe('an error note', () => {
  it('says the sentence alone, and the code under Details', async () => {
    openDashboard('overview', () => {
      throw new BriefError('CORRUPT_STORE', 'The local store is damaged; 360Brief is rebuilding it.');
    });
    const alert = await screen.findByRole('alert');
    const sentence = alert.querySelector('p')!;
    expect(sentence.textContent).toBe('The local store is damaged; 360Brief is rebuilding it.');
    const details = alert.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Details').tagName).toBe('SUMMARY');
    expect(within(details).getByText('CORRUPT_STORE')).toBeTruthy();
  });
});

describe('Export diagnostics', () => {
  it('in the desktop app, saves the file where the shell was told and says where', async () => {
    const fake = openDashboard(
      'settings',
      envelopeOf(busyReport()),
      { 'diagnostics.export': () => ({ path: '/home/me/Downloads/360brief-diagnostics.json' }) },
      DESKTOP,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Export diagnostics' }));
    expect((await screen.findByText(/^Saved /)).textContent).toBe(
      'Saved /home/me/Downloads/360brief-diagnostics.json',
    );
    expect(fake.argsOf('diagnostics.export')).toEqual([{}]);
  });

  it('says nothing when the save dialog is cancelled, and the sentence when the export fails', async () => {
    const answers: Array<() => { path: string | null }> = [
      () => ({ path: null }),
      () => {
        throw new BriefError('STORAGE_FULL', 'The disk is full: free some space and export again.');
      },
    ];
    openDashboard(
      'settings',
      envelopeOf(busyReport()),
      { 'diagnostics.export': () => answers.shift()!() },
      DESKTOP,
    );
    const button = (await screen.findByRole('button', { name: 'Export diagnostics' })) as HTMLButtonElement;
    fireEvent.click(button);
    expect(button.disabled).toBe(true);
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(screen.queryByText(/^Saved /)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The disk is full');
  });

  it('is not offered in a browser', async () => {
    openDashboard('settings', envelopeOf(busyReport()));
    await screen.findByRole('combobox', { name: 'Theme' });
    expect(screen.queryByRole('button', { name: 'Export diagnostics' })).toBeNull();
  });
});
