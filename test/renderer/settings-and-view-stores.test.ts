/** The stores of what the person chose: the app settings (one copy), the view, the metrics page, the connection. */
import { describe, expect, it } from 'vitest';
import { api, connectApi, currentHost } from '../../renderer/src/api/client.ts';
import { useConnection } from '../../renderer/src/state/connection-store.ts';
import { useMetricsDoc } from '../../renderer/src/state/metrics-doc-store.ts';
import { systemTimeZone, timeZoneOf, useSettings } from '../../renderer/src/state/settings-store.ts';
import { useView } from '../../renderer/src/state/view-store.ts';
import { BriefError } from '../../shared/errors.ts';
import { deferred, installFakeApi } from './fake-api.ts';
import { SETTINGS } from './reports.ts';

describe('settings store', () => {
  it('loads the settings and keeps them for the next launch', async () => {
    installFakeApi({ 'settings.get': () => ({ ...SETTINGS, timeZone: 'Asia/Tokyo', theme: 'dark' }) });
    await useSettings.getState().load();
    expect(useSettings.getState().settings).toMatchObject({ timeZone: 'Asia/Tokyo', theme: 'dark' });
    expect(JSON.parse(localStorage.getItem('brief.settings')!).state.settings.timeZone).toBe('Asia/Tokyo');
  });

  it('shows a change at once, then takes the engine’s answer', async () => {
    const answer = deferred<typeof SETTINGS>();
    const fake = installFakeApi({ 'settings.update': () => answer.promise });
    useSettings.setState({ settings: SETTINGS });
    const saving = useSettings.getState().update({ theme: 'light' });
    expect(useSettings.getState().settings?.theme).toBe('light');
    answer.resolve({ ...SETTINGS, theme: 'light', syncIntervalMinutes: 7 });
    expect(await saving).toBeNull();
    expect(useSettings.getState().settings).toMatchObject({ theme: 'light', syncIntervalMinutes: 7 });
    expect(fake.argsOf('settings.update')).toEqual([{ theme: 'light' }]);
  });

  it('undoes a change the engine refused and answers its error', async () => {
    installFakeApi({
      'settings.update': () => {
        throw new BriefError('VALIDATION', 'Use an IANA time zone such as Europe/London.');
      },
    });
    useSettings.setState({ settings: SETTINGS });
    const error = await useSettings.getState().update({ timeZone: 'Mars/Olympus' });
    expect(error).toEqual({ code: 'VALIDATION', message: 'Use an IANA time zone such as Europe/London.' });
    expect(useSettings.getState().settings?.timeZone).toBe('UTC');
  });

  it('keeps a load failure as its error, and the zone falls back to the system’s', async () => {
    installFakeApi({
      'settings.get': () => {
        throw new BriefError('CORRUPT_STORE', 'The store is damaged.');
      },
    });
    await useSettings.getState().load();
    expect(useSettings.getState().error?.code).toBe('CORRUPT_STORE');
    expect(timeZoneOf(useSettings.getState().settings)).toBe(systemTimeZone());
    expect(timeZoneOf({ ...SETTINGS, timeZone: null })).toBe(systemTimeZone());
    expect(timeZoneOf(SETTINGS)).toBe('UTC');
  });
});

describe('view store', () => {
  it('remembers the view, range and account across launches', () => {
    useView.getState().setView('people');
    useView.getState().setCustomDates('2025-01-01', '2025-01-31');
    useView.getState().setAccount(3);
    useView.getState().setAnchor('now');
    const stored = JSON.parse(localStorage.getItem('brief.view')!);
    expect(stored).toEqual({
      state: {
        view: 'people',
        preset: 'custom',
        customFrom: '2025-01-01',
        customTo: '2025-01-31',
        anchor: 'now',
        account: 3,
      },
      version: 3,
    });
  });

  it('reads what version 1 stored, leaving its theme and time zones to the settings', async () => {
    localStorage.setItem(
      'brief.view',
      JSON.stringify({
        state: {
          view: 'labels',
          preset: '90',
          customFrom: '',
          customTo: '',
          timeZone: 'Europe/Paris',
          account: 'all',
          theme: 'dark',
          settingsZone: 'Europe/Paris',
        },
        version: 1,
      }),
    );
    await useView.persist.rehydrate();
    const state = useView.getState();
    expect([state.view, state.preset, state.account, state.anchor]).toEqual(['labels', '90', 'all', 'auto']);
    expect(Object.keys(state)).not.toContain('theme');
    expect(Object.keys(state)).not.toContain('timeZone');
  });
});

describe('metrics page store', () => {
  it('opens at one figure’s section and closes', () => {
    useMetricsDoc.getState().open('responseTimeMine');
    expect(useMetricsDoc.getState().section).toBe('responseTimeMine');
    useMetricsDoc.getState().close();
    expect(useMetricsDoc.getState().section).toBeNull();
  });
});

describe('connection store and the transport', () => {
  it('is reachable and authorized until told otherwise', () => {
    expect(useConnection.getState()).toMatchObject({
      reachable: true,
      authorized: true,
      blockedReason: null,
    });
  });

  it('says which address to open when the page has no token and no window.brief', async () => {
    connectApi();
    expect(useConnection.getState()).toMatchObject({ authorized: false });
    expect(useConnection.getState().blockedReason).toMatch(/address that `brief serve` printed/);
    await expect(api.call('accounts.list', {})).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('uses window.brief when the preload provides it', async () => {
    const fake = installFakeApi({ 'accounts.list': () => [] });
    window.brief = fake;
    try {
      connectApi();
      await expect(api.call('accounts.list', {})).resolves.toEqual([]);
      expect(fake.calls.map((call) => call.name)).toEqual(['accounts.list']);
      // The desktop shell answers file choosers; nothing is uploaded there.
      expect(currentHost()).toEqual({ desktop: true, upload: null });
    } finally {
      delete window.brief;
    }
  });
});
