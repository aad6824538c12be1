/**
 * The sentences 360Brief shows send people only to what exists: every `brief <command>` they name
 * is a command, every flag is one that command takes, and no sentence names "Export diagnostics"
 * while the dashboard has no such control. Read from the sources, so a renamed flag or command
 * cannot leave a message behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, commandSpec, flagsOf, GLOBAL_FLAGS } from '../../electron/cli/command-specs.ts';
import { ROOT } from '../paths.ts';

/** What a person can be shown: the code, not its comments (which may speak of what is planned). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function sources(folder: string, ending: RegExp): Array<{ path: string; text: string }> {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && ending.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(ROOT, path), text: withoutComments(readFileSync(path, 'utf8')) };
    });
}

/** Where the sentences of the engine and the command line are written. */
const SENTENCES = [
  ...sources('electron/cli', /\.ts$/),
  ...sources('electron/engine', /\.ts$/),
  ...sources('shared', /\.ts$/),
];
const ANY_FLAG = new Set(COMMAND_SPECS.flatMap(flagsOf).map((flag) => flag.name));

describe('the sentences name only what exists', () => {
  it('each `brief <command> --flag…` they quote is a command, with flags it takes', () => {
    const wrong: string[] = [];
    let quoted = 0;
    for (const { path, text } of SENTENCES) {
      for (const [, span] of text.matchAll(/`brief ([^`\\]*)/g)) {
        const [first = ''] = span!.split(' ');
        // A template being built (`brief ${name}`) or a placeholder (`brief <command>`) names nothing yet.
        if (first.startsWith('$') || first.startsWith('<') || first === '') continue;
        quoted += 1;
        const spec = first.startsWith('-') ? null : commandSpec(first);
        if (!first.startsWith('-') && !spec) wrong.push(`${path}: brief ${first} is no command`);
        const accepted = new Set((spec ? flagsOf(spec) : GLOBAL_FLAGS).map((flag) => flag.name));
        for (const [, flag] of span!.matchAll(/(?:^|\s)--([a-z][a-z-]*)/g))
          if (!accepted.has(flag!)) wrong.push(`${path}: brief ${first} takes no --${flag}`);
      }
    }
    expect(quoted).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });

  it('each --flag they name is a flag of brief', () => {
    const wrong: string[] = [];
    for (const { path, text } of SENTENCES)
      for (const [, flag] of text.matchAll(/(?<![\w-])--([a-z][a-z-]+)/g))
        if (!ANY_FLAG.has(flag!)) wrong.push(`${path}: --${flag}`);
    expect(wrong).toEqual([]);
  });

  it('none sends people to "Export diagnostics" while the dashboard has no such control', () => {
    const dashboard = sources('renderer/src', /\.tsx?$/).some(({ text }) =>
      text.includes('Export diagnostics'),
    );
    const naming = [...SENTENCES, ...sources('electron/main', /\.ts$/)]
      .filter(({ text }) => /xport diagnostics (from|in)/.test(text))
      .map(({ path }) => path);
    expect(dashboard || naming.length === 0, naming.join(', ')).toBe(true);
  });
});
