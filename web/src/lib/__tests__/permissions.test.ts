import { describe, expect, it } from 'vitest';
import type { Actor } from '@alliance/shared';
import {
  accountActions,
  activityActions,
  bookingActions,
  canBookForResident,
  canPublishSlots,
  canChangeBinding,
  canManageAccounts,
  canReadAuditLog,
  canCreateActivity,
  canCreateProject,
  canManageUnits,
  canReportNeed,
  canReview,
  canSignUp,
  editableUnitFields,
  needActions,
  shelfActions,
  signupActions,
} from '../permissions';

const committee: Actor = { role: 'COMMITTEE_ADMIN', userId: 'c' };
const unit1: Actor = { role: 'UNIT_ADMIN', userId: 'u1', unitId: 'unit-1' };
const grid1: Actor = { role: 'GRID_WORKER', userId: 'g1', gridId: 'grid-1' };
const viewer: Actor = { role: 'VIEWER', userId: 'v' };

const project = (status: 'DRAFT' | 'PENDING_REVIEW' | 'ON_SHELF' | 'OFF_SHELF' | 'REJECTED', unitId = 'unit-1') => ({ status, unit: { id: unitId } });

describe('shelf buttons come from SHELF_LIFECYCLE and the role', () => {
  it('a unit admin edits and submits its own drafts, never reviews', () => {
    expect(shelfActions(unit1, project('DRAFT'))).toEqual(['edit', 'submit']);
    expect(shelfActions(unit1, project('PENDING_REVIEW'))).toEqual(['edit']);
    expect(shelfActions(unit1, project('ON_SHELF'))).toEqual(['edit']);
    expect(shelfActions(unit1, project('REJECTED'))).toEqual(['edit', 'submit']);
  });

  it("a unit admin gets nothing on another unit's project", () => {
    expect(shelfActions(unit1, project('DRAFT', 'unit-2'))).toEqual([]);
    expect(shelfActions(unit1, project('ON_SHELF', 'unit-2'))).toEqual([]);
  });

  it('the committee reviews what waits and takes down what is on the shelf', () => {
    expect(shelfActions(committee, project('PENDING_REVIEW'))).toEqual(['edit', 'approve', 'reject']);
    expect(shelfActions(committee, project('ON_SHELF'))).toEqual(['edit', 'takeDown']);
    expect(shelfActions(committee, project('OFF_SHELF'))).toEqual(['edit', 'submit']);
  });

  it('viewers and grid workers get no buttons at all', () => {
    for (const actor of [viewer, grid1]) {
      for (const s of ['DRAFT', 'PENDING_REVIEW', 'ON_SHELF', 'OFF_SHELF', 'REJECTED'] as const) expect(shelfActions(actor, project(s))).toEqual([]);
    }
    expect(shelfActions(null, project('DRAFT'))).toEqual([]);
  });

  it('who may create and review', () => {
    expect([committee, unit1, grid1, viewer].map(canCreateProject)).toEqual([true, true, false, false]);
    expect([committee, unit1, grid1, viewer].map(canReview)).toEqual([true, false, false, false]);
  });
});

