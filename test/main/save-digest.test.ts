/** The desktop app's "Save as HTML": the engine's HTML digest written where the save dialog says, nothing when cancelled. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { saveDigest } from '../../electron/main/save-digest.ts';
import { writeMbox } from '../brief/mbox.ts';
import { fakeClock, openEngine, tempFolder } from '../engine/helpers.ts';

async function engineWithMail() {
  const time = fakeClock(Date.parse('2025-03-20T12:00:00.000Z'));
  const engine = openEngine({ clock: time.clock });
  const folder = tempFolder('brief-save-');
  const inbox = writeMbox(folder, 'inbox.mbox', [
    {
      id: 'a1@acme.example',
      date: '2025-03-17T09:00:00Z',
      from: 'ann@acme.example',
      to: 'me@example.com',
      subject: 'Budget',
    },
  ]);
  await engine.call('import.start', { paths: [inbox], account: 'me@example.com' });
  await engine.runner.runUntilIdle({ sleep: time.sleep });
  return { engine, folder };
}

describe('saving the digest from the desktop app', () => {
  it('writes the HTML page where the person chose, offering its file name, readable by them alone', async () => {
    const { engine, folder } = await engineWithMail();
    const offered: string[] = [];
    const target = join(folder, 'chosen.html');
    const result = await saveDigest(
      {
        digest: (args) => engine.call('brief.digest', args),
        choosePath: async (fileName) => {
          offered.push(fileName);
          return target;
        },
      },
      { account: 'all', timeZone: 'UTC' },
    );
    expect(result).toEqual({ path: target });
    expect(offered).toEqual(['360brief-me@example.com-2025-03-20.html']);
    const html = readFileSync(target, 'utf8');
    expect(html).toContain('1 thread waits on you (oldest 3 days)');
    expect(html).not.toMatch(/<script/i);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    // Saving is not delivering: the last brief did not move.
    expect(
      engineServicesForTests(engine).store.db.prepare('SELECT COUNT(*) AS n FROM brief_marks').get(),
    ).toEqual({ n: 0 });
  });

  it('writes nothing when the dialog is cancelled, and says why it could not write', async () => {
    const { engine, folder } = await engineWithMail();
    const digest = (args: Parameters<typeof engine.call<'brief.digest'>>[1]) =>
      engine.call('brief.digest', args);
    expect(await saveDigest({ digest, choosePath: async () => null }, { account: 'all' })).toEqual({
      path: null,
    });
    expect(existsSync(join(folder, '360brief-me@example.com-2025-03-20.html'))).toBe(false);
    await expect(
      saveDigest({ digest, choosePath: async () => folder }, { account: 'all' }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: `Could not write the digest to ${folder}: that is a folder; name a file such as brief.html.`,
    });
  });
});
