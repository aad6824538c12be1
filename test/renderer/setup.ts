/**
 * Before and after every dashboard test: stores back to their first state, storage empty, the
 * rendered tree unmounted, and no call left that the test gave no handler for.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import { useAccounts } from '../../renderer/src/state/accounts-store.ts';
import { useBriefs } from '../../renderer/src/state/brief-store.ts';
import { useConnection } from '../../renderer/src/state/connection-store.ts';
import { useDrilldown } from '../../renderer/src/state/drilldown-store.ts';
import { useJobs } from '../../renderer/src/state/jobs-store.ts';
import { useMetricsDoc } from '../../renderer/src/state/metrics-doc-store.ts';
import { useReports } from '../../renderer/src/state/report-store.ts';
import { useSettings } from '../../renderer/src/state/settings-store.ts';
import { useView } from '../../renderer/src/state/view-store.ts';
import { forgetFake, installedFake } from './fake-api.ts';

const stores = [
  useAccounts,
  useBriefs,
  useConnection,
  useDrilldown,
  useJobs,
  useMetricsDoc,
  useReports,
  useSettings,
  useView,
];
const initial = stores.map((store) => store.getState());

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  stores.forEach((store, index) => {
    (store.setState as (state: unknown, replace: true) => void)(initial[index], true);
  });
});

afterEach(() => {
  cleanup();
  const fake = installedFake();
  forgetFake();
  expect(fake?.unhandled ?? [], 'calls the test gave no handler for').toEqual([]);
});
