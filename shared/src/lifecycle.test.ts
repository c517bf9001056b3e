import { describe, expect, it } from 'vitest';
import { allowedActions, judge, lifecyclePath, lifecyclePathThrough, type Actor } from './lifecycle.js';
import { ACTIVITY_LIFECYCLE, NEED_LIFECYCLE, NEED_PROGRESS, SHELF_LIFECYCLE, SIGNUP_LIFECYCLE, isOverdue, needStepStates } from './lifecycles.js';
import { NEED_STATUS_LABELS, NEED_STEP_LABELS } from './labels.js';

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

describe('lifecyclePath', () => {
  const actions = <A extends string>(steps: { action: A }[]) => steps.map((s) => s.action);

  it('walks the ordinary loop, each step from the previous one\'s status', () => {
    const closed = lifecyclePath(NEED_LIFECYCLE, 'REPORTED', 'CLOSED');
    expect(actions(closed)).toEqual(['accept', 'order', 'plan', 'assign', 'resolve', 'followUp']);
    expect(closed.map((s) => s.to)).toEqual(['ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
    closed.forEach((s, i) => {
      expect(s.from).toBe(i ? closed[i - 1]!.to : 'REPORTED');
      expect(NEED_LIFECYCLE[s.action].from).toContain(s.from);
      expect(NEED_LIFECYCLE[s.action].to).toBe(s.to);
    });
    expect(actions(lifecyclePath(NEED_LIFECYCLE, 'REPORTED', 'REJECTED'))).toEqual(['reject']);
    expect(lifecyclePath(NEED_LIFECYCLE, 'PLANNED', 'PLANNED')).toEqual([]);
  });

  it('takes corrections only where the loop has no way back', () => {
    expect(actions(lifecyclePath(NEED_LIFECYCLE, 'REJECTED', 'ACCEPTED'))).toEqual(['reopen', 'accept']);
    expect(actions(lifecyclePath(NEED_LIFECYCLE, 'PLANNED', 'ACCEPTED'))).toEqual(['withdrawOrder']);
    expect(() => lifecyclePath(NEED_LIFECYCLE, 'CLOSED', 'REPORTED')).toThrow(/no legal way/);
  });

  it('covers the other tables, and paths through given statuses', () => {
    expect(actions(lifecyclePath(ACTIVITY_LIFECYCLE, 'DRAFT', 'COMPLETED'))).toEqual(['publish', 'start', 'complete']);
    expect(actions(lifecyclePath(ACTIVITY_LIFECYCLE, 'DRAFT', 'CANCELLED'))).toEqual(['cancel']);
    expect(actions(lifecyclePathThrough(ACTIVITY_LIFECYCLE, ['DRAFT', 'OPEN', 'CANCELLED']))).toEqual(['publish', 'cancel']);
    expect(actions(lifecyclePath(SHELF_LIFECYCLE, 'DRAFT', 'OFF_SHELF'))).toEqual(['submit', 'approve', 'takeDown']);
    expect(actions(lifecyclePath(SIGNUP_LIFECYCLE, 'WAITLISTED', 'WITHDRAWN'))).toEqual(['withdraw']);
  });
});

describe('the five steps of a need (NEED_PROGRESS)', () => {
  const states = (status: Parameters<typeof needStepStates>[0]) => needStepStates(status).map((s) => s.state);
  it('places every status on 提问题 -> 开单子 -> 定方案 -> 领任务 -> 跑回访', () => {
    expect(needStepStates('REPORTED').map((s) => s.step)).toEqual(['report', 'order', 'plan', 'take', 'visit']);
    expect(states('REPORTED')).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    expect(states('ACCEPTED')).toEqual(['done', 'todo', 'todo', 'todo', 'todo']);
    expect(states('ORDERED')).toEqual(['done', 'done', 'todo', 'todo', 'todo']);
    expect(states('PLANNED')).toEqual(['done', 'done', 'done', 'todo', 'todo']);
    expect(states('IN_PROGRESS')).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expect(states('RESOLVED')).toEqual(['done', 'done', 'done', 'done', 'todo']);
    expect(states('CLOSED')).toEqual(['done', 'done', 'done', 'done', 'done']);
    // A rejected need stopped at 提问题 and goes no further.
    expect(states('REJECTED')).toEqual(['stopped', 'todo', 'todo', 'todo', 'todo']);
  });

  it('names the step each status label names', () => {
    for (const status of ['ORDERED', 'PLANNED', 'IN_PROGRESS'] as const) {
      expect(NEED_STEP_LABELS['zh-CN'][NEED_PROGRESS[status].step]).toBe(NEED_STATUS_LABELS['zh-CN'][status]);
    }
  });
});
