/**
 * The README's layout table lists every top-level folder, so a reader finds what a folder is for
 * without opening it: a folder added (or made by a tool) without a line there fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const layout = readme.slice(
  readme.indexOf('\n## Layout'),
  readme.indexOf('\n## ', readme.indexOf('\n## Layout') + 1),
);

describe("the README's layout", () => {
  it('is a section of the README', () => {
    expect(layout).toContain('| folder | what |');
  });

  it('names every top-level folder', () => {
    const folders = readdirSync(ROOT, { withFileTypes: true })
      .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && entry.name !== '.git')
      .map((entry) => entry.name);
    expect(folders).toContain('electron');
    expect(folders.filter((name) => !layout.includes(`\`${name}/`))).toEqual([]);
  });
});
