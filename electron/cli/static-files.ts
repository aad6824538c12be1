/**
 * The dashboard's built files for `brief serve`: only files inside the renderer folder, any other
 * path answered with index.html (the dashboard routes in the page), each with the strict Content
 * Security Policy the desktop window uses.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';
import { BriefError } from '../../shared/errors.ts';
import { sendJson } from './http-api.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function rendererFolder(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

/** The path part of a URL as a file name; a malformed escape (`%E0%A4%A`) is the caller's mistake. */
function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    throw new BriefError(
      'VALIDATION',
      'The address has a malformed %-escape. Open the address `brief serve` printed.',
    );
  }
}

export function serveStatic(folder: string, url: URL, response: ServerResponse): void {
  const relative = url.pathname === '/' ? 'index.html' : decodedPath(url.pathname).slice(1);
  const path = normalize(join(folder, relative));
  const inside = path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
  const file = inside && existsSync(path) && statSync(path).isFile() ? path : join(folder, 'index.html');
  if (!existsSync(file)) {
    sendJson(response, 503, {
      ok: false,
      error: { code: 'INTERNAL', message: 'The dashboard is not built: run `npm run build`.' },
    });
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  response.end(readFileSync(file));
}
