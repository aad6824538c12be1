/** "How is this computed?": one text per figure, the engine's, carried by every report. */
import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../electron/engine/analytics/index.ts';
import { DEFINITION_KEYS } from '../../shared/report-types.ts';

describe('definitions', () => {
  it('has one non-empty text for every definition key, and no other', () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual([...DEFINITION_KEYS].sort());
    for (const key of DEFINITION_KEYS) expect(DEFINITIONS[key].length, key).toBeGreaterThan(40);
  });

  it('describes the response-time statistics as numbers.ts computes them (docs/metrics.md "Numbers")', () => {
    const text = DEFINITIONS.responseTimeMine;
    expect(text).toContain('for an even count, the mean of the two middle ones');
    expect(text).toContain('nearest rank');
    // The mean is of all delays, not of the two middle ones (an earlier text said so).
    expect(text).toContain('mean = the average of all delays');
  });
});
