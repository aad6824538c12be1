import { expect, test } from '@playwright/test';
import { type Bridge, startBridge } from './serve.ts';

let bridge: Bridge;

test.beforeAll(async () => {
  bridge = await startBridge();
});

test.afterAll(async () => {
  await bridge?.stop();
});

test('a call without a token or with a wrong one is refused with 401 and a typed error', async ({
  request,
}) => {
  const body = { method: 'accounts.list', args: {} };
  const missing = await request.post(`${bridge.origin}/rpc`, { data: body });
  expect(missing.status()).toBe(401);
  expect(await missing.json()).toMatchObject({
    ok: false,
    error: { code: expect.any(String), message: expect.any(String) },
  });

  const wrong = await request.post(`${bridge.origin}/rpc`, {
    data: body,
    headers: { Authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status()).toBe(401);

  const right = await request.post(`${bridge.origin}/rpc`, {
    data: body,
    headers: { Authorization: `Bearer ${bridge.token}` },
  });
  expect(right.status()).toBe(200);
  expect(await right.json()).toEqual({ ok: true, value: [] });
});

test('the page opened with a wrong token says it cannot open the dashboard', async ({ page }) => {
  await page.goto(`${bridge.origin}/?token=wrong-token`);
  await expect(page.getByRole('heading', { name: '360Brief cannot open this dashboard' })).toBeVisible();
  await expect(page.getByText('Welcome to 360Brief')).toHaveCount(0);
});

test('the page opened without a token explains which address to open', async ({ page }) => {
  await page.goto(`${bridge.origin}/`);
  await expect(page.getByRole('heading', { name: '360Brief cannot open this dashboard' })).toBeVisible();
  await expect(page.getByText('brief serve', { exact: false })).toBeVisible();
});

test('the event socket refuses a wrong token', async ({ page }) => {
  await page.goto(`${bridge.origin}/?token=wrong-token`);
  const outcome = await page.evaluate(
    (origin) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${origin.replace('http', 'ws')}/events?token=wrong-token`);
        socket.onopen = () => resolve('open');
        socket.onclose = () => resolve('closed');
      }),
    bridge.origin,
  );
  expect(outcome).toBe('closed');
});
