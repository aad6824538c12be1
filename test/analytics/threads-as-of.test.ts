import { describe, expect, it } from 'vitest';
import { computeReport, threadsNeedRederivation } from '../../electron/engine/analytics/index.ts';
import { received, reportInput, sent } from './builders.ts';

const asOf = '2025-06-01T00:00:00Z';

/** Two messages with the same subject and a shared contact, stored before threads were derived (one thread each). */
function storedApart() {
  return [
    received('2025-05-01T09:00:00Z', 'ann@a.example', {
      subject: 'Plan',
      subjectKey: 'plan',
      threadKey: 'r:1',
    }),
    sent('2025-05-01T11:00:00Z', ['ann@a.example'], {
      subject: 'Re: Plan',
      subjectKey: 'plan',
      threadKey: 'r:2',
    }),
  ];
}

describe('threads and the report as-of time', () => {
  it('uses stored threads when they were derived with the same as-of time', () => {
    const input = reportInput(storedApart(), asOf);
    expect(threadsNeedRederivation(input)).toBe(false);
    expect(computeReport(input).threads.count).toBe(2);
  });

  it('re-derives threads with the report as-of time when the stored as-of is unknown', () => {
    const report = computeReport(reportInput(storedApart(), asOf, 'all', { threadsDerivedAsOf: null }));
    expect(report.threads).toMatchObject({ count: 1, medianLength: 2 });
    expect(report.responseTime.mine).toMatchObject({ count: 1, medianMs: 7_200_000 });
  });

  it('re-derives only when some message is dated under one as-of time and undated under the other', () => {
    const messages = storedApart();
    const input = reportInput(messages, asOf, 'all', {
      threadsDerivedAsOf: Date.parse('2025-07-01T00:00:00Z'),
    });
    expect(threadsNeedRederivation(input)).toBe(false);
    // A message dated 2025-06-15 is valid as of 07-01 but more than a day after 06-01.
    const future = received('2025-06-15T00:00:00Z', 'ann@a.example');
    expect(threadsNeedRederivation({ ...input, messages: [...messages, future] })).toBe(true);
  });
});
