/** A sync's wait ends when its job's signal is aborted, with the job's own CANCELLED error. */
import { describe, expect, it } from 'vitest';
import { realSleep } from '../../electron/engine/sources/gmail/cancellation.ts';
import { BriefError } from '../../shared/errors.ts';

describe('realSleep', () => {
  it('resolves once the time has passed', async () => {
    await expect(realSleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('ends a long wait when the signal is aborted, with the reason the job gave', async () => {
    const controller = new AbortController();
    const waiting = realSleep(3_600_000, controller.signal);
    const reason = new BriefError('CANCELLED', 'Paused by you.');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it('refuses to start on an aborted signal, as CANCELLED even when the reason is something else', async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(realSleep(3_600_000, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
