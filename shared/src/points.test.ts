import { describe, expect, it } from 'vitest';
import { activityPoints, needPoints, POINTS_RULES } from './points.js';

const resolvedAt = new Date('2020-05-01T02:00:00Z');
const followedUpAt = new Date('2020-05-04T02:00:00Z');

describe('points a history earns (the seed and the benchmark generator)', () => {
  it('a need: +5 to each delivering unit when resolved, +2 more each for a follow-up of 5, nothing before', () => {
    const need = { id: 'n', status: 'CLOSED', satisfaction: 5, resolvedAt, followedUpAt };
    expect(needPoints(need, ['a', 'b'])).toEqual([
      { unitId: 'a', points: POINTS_RULES.NEED_RESOLVED, source: 'NEED_RESOLVED', sourceId: 'n', earnedAt: resolvedAt },
      { unitId: 'b', points: POINTS_RULES.NEED_RESOLVED, source: 'NEED_RESOLVED', sourceId: 'n', earnedAt: resolvedAt },
      { unitId: 'a', points: POINTS_RULES.FOLLOW_UP_SATISFIED, source: 'FOLLOW_UP_SATISFIED', sourceId: 'n', earnedAt: followedUpAt },
      { unitId: 'b', points: POINTS_RULES.FOLLOW_UP_SATISFIED, source: 'FOLLOW_UP_SATISFIED', sourceId: 'n', earnedAt: followedUpAt },
    ]);
    expect(needPoints({ ...need, satisfaction: 4 }, ['a']).map((p) => p.points)).toEqual([5]);
    expect(needPoints({ ...need, status: 'RESOLVED', satisfaction: null, followedUpAt: null }, ['a']).map((p) => p.source)).toEqual(['NEED_RESOLVED']);
    expect(needPoints({ ...need, status: 'IN_PROGRESS', satisfaction: null, resolvedAt: null, followedUpAt: null }, ['a'])).toEqual([]);
    // No delivering unit named: nobody earns (a claim alone earns nothing).
    expect(needPoints(need, [])).toEqual([]);
  });

  it('an activity: +10 to each confirmed unit once COMPLETED, at its end', () => {
    const endsAt = new Date('2021-08-01T08:00:00Z');
    expect(activityPoints({ id: 'x', status: 'COMPLETED', endsAt }, ['a'])).toEqual([
      { unitId: 'a', points: 10, source: 'ACTIVITY_COMPLETED', sourceId: 'x', earnedAt: endsAt },
    ]);
    expect(activityPoints({ id: 'x', status: 'CANCELLED', endsAt }, ['a'])).toEqual([]);
  });
});
