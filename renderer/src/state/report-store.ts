/** Report envelopes by request (see envelope-store.ts: kept on screen while newer ones load or the engine is away). */
import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import { api } from '../api/client.ts';
import { createEnvelopeStore, type EnvelopeState } from './envelope-store.ts';
import { type ReportRequest, requestKey } from './report-request.ts';

export type ReportState = EnvelopeState<ReportRequest, ReportEnvelope>;

export const useReports = createEnvelopeStore(requestKey, (request: ReportRequest) =>
  api.call('analytics.report', request),
);
