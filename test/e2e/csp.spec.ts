import { expect, test } from '@playwright/test';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';
import { demoBridgeForFile } from './serve.ts';

/**
 * The built page carries its Content Security Policy in a <meta> tag (what protects the packaged
 * window's file:// page) on top of the header `brief serve` sends: the dashboard still loads and
 * draws under both, and the browser reports no violation and no ignored directive.
 */
const demoBridge = demoBridgeForFile();

test('the dashboard loads and draws under the meta-tag and header policies with no violation', async ({
  page,
}) => {
  const bridge = demoBridge();
  const policyMessages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) policyMessages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'All time' }).click();
  const coverage = page.getByRole('region', { name: 'Coverage' });
  await expect(coverage).toContainText(/[1-9][\d,]* messages/, { timeout: 30_000 });

  const declared = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')));
  expect(declared).toEqual([META_CONTENT_SECURITY_POLICY]);
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);
  expect(policyMessages).toEqual([]);
});
