#!/usr/bin/env -S node --max-semi-space-size=2
// The `brief` command line. It runs the built bundle (npm's `prepare` builds it on install).
// The node flags on the first line are its memory profile: a young generation of 2 MB semi-spaces
// instead of V8's 16 MB, 30–40 MB less at the peak of an import (docs/benchmarks.md) for the same
// CPU in imports and reports. `npm run brief` and the benchmark's children run with the same flags.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `360Brief needs Node.js 24 or newer (this is ${process.version}). Install Node 24 LTS, or run: source .ci/node-env.sh`,
  );
  process.exit(1);
}
const bundle = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('The command line is not built yet. Run `npm install` (it builds), or `npm run build`.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