describe('need buttons come from NEED_LIFECYCLE, reach included', () => {
  const need = (status: string, extra: Record<string, unknown> = {}) =>
    ({ status, grid: { id: 'grid-1' }, assignee: null, claimedBy: [], ...extra }) as Parameters<typeof needActions>[1];

  it('the committee screens, orders, plans and assigns, and corrects', () => {
    expect(needActions(committee, need('REPORTED'))).toEqual(['accept', 'reject']);
    expect(needActions(committee, need('ACCEPTED'))).toEqual(['order']);
    expect(needActions(committee, need('ORDERED'))).toEqual(['plan', 'withdrawOrder']);
    expect(needActions(committee, need('PLANNED'))).toEqual(['assign', 'replan', 'withdrawOrder']);
    expect(needActions(committee, need('RESOLVED'))).toEqual(['followUp']);
    expect(needActions(committee, need('REJECTED'))).toEqual(['reopen']);
  });

  it('a unit admin claims an accepted or ordered need once', () => {
    expect(needActions(unit1, need('ACCEPTED'))).toEqual(['claim']);
    expect(needActions(unit1, need('ORDERED'))).toEqual(['claim']);
    expect(needActions(unit1, need('ACCEPTED', { claimedBy: [{ id: 'unit-1' }] }))).toEqual([]);
    expect(needActions(unit1, need('REPORTED'))).toEqual([]);
  });

  it('only the assignee resolves', () => {
    expect(needActions(grid1, need('IN_PROGRESS', { assignee: { id: 'g1' } }))).toEqual(['resolve']);
    expect(needActions(grid1, need('IN_PROGRESS', { assignee: { id: 'someone-else' } }))).toEqual([]);
    // The committee does not resolve; it may re-plan or reassign the work in progress.
    expect(needActions(committee, need('IN_PROGRESS', { assignee: { id: 'g1' } }))).toEqual(['replan', 'reassign']);
  });

  it("核实: a resident's own report, unverified, by its grid's worker or the committee; never a staff report", () => {
    const resident = (verifiedAt: string | null, grid = 'grid-1') => need('REPORTED', { source: 'RESIDENT', verifiedAt, grid: { id: grid } });
    expect(needActions(grid1, resident(null))).toEqual(['verify']);
    expect(needActions(grid1, resident(null, 'grid-2'))).toEqual([]);
    expect(needActions(committee, resident(null))).toEqual(['accept', 'reject', 'verify']);
    expect(needActions(committee, resident('2025-03-01T09:00:00Z'))).toEqual(['accept', 'reject']);
    expect(needActions(grid1, resident('2025-03-01T09:00:00Z'))).toEqual([]);
    expect(needActions(grid1, need('REPORTED', { source: 'STAFF' }))).toEqual([]);
    expect(needActions(unit1, resident(null))).toEqual([]);
    expect(needActions(viewer, resident(null))).toEqual([]);
  });

  it('a grid worker follows up in the own grid only', () => {
    expect(needActions(grid1, need('RESOLVED'))).toEqual(['followUp']);
    expect(needActions(grid1, need('RESOLVED', { grid: { id: 'grid-2' } }))).toEqual([]);
  });

  it('a viewer never acts; reporters are the committee and grid workers (own grid)', () => {
    for (const s of ['REPORTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED']) expect(needActions(viewer, need(s))).toEqual([]);
    expect([committee, unit1, grid1, viewer].map((a) => canReportNeed(a))).toEqual([true, false, true, false]);
    expect(canReportNeed(grid1, 'grid-1')).toBe(true);
    expect(canReportNeed(grid1, 'grid-2')).toBe(false);
    expect(canReportNeed(committee, 'grid-2')).toBe(true);
  });
});

describe('activities and sign-ups', () => {
  it('the committee runs the lifecycle; nobody else does', () => {
    expect(activityActions(committee, { status: 'DRAFT' })).toEqual(['edit', 'publish', 'cancel']);
    expect(activityActions(committee, { status: 'OPEN' })).toEqual(['edit', 'start', 'cancel']);
    expect(activityActions(committee, { status: 'ONGOING' })).toEqual(['complete', 'cancel']);
    expect(activityActions(committee, { status: 'COMPLETED' })).toEqual([]);
    expect(activityActions(committee, { status: 'CANCELLED' })).toEqual([]);
    expect(activityActions(unit1, { status: 'DRAFT' })).toEqual([]);
    expect(activityActions(grid1, { status: 'OPEN' })).toEqual([]);
    expect(activityActions(unit1, { status: 'OPEN' })).toEqual([]);
    expect(activityActions(viewer, { status: 'DRAFT' })).toEqual([]);
    expect([committee, unit1, grid1, viewer].map(canCreateActivity)).toEqual([true, false, false, false]);
  });

  it('a unit admin signs its own unit up once, while OPEN', () => {
    expect(canSignUp(unit1, { status: 'OPEN' }, [])).toBe(true);
    expect(canSignUp(unit1, { status: 'OPEN' }, ['unit-1'])).toBe(false);
    expect(canSignUp(unit1, { status: 'DRAFT' }, [])).toBe(false);
    expect(canSignUp(committee, { status: 'OPEN' }, ['unit-1'])).toBe(true);
    expect(canSignUp(grid1, { status: 'OPEN' }, [])).toBe(false);
    expect(canSignUp(viewer, { status: 'OPEN' }, [])).toBe(false);
  });

  it('withdraw: own live sign-ups of an open activity', () => {
    const open = { status: 'OPEN' as const };
    expect(signupActions(unit1, open, { status: 'CONFIRMED', unit: { id: 'unit-1' } })).toEqual(['withdraw']);
    expect(signupActions(unit1, open, { status: 'WAITLISTED', unit: { id: 'unit-1' } })).toEqual(['withdraw']);
    expect(signupActions(unit1, open, { status: 'CONFIRMED', unit: { id: 'unit-2' } })).toEqual([]);
    expect(signupActions(unit1, open, { status: 'WITHDRAWN', unit: { id: 'unit-1' } })).toEqual([]);
    expect(signupActions(unit1, { status: 'ONGOING' }, { status: 'CONFIRMED', unit: { id: 'unit-1' } })).toEqual([]);
    expect(signupActions(committee, open, { status: 'CONFIRMED', unit: { id: 'unit-2' } })).toEqual(['withdraw']);
  });
});

