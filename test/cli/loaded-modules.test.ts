/**
 * What every `brief` command loads before it runs: the HTTP server and the WebSocket library (`ws`,
 * which pulls in node:http, https and tls, ≈ 9 MB of a process) are for `brief serve` and the
 * sign-in's loopback page only, so an import does not carry them in its memory. A real child
 * process, since the modules a process has loaded are only known inside it. And zod is in the
 * bundle, only the parts the contract uses: loaded from node_modules it is ≈ 60 modules and every
 * locale, ≈ 9 MB of a `brief` process and ≈ 40 ms of CPU at each start.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT, skipWithoutBuild, withoutBuildNote } from '../paths.ts';

const SERVER_MODULES = /^NativeModule (http|https|_http_server|tls)$/;

it('loads no HTTP server or WebSocket library until `brief serve` or a sign-in needs it', () => {
  const cli = pathToFileURL(join(ROOT, 'electron', 'cli', 'brief.ts')).href;
  const script = `await import(${JSON.stringify(cli)});
console.log(JSON.stringify(process.moduleLoadList.filter((name) => ${SERVER_MODULES}.test(name))));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).not.toMatch(/Error/);
  expect(JSON.parse(child.stdout.trim().split('\n').pop() ?? 'null')).toEqual([]);
});

const BUILT = join(ROOT, 'out', 'main');
it.skipIf(skipWithoutBuild(BUILT))(
  `bundles zod into the built command line and engine instead of importing the package${withoutBuildNote(BUILT)}`,
  () => {
    const files = [
      ...readdirSync(BUILT).filter((name) => name.endsWith('.js')),
      ...readdirSync(join(BUILT, 'chunks')).map((name) => join('chunks', name)),
    ];
    const importing = files.filter((file) =>
      /\bfrom\s*["']zod(\/[^"']*)?["']|import\(\s*["']zod/.test(readFileSync(join(BUILT, file), 'utf8')),
    );
    expect(files).toContain('cli.js');
    expect(importing).toEqual([]);
  },
);
