import { describe, expect, it } from 'vitest';
import type { NeedStatus } from '@alliance/shared';
import { FUNNEL_STEPS, needsFunnel } from '../funnel';

describe('the needs funnel from needsByStatus', () => {
  it('the steps are the loop without the turned-down status', () => {
    expect(FUNNEL_STEPS).toEqual(['REPORTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
  });

  it('each step counts the needs in it or later; turned-down needs only reached the first step', () => {
    // As the server lists them: every status, in the NeedStatus enum's (loop) order, adding up to needsReported (18).
    const counts: { status: NeedStatus; count: number }[] = [
      { status: 'REPORTED', count: 3 },
      { status: 'ACCEPTED', count: 2 },
      { status: 'REJECTED', count: 4 },
      { status: 'ORDERED', count: 1 },
      { status: 'PLANNED', count: 0 },
      { status: 'IN_PROGRESS', count: 1 },
      { status: 'RESOLVED', count: 2 },
      { status: 'CLOSED', count: 5 },
    ];
    const { steps, rejected } = needsFunnel(counts);
    expect(rejected).toBe(4);
    expect(steps.map((s) => [s.status, s.reached, s.now])).toEqual([
      ['REPORTED', 18, 3],
      ['ACCEPTED', 11, 2],
      ['ORDERED', 9, 1],
      ['PLANNED', 8, 0],
      ['IN_PROGRESS', 8, 1],
      ['RESOLVED', 7, 2],
      ['CLOSED', 5, 5],
    ]);
    // The top of the funnel is every need of the range.
    expect(steps[0]!.reached).toBe(counts.reduce((a, c) => a + c.count, 0));
  });

  it('an empty range (or a missing status) counts zero', () => {
    const { steps, rejected } = needsFunnel([{ status: 'CLOSED', count: 2 }]);
    expect(rejected).toBe(0);
    expect(steps.map((s) => s.reached)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(needsFunnel([]).steps.every((s) => s.reached === 0 && s.now === 0)).toBe(true);
  });
});