describe('member units', () => {
  it('the committee edits everything, a unit admin its own contact fields, others nothing', () => {
    expect(editableUnitFields(committee, 'unit-1')).toBe('all');
    expect(editableUnitFields(unit1, 'unit-1')).toEqual(['contactName', 'contactPhone', 'address']);
    expect(editableUnitFields(unit1, 'unit-2')).toBeNull();
    expect(editableUnitFields(viewer, 'unit-1')).toBeNull();
    expect(editableUnitFields(grid1, 'unit-1')).toBeNull();
    expect([committee, unit1, grid1, viewer].map(canManageUnits)).toEqual([true, false, false, false]);
  });
});

describe("accounts and the audit log are the committee's", () => {
  it('only the committee manages accounts and reads the log', () => {
    expect([committee, unit1, grid1, viewer].map(canManageAccounts)).toEqual([true, false, false, false]);
    expect([committee, unit1, grid1, viewer].map(canReadAuditLog)).toEqual([true, false, false, false]);
    expect(accountActions(unit1, { id: 'x', status: 'ACTIVE' })).toEqual([]);
  });

  it('another account: edit, reset, and disable or enable by its status; its own: edit only, role and unit fixed', () => {
    expect(accountActions(committee, { id: 'u1', status: 'ACTIVE' })).toEqual(['edit', 'resetPassword', 'disable']);
    expect(accountActions(committee, { id: 'u1', status: 'DISABLED' })).toEqual(['edit', 'resetPassword', 'enable']);
    expect(accountActions(committee, { id: 'c', status: 'ACTIVE' })).toEqual(['edit']);
    expect(canChangeBinding(committee, { id: 'u1' })).toBe(true);
    expect(canChangeBinding(committee, { id: 'c' })).toBe(false);
  });
});

describe('错时约办 buttons come from BOOKING_LIFECYCLE, the role and the slot\'s time', () => {
  const NOW = Date.parse('2091-01-01T12:00:00Z');
  const booking = (status: 'BOOKED' | 'DONE' | 'NO_SHOW' | 'CANCELLED', begun: boolean, unitId = 'unit-1') => ({
    status,
    slot: { startsAt: new Date(NOW + (begun ? -60_000 : 60_000)).toISOString(), project: { unit: { id: unitId } } },
  });

  it('the slot\'s unit records how it went once the slot has begun; not before, not another unit\'s, not twice', () => {
    expect(bookingActions(unit1, booking('BOOKED', true), NOW)).toEqual(['complete']);
    expect(bookingActions(unit1, booking('BOOKED', false), NOW)).toEqual([]);
    expect(bookingActions(unit1, booking('BOOKED', true, 'unit-2'), NOW)).toEqual([]);
    expect(bookingActions(unit1, booking('DONE', true), NOW)).toEqual([]);
  });

  it('grid workers and the committee cancel before the slot begins; the committee also records; the viewer nothing', () => {
    expect(bookingActions(grid1, booking('BOOKED', false), NOW)).toEqual(['cancel']);
    expect(bookingActions(grid1, booking('BOOKED', true), NOW)).toEqual([]);
    expect(bookingActions(committee, booking('BOOKED', false), NOW)).toEqual(['cancel']);
    expect(bookingActions(committee, booking('BOOKED', true), NOW)).toEqual(['complete']);
    expect(bookingActions(committee, booking('CANCELLED', false), NOW)).toEqual([]);
    for (const b of [booking('BOOKED', true), booking('BOOKED', false)]) expect(bookingActions(viewer, b, NOW)).toEqual([]);
    expect(bookingActions(null, booking('BOOKED', true), NOW)).toEqual([]);
  });

  it('who publishes slots (its own unit or the committee, ON_SHELF only) and who books for residents', () => {
    expect([committee, unit1, grid1, viewer].map((a) => canPublishSlots(a, project('ON_SHELF')))).toEqual([true, true, false, false]);
    expect(canPublishSlots(unit1, project('ON_SHELF', 'unit-2'))).toBe(false);
    expect(canPublishSlots(committee, project('OFF_SHELF'))).toBe(false);
    expect([committee, unit1, grid1, viewer, null].map(canBookForResident)).toEqual([true, false, true, false, false]);
  });
});
