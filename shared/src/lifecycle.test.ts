import { describe, expect, it } from 'vitest';
import { allowedActions, judge, type Actor } from './lifecycle.js';
import { NEED_LIFECYCLE, SHELF_LIFECYCLE, isOverdue } from './lifecycles.js';

const committee: Actor = { role: 'COMMITTEE_ADMIN', userId: 'c' };
const unitAdmin: Actor = { role: 'UNIT_ADMIN', userId: 'u', unitId: 'unit-1' };
const grid1: Actor = { role: 'GRID_WORKER', userId: 'g', gridId: 'grid-1' };
const viewer: Actor = { role: 'VIEWER', userId: 'v' };

describe('lifecycle tables', () => {
  it('offer each role exactly its legal actions', () => {
    expect(allowedActions(SHELF_LIFECYCLE, committee, { status: 'PENDING_REVIEW', unitIds: ['unit-2'] })).toEqual(['edit', 'approve', 'reject']);
    expect(allowedActions(SHELF_LIFECYCLE, unitAdmin, { status: 'DRAFT', unitIds: ['unit-1'] })).toEqual(['edit', 'submit']);
    expect(allowedActions(SHELF_LIFECYCLE, unitAdmin, { status: 'DRAFT', unitIds: ['unit-2'] })).toEqual([]);
    expect(allowedActions(SHELF_LIFECYCLE, viewer, { status: 'DRAFT', unitIds: ['unit-1'] })).toEqual([]);
  });

  it('tell FORBIDDEN (never for this actor) from CONFLICT (not from this status)', () => {
    expect(judge(SHELF_LIFECYCLE, 'approve', unitAdmin, { status: 'PENDING_REVIEW', unitIds: ['unit-1'] })).toBe('FORBIDDEN');
    expect(judge(SHELF_LIFECYCLE, 'approve', committee, { status: 'DRAFT' })).toBe('CONFLICT');
    expect(judge(NEED_LIFECYCLE, 'followUp', grid1, { status: 'RESOLVED', gridId: 'grid-2' })).toBe('FORBIDDEN');
    expect(judge(NEED_LIFECYCLE, 'followUp', grid1, { status: 'RESOLVED', gridId: 'grid-1' })).toBe('ALLOWED');
    expect(judge(NEED_LIFECYCLE, 'resolve', grid1, { status: 'IN_PROGRESS', assigneeId: 'someone-else' })).toBe('FORBIDDEN');
    expect(judge(NEED_LIFECYCLE, 'resolve', grid1, { status: 'IN_PROGRESS', assigneeId: 'g' })).toBe('ALLOWED');
  });

  it('call a need overdue when it is unfinished and past its due time', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isOverdue({ status: 'PLANNED', dueAt: '2026-05-31T00:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'RESOLVED', dueAt: '2026-05-31T00:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'PLANNED', dueAt: '2026-06-02T00:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'PLANNED', dueAt: null }, now)).toBe(false);
  });
});

describe('the statuses an action may lead to besides its `to`', () => {
  it('are named where the input chooses: a follow-up that reopens, an edit that sends a project back to review', () => {
    expect(NEED_LIFECYCLE.followUp).toMatchObject({ to: 'CLOSED', otherwise: ['IN_PROGRESS'] });
    expect(SHELF_LIFECYCLE.edit).toMatchObject({ to: null, otherwise: ['PENDING_REVIEW'] });
    const withChoices = [NEED_LIFECYCLE, SHELF_LIFECYCLE].flatMap((table) =>
      Object.entries(table).filter(([, row]) => row.otherwise).map(([action]) => action),
    );
    expect(withChoices).toEqual(['followUp', 'edit']);
  });
});
