/** Every Gmail API route the emulator answers, and how a request path finds its route. */
import type { Route } from './route.ts';
import { LABEL_ROUTES } from './routes-labels.ts';
import { READ_ROUTES } from './routes-read.ts';
import { WRITE_ROUTES } from './routes-write.ts';

export const ROUTES: Route[] = [...READ_ROUTES, ...LABEL_ROUTES, ...WRITE_ROUTES];

/** The route and its `:id` for an HTTP method and a path below /gmail/v1/users/{userId}/. */
export function matchRoute(httpMethod: string, rest: string): { route: Route; id: string } | undefined {
  const segments = rest.split('/');
  for (const route of ROUTES) {
    if (route.httpMethod !== httpMethod) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    let id = '';
    const ok = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (part === ':id') {
        id = decodeSegment(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (ok) return { route, id };
  }
  return undefined;
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
