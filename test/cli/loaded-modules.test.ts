/**
 * What every `brief` command loads before it runs: the HTTP server and the WebSocket library (`ws`,
 * which pulls in node:http, https and tls, ≈ 9 MB of a process) are for `brief serve` and the
 * sign-in's loopback page only, so an import does not carry them in its memory. A real child
 * process, since the modules a process has loaded are only known inside it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

const SERVER_MODULES = /^NativeModule (http|https|_http_server|tls)$/;

it('loads no HTTP server or WebSocket library until `brief serve` or a sign-in needs it', () => {
  const cli = pathToFileURL(join(ROOT, 'electron', 'cli', 'brief.ts')).href;
  const script = `await import(${JSON.stringify(cli)});
console.log(JSON.stringify(process.moduleLoadList.filter((name) => ${SERVER_MODULES}.test(name))));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).not.toMatch(/Error/);
  expect(JSON.parse(child.stdout.trim().split('\n').pop() ?? 'null')).toEqual([]);
});
