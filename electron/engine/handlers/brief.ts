/** brief.* — the Brief, delivering it, and its digest file. */
import { digestOf } from '../analytics/brief/digest.ts';
import type { EngineServices } from '../engine.ts';
import type { SomeHandlers } from './types.ts';

type BriefMethods = 'brief.get' | 'brief.markSeen' | 'brief.digest';

export function briefHandlers(services: EngineServices): SomeHandlers<BriefMethods> {
  const { briefs } = services;
  return {
    'brief.get': (request) => briefs.brief(request),
    'brief.markSeen': (request) => briefs.markSeen(request),
    'brief.digest': async ({ format, ...request }) => digestOf((await briefs.brief(request)).brief, format),
  };
}
