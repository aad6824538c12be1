/** brief.* — the Brief, delivering it, and its digest file. */
import { BriefError } from '../../../shared/errors.ts';
import { digestOf } from '../analytics/brief/digest.ts';
import type { EngineServices } from '../engine.ts';
import type { SomeHandlers } from './types.ts';

type BriefMethods = 'brief.get' | 'brief.markSeen' | 'brief.digest' | 'brief.saveDigest';

export function briefHandlers(services: EngineServices): SomeHandlers<BriefMethods> {
  const { briefs } = services;
  return {
    'brief.get': (request) => briefs.brief(request),
    'brief.markSeen': (request) => briefs.markSeen(request),
    'brief.digest': async ({ format, ...request }) => digestOf((await briefs.brief(request)).brief, format),
    // A save dialog needs the desktop shell, which answers this itself.
    'brief.saveDigest': () => {
      throw new BriefError(
        'UNSUPPORTED_INPUT',
        'Saving goes through the desktop app; in a browser the dashboard downloads the file, and `brief digest --format html --out FILE` writes it from a terminal.',
      );
    },
  };
}
