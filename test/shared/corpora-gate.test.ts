import { describe, expect, it } from 'vitest';
import { corporaGate } from '../paths.ts';

describe('the corpora gate of every test run', () => {
  it('fails a CI run without the corpora, with where they belong', () => {
    expect(() => corporaGate({ CI: 'true' }, false)).toThrow(/shared corpora are not at .*corpora.*CI=true/);
  });

  it('lets a CI run with them, and a developer run without them, go on', () => {
    expect(() => corporaGate({ CI: 'true' }, true)).not.toThrow();
    expect(() => corporaGate({}, false)).not.toThrow();
    expect(() => corporaGate({ CI: 'false' }, false)).not.toThrow();
  });
});
