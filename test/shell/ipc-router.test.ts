/**
 * The main process's IPC router (electron/main/ipc-router.ts): only the app's own top frame may
 * call, every call is validated against the contract before the engine sees it, and every answer
 * is a result or a typed error without a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { type CallSender, createIpcRouter, isTrustedFrame } from '../../electron/main/ipc-router.ts';
import { BriefError } from '../../shared/errors.ts';

const PAGE = 'file:///opt/360Brief/resources/app/out/renderer/index.html';
const DEV = 'http://localhost:5173';

function fakeEngine(answer: (name: string, args: unknown) => unknown = () => ({ fine: true })) {
  const calls: Array<{ name: string; args: unknown }> = [];
  return {
    calls,
    engine: {
      async call(name: string, args: unknown) {
        calls.push({ name, args });
        return answer(name, args);
      },
    },
  };
}

const main = (frameUrl: string | null): CallSender => ({ frameUrl, isMainFrame: true });

describe('isTrustedFrame', () => {
  it.each([
    [PAGE, true],
    [`${PAGE}#/settings`, true],
    [`${PAGE}?view=jobs`, true],
    ['file:///opt/360Brief/resources/app/out/renderer/other.html', false],
    [`${PAGE}.evil.html`, false],
    [`${PAGE}/../../../../../../etc/passwd`, false],
    ['file:///tmp/index.html', false],
    ['file://evil-host/opt/360Brief/resources/app/out/renderer/index.html', false],
    ['https://evil.example/index.html', false],
    ['http://localhost:5173/', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('bundled renderer: %s → %s', (frameUrl, trusted) => {
    expect(isTrustedFrame(main(frameUrl), [PAGE])).toBe(trusted);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/#/jobs', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://localhost.evil.example:5173/', false],
    [PAGE, false],
  ])('dev server: %s → %s', (frameUrl, trusted) => {
    expect(isTrustedFrame(main(frameUrl), [DEV])).toBe(trusted);
  });

  it('refuses a subframe and a frame without a URL, even at the trusted address', () => {
    expect(isTrustedFrame({ frameUrl: PAGE, isMainFrame: false }, [PAGE])).toBe(false);
    expect(isTrustedFrame(main(null), [PAGE])).toBe(false);
  });
});

describe('createIpcRouter', () => {
  it('forwards a valid call from the app window with its parsed arguments', async () => {
    const { engine, calls } = fakeEngine();
    const route = createIpcRouter(engine, [PAGE]);
    const outcome = await route(main(PAGE), 'accounts.addAlias', {
      accountId: 3,
      address: '  me@example.org ',
    });
    expect(outcome).toEqual({ ok: true, value: { fine: true } });
    expect(calls).toEqual([{ name: 'accounts.addAlias', args: { accountId: 3, address: 'me@example.org' } }]);
  });

  it('refuses calls from another frame, origin or subframe before the engine sees them', async () => {
    const { engine, calls } = fakeEngine();
    const route = createIpcRouter(engine, [PAGE]);
    for (const sender of [
      main('https://evil.example/'),
      main(`${PAGE}.evil.html`),
      { frameUrl: PAGE, isMainFrame: false },
      main(null),
    ]) {
      const outcome = await route(sender, 'app.info', {});
      expect(outcome).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'This call did not come from the 360Brief window and was refused.',
        },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown methods and malformed arguments with a typed error', async () => {
    const { engine, calls } = fakeEngine();
    const route = createIpcRouter(engine, [PAGE]);
    const cases: Array<[unknown, unknown]> = [
      ['accounts.drop', {}],
      [42, {}],
      ['__proto__', {}],
      ['jobs.get', { jobId: 'one' }],
      ['jobs.get', { jobId: 1, extra: true }],
      ['jobs.get', JSON.parse('{"jobId": 1, "__proto__": {"polluted": true}}')],
      ['settings.update', { theme: 'x'.repeat(300_000) }],
      ['app.info', 'hello'],
    ];
    for (const [name, args] of cases) {
      const outcome = await route(main(PAGE), name, args);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('VALIDATION');
        expect(outcome.error.message.length).toBeGreaterThan(10);
      }
    }
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("passes the engine's typed errors through and hides anything else behind INTERNAL", async () => {
    const typed = createIpcRouter(
      fakeEngine(() => {
        throw new BriefError('NOT_FOUND', 'Job 9 does not exist.');
      }).engine,
      [PAGE],
    );
    expect(await typed(main(PAGE), 'jobs.get', { jobId: 9 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Job 9 does not exist.' },
    });
    const crashing = createIpcRouter(
      fakeEngine(() => {
        throw new TypeError('Cannot read properties of undefined (reading "secret") at /home/me/code.ts:1:1');
      }).engine,
      [PAGE],
    );
    const outcome = await crashing(main(PAGE), 'app.info', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(outcome)).not.toMatch(/secret|code\.ts|TypeError/);
  });
});
