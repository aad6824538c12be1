/**
 * An engine's services are reached past the contract only by tests and the bench, through
 * electron/engine/testing.ts (docs/architecture.md): biome.json refuses that module, and the name
 * it reads the services with, to the engine's own code and to main, preload and the CLI. Lints
 * small modules placed as they would be in the repository (a temporary copy with the same
 * biome.json) through biome itself.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../engine/helpers.ts';
import { ROOT } from '../paths.ts';

const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

/** Each file imports `name` from `from`; biome's diagnostics for all of them, in one run. */
function lint(files: Array<[path: string, name: string, from: string]>): string {
  const root = tempFolder('brief-lint-');
  copyFileSync(join(ROOT, 'biome.json'), join(root, 'biome.json'));
  for (const [path, name, from] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `import { ${name} } from '${from}';\n\nexport const peek = ${name};\n`);
  }
  const result = spawnSync(
    process.execPath,
    [BIOME, 'lint', '--max-diagnostics=100', ...files.map(([path]) => path)],
    { cwd: root, encoding: 'utf8' },
  );
  return `${result.stdout}${result.stderr}`;
}

/** The diagnostic of the rule at the file's import, with the sentence that says where to go instead. */
const refusedAt = (path: string) =>
  new RegExp(
    `${path.replaceAll('.', '\\.')}:1:\\d+ lint/style/noRestrictedImports[^\\n]*\\n\\s*\\n\\s*× electron/engine/testing\\.ts \\(engineServicesForTests\\) is for tests and the bench only`,
  );

describe('the test accessor of the engine services', () => {
  it('is refused to main, preload, the CLI and the engine itself', () => {
    const places: Array<[string, string, string]> = [
      ['electron/cli/peek.ts', 'engineServicesForTests', '../engine/testing.ts'],
      ['electron/main/peek.ts', 'engineServicesForTests', '../engine/testing.ts'],
      ['electron/preload/peek.ts', 'engineServicesForTests', '../engine/testing.ts'],
      ['electron/engine/peek-testing.ts', 'engineServicesForTests', './testing.ts'],
      ['electron/engine/handlers/peek.ts', 'engineServicesForTests', '../testing.ts'],
      ['electron/engine/peek-services.ts', 'servicesOfEngine', './engine.ts'],
      ['electron/engine/reports/peek.ts', 'servicesOfEngine', '../engine.ts'],
    ];
    const output = lint(places);
    for (const [path] of places) expect(output, path).toMatch(refusedAt(path));
  });

  it('is open to tests and the bench, and the rest of engine.ts to the engine', () => {
    const open: Array<[string, string, string]> = [
      ['test/engine/peek.test.ts', 'engineServicesForTests', '../../electron/engine/testing.ts'],
      ['bench/peek.ts', 'engineServicesForTests', '../electron/engine/testing.ts'],
      ['electron/engine/handlers/peek.ts', 'ENGINE_VERSION', '../engine.ts'],
    ];
    const output = lint(open);
    expect(output).toMatch(/Checked 3 files/);
    expect(output).not.toMatch(/noRestrictedImports/);
  });
});
