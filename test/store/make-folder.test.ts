import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolder } from '../../electron/engine/db/make-folder.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'brief-make-folder-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('creates every missing level with the mode asked, and accepts folders that exist', () => {
    const deep = join(root, 'a', 'b', 'c');
    makeFolder(deep, 0o700);
    for (const level of [join(root, 'a'), join(root, 'a', 'b'), deep])
      expect(statSync(level).mode & 0o777).toBe(0o700);
    expect(() => makeFolder(deep, 0o700)).not.toThrow();
    expect(() => makeFolder(root)).not.toThrow();
  });

  it('refuses a path through a file with ENOTDIR', () => {
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'mine');
    expect(() => makeFolder(join(file, 'logs'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it.skipIf(process.platform !== 'linux')(
    'fails at once where the system will not create the folder (Node loops for ever there; Linux only: /proc)',
    () => {
      expect(() => makeFolder('/proc/brief-no-such/logs')).toThrow(
        expect.objectContaining({ code: 'EPERM', syscall: 'mkdir', path: '/proc/brief-no-such' }),
      );
    },
  );
});
