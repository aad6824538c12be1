import { useCallback, useEffect, useState } from 'react';
import type { AnalyticsCacheStats, CacheStats } from '../../../shared/analytics-types.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { formatBytes, formatCount, formatDay, formatDuration, formatShare } from '../lib/format.ts';
import { asError } from '../state/errors.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** How the caches are doing: analytics hits and compute times, and what the message store holds. */
export function CacheStatsPanel({ timeZone }: { timeZone: string }) {
  const [analytics, setAnalytics] = useState<AnalyticsCacheStats | null>(null);
  const [messages, setMessages] = useState<CacheStats | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const load = useCallback(async () => {
    try {
      const [a, m] = await Promise.all([
        api.call('analytics.cacheStats', {}),
        api.call('messages.stats', {}),
      ]);
      setAnalytics(a);
      setMessages(m);
      setError(null);
    } catch (caught) {
      setError(asError(caught));
    }
  }, []);
  useEffect(() => {
    void load();
    return api.on('analytics-updated', () => void load());
  }, [load]);
  return (
    <section className="figure figure--half" aria-labelledby="cache-title">
      <header className="figure__header">
        <h2 id="cache-title">Caches</h2>
        <button type="button" className="button button--small" onClick={() => void load()}>
          Refresh
        </button>
      </header>
      <ErrorNote error={error} />
      <dl className="summary-list summary-list--grid">
        <div>
          <dt>Analytics hit rate</dt>
          <dd>{formatShare(analytics?.hitRate)}</dd>
        </div>
        <div>
          <dt>Hits / misses</dt>
          <dd>
            {formatCount(analytics?.hits)} / {formatCount(analytics?.misses)}
          </dd>
        </div>
        <div>
          <dt>Cached reports</dt>
          <dd>{formatCount(analytics?.entries)}</dd>
        </div>
        <div>
          <dt>Compute time (mean / p95)</dt>
          <dd>
            {formatDuration(analytics?.meanComputeMs)} / {formatDuration(analytics?.p95ComputeMs)}
          </dd>
        </div>
        <div>
          <dt>Messages stored</dt>
          <dd>{formatCount(messages?.count)}</dd>
        </div>
        <div>
          <dt>Message store size</dt>
          <dd>{formatBytes(messages?.bytes)}</dd>
        </div>
        <div>
          <dt>Oldest / newest</dt>
          <dd>
            {formatDay(isoOrNull(messages?.oldest), timeZone)} /{' '}
            {formatDay(isoOrNull(messages?.newest), timeZone)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
