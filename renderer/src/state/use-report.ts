/**
 * The report for the current controls: fetched when the controls change and again when the engine
 * says the data or the cached analytics for this view moved. No polling.
 */
import { useEffect, useMemo } from 'react';
import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api, onReconnect } from '../api/client.ts';
import { type ReportRequest, reportRequest, requestKey } from './report-request.ts';
import { useReports } from './report-store.ts';
import { useTimeZone } from './settings-store.ts';
import { useView } from './view-store.ts';

export interface CurrentReport {
  request: ReportRequest | null;
  envelope: ReportEnvelope | null;
  loading: boolean;
  error: SerializedError | null;
}

export function useCurrentRequest(): ReportRequest | null {
  const account = useView((s) => s.account);
  const preset = useView((s) => s.preset);
  const customFrom = useView((s) => s.customFrom);
  const customTo = useView((s) => s.customTo);
  const anchor = useView((s) => s.anchor);
  const timeZone = useTimeZone();
  return useMemo(
    () => reportRequest({ account, preset, customFrom, customTo, anchor }, timeZone),
    [account, preset, customFrom, customTo, anchor, timeZone],
  );
}

/** Keeps the visible report loaded; mount once near the top of the tree. */
export function useReportSync(enabled: boolean): void {
  const request = useCurrentRequest();
  const fetch = useReports((s) => s.fetch);
  useEffect(() => {
    if (!enabled || !request) return;
    const refetch = () => void fetch(request);
    refetch();
    const key = requestKey(request);
    const offs = [
      api.on('data-changed', ({ accountId }) => {
        if (request.account === 'all' || request.account === accountId) refetch();
      }),
      api.on('analytics-updated', (payload) => {
        const current = useReports.getState().envelopes[key];
        if (current ? payload.key === current.cacheKey : payload.account === request.account) refetch();
      }),
      onReconnect(refetch),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [enabled, request, fetch]);
}

export function useCurrentReport(): CurrentReport {
  const request = useCurrentRequest();
  const key = request ? requestKey(request) : '';
  const envelope = useReports((s) => s.envelopes[key] ?? null);
  const loading = useReports((s) => s.loading[key] ?? false);
  const error = useReports((s) => s.errors[key] ?? null);
  return { request, envelope, loading, error };
}
