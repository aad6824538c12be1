/**
 * The order of the warming after a change (reports/warm-plan.ts): the dashboard redraws on the
 * first `analytics-updated`, so the view it has open comes first — the one asked for last through
 * the cache, else its default (every account, 30 days, `auto`) — and a view asked for outside the
 * common ones (a year) is warmed too, equal to the view computed alone.
 */
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../electron/engine/analytics/index.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openEngine } from './helpers.ts';
import { generated } from './random-changes.ts';

const AS_OF = Date.UTC(2026, 10, 1, 12);
const IDENTITY = 'me@example.com';

function setup() {
  const engine = openEngine({ clock: () => AS_OF });
  const services = engineServicesForTests(engine);
  services.appSettings.update({ timeZone: 'Europe/London' });
  const account = services.accounts.createAccount({ address: IDENTITY, provider: 'gmail' });
  const mail = generated(7, 400, true, AS_OF - 3_600_000, [IDENTITY]);
  services.messages.cacheBulk(
    account.id,
    'gmail',
    mail.slice(0, 300).map((facts) => ({ facts })),
  );
  services.rederive(account.id);
  /** A change, as a sync makes it: new mail stored and derived. */
  const change = (from: number) => {
    services.messages.cacheBulk(
      account.id,
      'gmail',
      mail.slice(from, from + 20).map((facts) => ({ facts })),
    );
    services.rederive(account.id);
  };
  return { engine, services, accountId: account.id, change };
}

/** The keys announced by one warming, in order. */
async function announced(engine: ReturnType<typeof setup>['engine'], accountId: number) {
  const keys: string[] = [];
  const off = engine.on('analytics-updated', ({ key }) => keys.push(key));
  const warmed = await engineServicesForTests(engine).warmAnalytics(accountId);
  off();
  return { keys, warmed };
}

describe('the order of the warming after a change', () => {
  it("announces the dashboard's default view first when nothing was asked for", async () => {
    const { engine, accountId, change } = setup();
    change(300);
    const { keys, warmed } = await announced(engine, accountId);
    expect(warmed).toBe(10);
    expect(keys).toHaveLength(10);
    expect(keys[0]).toMatch(/^a=all\|f=report-\d+\|r=30@auto\|/);
    expect(new Set(keys).size).toBe(10);
  });

  it('announces the view asked for last first, and warms a view outside the common ones', async () => {
    const { engine, services, accountId, change } = setup();
    await engine.call('analytics.report', { account: accountId, range: { preset: '7', anchor: 'auto' } });
    const year = { preset: '365' as const };
    await engine.call('analytics.report', { account: accountId, range: year });
    change(300);
    const { keys, warmed } = await announced(engine, accountId);
    expect(warmed).toBe(11);
    expect(keys[0]).toMatch(new RegExp(`^a=${accountId}\\|f=report-\\d+\\|r=365\\|`));
    expect(keys[1]).toMatch(new RegExp(`^a=${accountId}\\|f=report-\\d+\\|r=7@auto\\|`));
    expect(keys[2]).toMatch(/^a=all\|f=report-\d+\|r=30@auto\|/);
    const zone = services.reports.zone({});
    const { key, version } = services.reports.keyAndVersion(accountId, year, zone, AS_OF);
    const cached = services.analyticsCache.get(key, version, AS_OF);
    expect(cached?.stale).toBe(false);
    expect(cached?.value).toEqual(computeReport(services.reports.input(accountId, year, zone, AS_OF)));
  });

  it('announces the Brief first when it was asked for last', async () => {
    const { engine, accountId, change } = setup();
    await engine.call('brief.get', { account: 'all' });
    change(300);
    const { keys } = await announced(engine, accountId);
    expect(keys[0]).toMatch(/^a=all\|f=brief-\d+\|r=30@auto\|/);
  });
});
