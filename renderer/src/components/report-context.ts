import { createContext, useContext } from 'react';
import type { Report } from '../../../shared/report-types.ts';
import type { ReportRequest } from '../state/report-request.ts';

export interface ReportContextValue {
  report: Report;
  request: ReportRequest;
}

export const ReportContext = createContext<ReportContextValue | null>(null);

/** The report the view draws; views render only inside a provider. */
export function useReport(): ReportContextValue {
  const value = useContext(ReportContext);
  if (!value) throw new Error('useReport is used outside a ReportContext provider.');
  return value;
}
