#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=2 --heap-growing-percent=50
// The `brief` command line. It runs the built bundle (npm's `prepare` builds it on install).
// The first line is its memory profile (docs/benchmarks.md, "Import memory, round 6"):
// - a young generation of 2 MB semi-spaces instead of V8's 16 MB: 30–40 MB less at the peak of
//   an import, for the same CPU in imports and reports;
// - after each full collection the heap may grow by half of what is live (V8 lets it grow up to
//   4× while collecting is cheap, and an import's garbage takes it): ≈ 20 MB less at the peak of
//   an import, within the noise of its CPU;
// - at most two glibc malloc arenas (glibc adds one per thread that finds the others busy, each
//   keeping what its thread freed): ≈ 10 MB less. glibc reads the variable once, as the process
//   starts, so it is set here, not in code; other C libraries ignore it.
// - blocks of 128 KB and more from their own mappings, always (glibc's threshold otherwise rises
//   to the size of each large block freed, up to 32 MB): an import's tables grow by replacing
//   typed arrays, and once the first grown-out one was freed the later ones came from the arenas,
//   where calloc writes every page of them and what is freed stays resident. A mapping is given
//   back when freed, and its pages count only once written. ≈ 6 MB less at 1× and at
//   1,000,000 (docs/benchmarks.md, "Import memory, round 8"), the CPU within the noise.
// `npm run brief` runs with the same node flags (not the variables: an npm script cannot set one on
// every system); the benchmark's import children start as this line starts node.
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
