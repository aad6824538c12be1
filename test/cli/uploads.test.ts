/**
 * Files dropped in a browser reach the engine through `brief serve`: a batch folder, files put
 * into it under their relative paths (a dropped folder keeps its layout), imported by path, and
 * removed once their import completes. Only the token's holder may upload, and a path cannot
 * leave its batch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLY_WALK_PATHS } from '../engine/helpers.ts';
import { bridgePerTest } from './bridge-harness.ts';

const harness = bridgePerTest();

/** The answers of the upload routes, as these tests read them. */
interface UploadAnswer {
  value: { batch: string; path: string };
  error: { code: string };
}

async function send(
  method: string,
  path: string,
  body?: Buffer,
  token: string | null = harness.bridge.token,
) {
  const response = await fetch(`${harness.base}${path}`, {
    method,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    ...(body ? { body } : {}),
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer };
}

describe('uploads through brief serve', () => {
  it('keeps a dropped folder’s layout, imports it by path and removes it once imported', async () => {
    const batch = (await send('POST', '/uploads')).body.value.batch as string;
    const paths = new Set<string>();
    for (const file of REPLY_WALK_PATHS) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const put = await send('PUT', `/uploads/${batch}?path=Mail/${name}`, readFileSync(file));
      expect(put.status).toBe(200);
      paths.add(put.body.value.path);
    }
    expect(paths.size).toBe(1);
    const [folder] = [...paths];
    expect(folder!.endsWith('/Mail')).toBe(true);
    expect(readFileSync(join(folder!, 'inbox.mbox'))).toEqual(readFileSync(REPLY_WALK_PATHS[0]!));

    await harness.engine.call('import.start', { paths: [folder!], account: 'me@example.com' });
    await harness.engine.runner.runUntilIdle({ sleep: harness.clock.sleep });
    const [account] = await harness.engine.call('accounts.list', {});
    expect(account!.address).toBe('me@example.com');
    await expect.poll(() => existsSync(folder!)).toBe(false);
  });

  it('refuses uploads without the token, paths that leave the batch, unknown batches and a file sent twice', async () => {
    expect((await send('POST', '/uploads', undefined, null)).status).toBe(401);
    const batch = (await send('POST', '/uploads')).body.value.batch as string;
    for (const path of ['../escape.mbox', 'a/../../b', '/abs.mbox', 'a\\b.mbox', '', 'a//b']) {
      const refused = await send(
        'PUT',
        `/uploads/${batch}?path=${encodeURIComponent(path)}`,
        Buffer.from('x'),
      );
      expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION']);
    }
    const unknown = await send('PUT', '/uploads/999?path=a.mbox', Buffer.from('x'));
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await send('PUT', `/uploads/${batch}?path=a.mbox`, Buffer.from('x'))).status).toBe(200);
    const twice = await send('PUT', `/uploads/${batch}?path=a.mbox`, Buffer.from('y'));
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CONFLICT']);
  });
});
