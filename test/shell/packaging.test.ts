/**
 * electron-builder.yml read as data, with the YAML parser electron-builder itself uses: Electron's
 * fuses are flipped in the packaged binary (no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect;
 * the app only from its own app.asar, whose integrity is checked), under the key and option names
 * electron-builder 26's own configuration schema defines (a misspelt key would be ignored silently
 * at packaging time, so the names are checked against that schema too).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

interface Schema {
  properties: Record<string, { anyOf?: Array<{ $ref?: string }> }>;
  definitions: Record<string, { properties: Record<string, { type?: string }> }>;
}

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
// electron-builder validates its configuration against app-builder-lib's scheme.json.
const builderPackage = createRequire(join(ROOT, 'package.json')).resolve('electron-builder/package.json');
const appBuilderLib = createRequire(builderPackage).resolve('app-builder-lib/package.json');
const schema = JSON.parse(readFileSync(join(dirname(appBuilderLib), 'scheme.json'), 'utf8')) as Schema;

describe('Electron fuses in electron-builder.yml', () => {
  const fuses = config.electronFuses as Record<string, unknown>;

  it('turns off running as Node, NODE_OPTIONS and the inspector', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads the app only from its asar archive, and checks that archive', () => {
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    // Both need the app packed into an asar archive: asar must not be switched off.
    expect(config.asar).not.toBe(false);
  });

  it('uses the names electron-builder 26 defines (electronFuses: FuseOptionsV1)', () => {
    const reference = schema.properties.electronFuses?.anyOf?.find((option) => option.$ref)?.$ref;
    expect(reference).toBe('#/definitions/FuseOptionsV1');
    const known = schema.definitions.FuseOptionsV1!.properties;
    for (const [name, value] of Object.entries(fuses)) {
      expect(Object.keys(known), `electronFuses.${name}`).toContain(name);
      expect(typeof value, `electronFuses.${name}`).toBe(known[name]!.type);
    }
  });
});
