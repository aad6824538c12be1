/**
 * The import's reader worker loads only what reading needs: every library it loads is memory the
 * worker holds through the whole import (zod, which only the store's schema needs, was ≈ 18 MB of
 * it when the limits it fits messages to lived beside the schema). The real worker script is
 * started with a resolve hook that tells each package it imports.
 */
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { findReaderScript } from '../../electron/engine/sources/import/read-in-worker.ts';
import { readToEnd } from './reader-request.ts';

// Runs first in the worker: each bare specifier (a package, not a file or node: builtin) it resolves
// is posted on the worker's own port, before the reader's messages.
const TELL_PACKAGES = `
import { registerHooks } from 'node:module';
import { parentPort } from 'node:worker_threads';
registerHooks({
  resolve(specifier, context, next) {
    if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) parentPort.postMessage({ type: 'package', specifier });
    return next(specifier, context);
  },
});
`;

it('the reader worker imports no package but the address parser', async () => {
  const script = findReaderScript();
  expect(script).not.toBeNull();
  const worker = new Worker(script!, {
    execArgv: ['--import', `data:text/javascript,${encodeURIComponent(TELL_PACKAGES)}`],
  });
  const packages = new Set<string>();
  try {
    // A request with no files: the worker has loaded every module it has by the time it ends it.
    await readToEnd<{ type: 'package'; specifier: string }>(worker, { paths: [], inFlight: 1 }, (message) => {
      if (message.type === 'package') packages.add(message.specifier);
    });
  } finally {
    await worker.terminate();
  }
  expect([...packages].sort()).toEqual(['postal-mime']);
});
