import type { Actor } from './lifecycle.js';
import type { LabelTable } from './labels.js';
import type { Role, UnitKind } from './enums.js';
import type { Reach } from './lifecycle.js';

/*
 * 阳光驿站, the incubator (docs/adoption.md: Services residents book): a
 * social organisation among the member units is incubated with a mentor
 * unit until it stands on its own (出壳). The lifecycle table is
 * INCUBATION_LIFECYCLE in lifecycles.ts.
 */

export const IncubationStage = { APPLIED: 'APPLIED', INCUBATING: 'INCUBATING', GRADUATED: 'GRADUATED', LEFT: 'LEFT' } as const;
export type IncubationStage = (typeof IncubationStage)[keyof typeof IncubationStage];

/** An incubation's notes, and the comment or reason of a step. */
export const INCUBATION_NOTES_MAX = 500;

/** Only social organisations are incubated. */
export const INCUBATED_UNIT_KIND: UnitKind = 'SOCIAL_ORGANIZATION';

/** A unit has at most one incubation in these stages at a time (a unique index holds it). */
export const LIVE_INCUBATION_STAGES: readonly IncubationStage[] = ['APPLIED', 'INCUBATING'];

/**
 * "Organisations incubated" on the dashboard: those taken in, in incubation
 * now or graduated (an application not yet taken in, or one that left, is not
 * an outcome of the incubator).
 */
export const INCUBATED_STAGES: readonly IncubationStage[] = ['INCUBATING', 'GRADUATED'];

/**
 * Who applies (an incubation begins, so it sits beside the table): the
 * committee for any social organisation, a liaison for its own unit.
 */
export const INCUBATION_APPLICANTS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' };

/** Roles that read the incubator; a liaison reads its own unit's incubations (as the organisation or the mentor). */
export const INCUBATION_READERS: readonly Role[] = ['COMMITTEE_ADMIN', 'UNIT_ADMIN', 'VIEWER'];

/** The committee's and the organisation's notes on an incubation: not for the viewer. */
export function seesIncubationNotes(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'VIEWER';
}

export const INCUBATION_STAGE_LABELS: LabelTable<IncubationStage> = {
  'zh-CN': { APPLIED: '已申请', INCUBATING: '孵化中', GRADUATED: '已出壳', LEFT: '已退出' },
  en: { APPLIED: 'Applied', INCUBATING: 'Incubating', GRADUATED: 'Graduated', LEFT: 'Left' },
};
