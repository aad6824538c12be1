import type { MethodArgs } from '../../../shared/contract.ts';
import type { ViewState } from './view-store.ts';

export type ReportRequest = MethodArgs<'analytics.report'>;

export type RequestInputs = Pick<ViewState, 'account' | 'preset' | 'customFrom' | 'customTo' | 'anchor'>;

/** The report the current controls ask for, in `timeZone`; null while custom dates are incomplete or reversed. */
export function reportRequest(inputs: RequestInputs, timeZone: string): ReportRequest | null {
  if (inputs.preset === 'custom') {
    if (!inputs.customFrom || !inputs.customTo || inputs.customFrom > inputs.customTo) return null;
    return { account: inputs.account, range: { from: inputs.customFrom, to: inputs.customTo }, timeZone };
  }
  return { account: inputs.account, range: { preset: inputs.preset, anchor: inputs.anchor }, timeZone };
}

export function requestKey(request: ReportRequest): string {
  return JSON.stringify([request.account, request.range, request.timeZone]);
}
