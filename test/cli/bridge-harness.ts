/** A bridge (`brief serve`) on a fresh in-process engine for each test, with a placeholder page. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type Bridge, startBridge } from '../../electron/cli/serve.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { type FakeClock, fakeClock, openEngine, tempFolder } from '../engine/helpers.ts';

export interface BridgeHarness {
  engine: Engine;
  bridge: Bridge;
  clock: FakeClock;
  /** The bridge's origin, http://127.0.0.1:<port>. */
  base: string;
}

/** Registers the hooks; the returned object holds the current test's engine and bridge. */
export function bridgePerTest(): BridgeHarness {
  const harness = {} as BridgeHarness;
  beforeEach(async () => {
    harness.clock = fakeClock();
    harness.engine = openEngine({ clock: harness.clock.clock });
    const rendererDir = tempFolder();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>360Brief</title>');
    harness.bridge = await startBridge(harness.engine, { port: 0, rendererDir });
    harness.base = new URL(harness.bridge.url).origin;
  });
  afterEach(async () => {
    await harness.bridge.close();
  });
  return harness;
}
