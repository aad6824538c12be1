import { describe, expect, it } from 'vitest';
import { isRunning } from '../../electron/engine/process-alive.ts';

describe('isRunning', () => {
  it('is true for this process and false for a number no process can have', () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(4_194_305)).toBe(false);
  });

  // kill(0, 0) succeeds (it signals our own process group), so a folder named brief-zip-0-… (or one
  // made from a failed spawn's pid 0) used to count as a running process's and was never removed.
  it('is false for 0 and negative numbers, which name process groups', () => {
    expect(isRunning(0)).toBe(false);
    expect(isRunning(-1)).toBe(false);
    expect(isRunning(-process.pid)).toBe(false);
    expect(isRunning(Number.NaN)).toBe(false);
  });
});
