import type { Role, ShelfStatus } from './enums.js';
import type { Actor } from './lifecycle.js';

/*
 * Who sees what. Read by the server to mask and filter, and by the web to
 * know what it will be shown.
 */

/** Fields of a unit its own UNIT_ADMIN may edit; everything else is the committee's. */
export const UNIT_CONTACT_FIELDS = ['contactName', 'contactPhone', 'address'] as const;

/**
 * Field-level rules: for each mutation input a role other than the committee
 * may send, the fields that role may set. The committee sets every field of
 * the inputs it may send. A field outside its role's list is refused
 * (FORBIDDEN naming the field) whenever it is present in the input, whatever
 * its value: `null` and `""` (which clear a field) included, so a role can
 * neither change nor clear what is not its own. A role absent from a
 * mutation's entry sets no field of it.
 *
 * Some listed fields are further held to the caller's own records by the
 * server: a unit admin's `unitId` must be its own unit (omitted or null: its
 * own), a grid worker's `gridId` its own grid.
 *
 * In a patch input (update*), an absent field is left as it is; `null` (or
 * `""` for text) clears a field that may be empty, and is refused as
 * BAD_USER_INPUT (REQUIRED) for one that may not.
 */
export const SETTABLE_INPUT_FIELDS = {
  updateMemberUnit: { UNIT_ADMIN: UNIT_CONTACT_FIELDS },
  createShelfProject: { UNIT_ADMIN: ['title', 'description', 'categoryCode', 'capacityPerMonth', 'tags', 'unitId'] },
  updateShelfProject: { UNIT_ADMIN: ['title', 'description', 'categoryCode', 'capacityPerMonth', 'tags'] },
  reportNeed: {
    GRID_WORKER: ['title', 'description', 'gridId', 'location', 'categoryCode', 'requesterName', 'requesterPhone'],
  },
} as const satisfies Record<string, Partial<Record<Role, readonly string[]>>>;

export type FieldRules = Partial<Record<Role, readonly string[]>>;

/**
 * The first field of `input` the role may not set (present, even as null), or
 * null when every present field is the role's. The committee sets every field.
 */
export function fieldOutsideRole(role: Role, rules: FieldRules, input: Readonly<Record<string, unknown>> | null | undefined): string | null {
  if (role === 'COMMITTEE_ADMIN' || !input) return null;
  const allowed = rules[role] ?? [];
  for (const [field, value] of Object.entries(input)) {
    if (value !== undefined && !allowed.includes(field)) return field;
  }
  return null;
}

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
