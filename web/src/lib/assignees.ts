import { NEED_LIFECYCLE, Role } from '@alliance/shared';

/**
 * Who 派单 (assignNeed) can give a need to: the roles that resolve a need as
 * its assignee in NEED_LIFECYCLE (a viewer never does), in the Role enum's
 * order. The server refuses a viewer as well.
 */
export const ASSIGNEE_ROLES: readonly Role[] = Object.values(Role).filter((r) => NEED_LIFECYCLE.resolve.roles[r] === 'assignee');

/** Why a person is suggested for a need, in the order the suggestions are listed. */
export const ASSIGNEE_REASONS = ['grid', 'claimed', 'ordered'] as const;
export type AssigneeReason = (typeof ASSIGNEE_REASONS)[number];

export interface AssigneeCandidate {
  id: string;
  role: Role;
  grid?: { id: string } | null;
  unit?: { id: string } | null;
}

export interface AssigneeNeed {
  grid: { id: string };
  claimedBy: readonly { id: string }[];
  orderedProjects: readonly { unit: { id: string } }[];
}

export interface AssigneeOption<U> {
  user: U;
  /** Empty outside the suggested group. */
  reasons: AssigneeReason[];
}

export interface AssigneeGroup<U> {
  /** 'suggested' (the people of this need) or the role of everyone in the group. */
  key: 'suggested' | Role;
  options: AssigneeOption<U>[];
}

function reasonsFor(user: AssigneeCandidate, need: AssigneeNeed): AssigneeReason[] {
  const reasons: AssigneeReason[] = [];
  if (user.role === 'GRID_WORKER' && user.grid?.id === need.grid.id) reasons.push('grid');
  const unitId = user.role === 'UNIT_ADMIN' ? user.unit?.id : undefined;
  if (unitId && need.claimedBy.some((u) => u.id === unitId)) reasons.push('claimed');
  if (unitId && need.orderedProjects.some((p) => p.unit.id === unitId)) reasons.push('ordered');
  return reasons;
}

/**
 * The assign dialog's options. First the people of this need: the grid
 * workers of its grid, then the admins of the units that claimed it, then
 * those of the units whose projects were ordered for it (each with why).
 * Then everyone else who may be an assignee, one group per role in
 * ASSIGNEE_ROLES order. Viewers are left out; nobody is listed twice; within
 * a group the given order (the server's: by display name) is kept; empty
 * groups are dropped.
 */
export function assigneeGroups<U extends AssigneeCandidate>(users: readonly U[], need: AssigneeNeed): AssigneeGroup<U>[] {
  const suggested: AssigneeOption<U>[] = [];
  const byRole = new Map<Role, AssigneeOption<U>[]>(ASSIGNEE_ROLES.map((r) => [r, []]));
  const seen = new Set<string>();
  for (const user of users) {
    const group = byRole.get(user.role);
    if (!group || seen.has(user.id)) continue;
    seen.add(user.id);
    const reasons = reasonsFor(user, need);
    (reasons.length ? suggested : group).push({ user, reasons });
  }
  const rank = (o: AssigneeOption<U>) => ASSIGNEE_REASONS.indexOf(o.reasons[0]!);
  suggested.sort((a, b) => rank(a) - rank(b)); // stable: ties keep the given order
  return [
    { key: 'suggested' as const, options: suggested },
    ...ASSIGNEE_ROLES.map((role) => ({ key: role, options: byRole.get(role)! })),
  ].filter((g) => g.options.length > 0);
}
