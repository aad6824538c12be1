import type { BriefApi } from '../../../shared/contract.ts';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in a normal browser, where the bridge client stands in. */
    brief?: BriefApi;
  }
}
