import type { ReactNode } from 'react';
import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import type { SerializedError } from '../../../shared/errors.ts';
import type { ReportRequest } from '../state/report-request.ts';
import { useReports } from '../state/report-store.ts';
import { EmptyState } from './EmptyState.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { ReportContext } from './report-context.ts';
import { TryAgain } from './TryAgain.tsx';

/** A report view, or what stands in for it while the first report loads or when it failed. */
export function ViewBody({
  request,
  envelope,
  error,
  children,
}: {
  request: ReportRequest | null;
  envelope: ReportEnvelope | null;
  error: SerializedError | null;
  children: ReactNode;
}) {
  const fetch = useReports((s) => s.fetch);
  if (!request) {
    return (
      <EmptyState title="Choose both dates of the custom range.">
        The start date must not be after the end date.
      </EmptyState>
    );
  }
  if (!envelope) {
    return error ? (
      <TryAgain error={error} onRetry={() => void fetch(request)} />
    ) : (
      <EmptyState title="Computing figures…">
        The first report of a range takes a moment; later ones open from the cache.
      </EmptyState>
    );
  }
  return (
    <ReportContext.Provider value={{ report: envelope.report, request }}>
      {error ? <ErrorNote error={error} /> : null}
      {children}
    </ReportContext.Provider>
  );
}
