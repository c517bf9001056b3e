import type { Role, ShelfStatus } from './enums.js';
import type { Actor } from './lifecycle.js';

/*
 * Who sees what. Read by the server to mask and filter, and by the web to
 * know what it will be shown.
 */

/** Fields of a unit its own UNIT_ADMIN may edit; everything else is the committee's. */
export const UNIT_CONTACT_FIELDS = ['contactName', 'contactPhone', 'address'] as const;

export const ROLES_THAT_EDIT_UNITS: readonly Role[] = ['COMMITTEE_ADMIN', 'UNIT_ADMIN'];

/** A unit's contact phone: clear for the committee, grid workers and the unit's own admins. */
export function seesUnitPhone(actor: Pick<Actor, 'role' | 'unitId'>, unitId: string): boolean {
  if (actor.role === 'COMMITTEE_ADMIN' || actor.role === 'GRID_WORKER') return true;
  return actor.role === 'UNIT_ADMIN' && actor.unitId === unitId;
}

/** A resident's phone: clear for the committee and the workers of the need's grid. */
export function seesRequesterPhone(actor: Pick<Actor, 'role' | 'gridId'>, gridId: string): boolean {
  if (actor.role === 'COMMITTEE_ADMIN') return true;
  return actor.role === 'GRID_WORKER' && actor.gridId === gridId;
}

/** Statuses everyone sees on the shelf; the rest are work in progress of a unit and the committee. */
export const PUBLIC_SHELF_STATUSES: readonly ShelfStatus[] = ['ON_SHELF'];

/** Roles that see every project whatever its status. */
export const ROLES_SEEING_WHOLE_SHELF: readonly Role[] = ['COMMITTEE_ADMIN', 'VIEWER'];

export function seesShelfProject(actor: Pick<Actor, 'role' | 'unitId'>, project: { status: ShelfStatus; unitId: string }): boolean {
  if (ROLES_SEEING_WHOLE_SHELF.includes(actor.role)) return true;
  if (PUBLIC_SHELF_STATUSES.includes(project.status)) return true;
  return actor.role === 'UNIT_ADMIN' && actor.unitId === project.unitId;
}
