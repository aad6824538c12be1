import type { MethodArgs } from '../../../shared/contract.ts';
import { systemTimeZone } from './view-store.ts';

export type ReportRequest = MethodArgs<'analytics.report'>;

export interface RequestInputs {
  account: number | 'all';
  preset: string;
  customFrom: string;
  customTo: string;
  timeZone: string | null;
}

/** The report the current controls ask for; null while custom dates are incomplete or reversed. */
/** `settingsZone` is the app setting's zone (null: the system's). */
export function reportRequest(inputs: RequestInputs, settingsZone: string | null): ReportRequest | null {
  const timeZone = inputs.timeZone ?? settingsZone ?? systemTimeZone();
  if (inputs.preset === 'custom') {
    if (!inputs.customFrom || !inputs.customTo || inputs.customFrom > inputs.customTo) return null;
    return { account: inputs.account, range: { from: inputs.customFrom, to: inputs.customTo }, timeZone };
  }
  return { account: inputs.account, range: { preset: inputs.preset as '30' }, timeZone };
}

export function requestKey(request: ReportRequest): string {
  return JSON.stringify([request.account, request.range, request.timeZone]);
}
