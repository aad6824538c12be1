/**
 * package-lock.json says what npm would write after installing it, so `npm install` on a fresh
 * clone leaves the lock unchanged. The field that drifted is `hasInstallScript`: npm sets it for a
 * package with an install script of its own or, implicitly, a binding.gyp (`node-gyp rebuild`),
 * and rewrote the lock on the first install when better-sqlite3's entry lacked it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  link?: boolean;
}
interface Manifest {
  version: string;
  scripts?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** npm's rule (@npmcli/package-json, normalize 'gypfile' and read-package-json's install scripts). */
function npmSeesInstallScript(folder: string, manifest: Manifest): boolean {
  const scripts = manifest.scripts ?? {};
  if (scripts.preinstall || scripts.install || scripts.postinstall) return true;
  return existsSync(join(folder, 'binding.gyp'));
}

describe('package-lock.json', () => {
  // Optional packages for other platforms are in the lock but not on this disk: only installed ones are compared.
  const installed = Object.entries(lock.packages).filter(
    ([path, entry]) =>
      path.startsWith('node_modules/') && !entry.link && existsSync(join(ROOT, path, 'package.json')),
  );

  it('lists the installed packages (the comparison below reads them)', () => {
    expect(installed.length).toBeGreaterThan(100);
  });

  it('marks exactly the installed packages npm sees an install script in', () => {
    const differing = installed.flatMap(([path, entry]) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, path, 'package.json'), 'utf8')) as Manifest;
      if (manifest.version !== entry.version) return [];
      const expected = npmSeesInstallScript(join(ROOT, path), manifest);
      return expected === (entry.hasInstallScript === true)
        ? []
        : [`${path}: hasInstallScript should be ${expected}`];
    });
    expect(differing).toEqual([]);
  });
});
