/**
 * The Brief on screen: fetched for the chosen account in the chosen zone, again when the engine
 * says that account's data or its cached Brief moved (no polling), and delivered — its threads
 * become the last brief — when the person leaves it: another view or account, or the window
 * hidden or closed (docs/metrics.md "New since the last brief").
 */
import { useEffect, useMemo } from 'react';
import type { BriefEnvelope } from '../../../shared/brief-types.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api, onReconnect } from '../api/client.ts';
import { type BriefRequest, briefKey, deliverBrief, useBriefs } from '../state/brief-store.ts';
import { useTimeZone } from '../state/settings-store.ts';
import { useView } from '../state/view-store.ts';

export interface CurrentBrief {
  request: BriefRequest;
  envelope: BriefEnvelope | null;
  loading: boolean;
  error: SerializedError | null;
}

/** A cached Brief's key names its figure set `brief-<format>` (electron/engine/reports/brief-service.ts). */
const isBriefKey = (key: string) => key.includes('|f=brief-');

export function useBrief(): CurrentBrief {
  const account = useView((s) => s.account);
  const timeZone = useTimeZone();
  const request = useMemo<BriefRequest>(() => ({ account, timeZone }), [account, timeZone]);
  const key = briefKey(request);
  const fetch = useBriefs((s) => s.fetch);

  useEffect(() => {
    const refetch = () => void fetch(request);
    refetch();
    const shown = () => useBriefs.getState().envelopes[key] !== undefined;
    const deliver = () => {
      if (shown()) void deliverBrief(request);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') deliver();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', deliver);
    const offs = [
      api.on('data-changed', ({ accountId }) => {
        if (request.account === 'all' || request.account === accountId) refetch();
      }),
      api.on('analytics-updated', (payload) => {
        if (isBriefKey(payload.key) && payload.account === request.account) refetch();
      }),
      onReconnect(refetch),
    ];
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', deliver);
      for (const off of offs) off();
      deliver();
    };
  }, [fetch, request, key]);

  const envelope = useBriefs((s) => s.envelopes[key] ?? null);
  const loading = useBriefs((s) => s.loading[key] ?? false);
  const error = useBriefs((s) => s.errors[key] ?? null);
  return { request, envelope, loading, error };
}
