import type { NeedStatus, Role, ShelfStatus } from './enums.js';
import { OPEN_NEED_STATUSES } from './lifecycles.js';
import { maskPhone } from './validators.js';
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
  createServiceSlots: { UNIT_ADMIN: ['startsAt', 'endsAt', 'capacity', 'weeks'] },
  bookServiceSlot: { GRID_WORKER: ['residentName', 'residentPhone', 'location', 'note'] },
  // Arguments, not an input: a unit reserves for itself; a grid worker passes on a resident's request.
  reserveVenue: {
    UNIT_ADMIN: ['venueId', 'startsAt', 'endsAt', 'purpose', 'unitId'],
    GRID_WORKER: ['venueId', 'startsAt', 'endsAt', 'purpose', 'residentName', 'residentPhone'],
  },
  // A liaison applies for its own unit (阳光驿站); the mentor is the committee's choice.
  applyIncubation: { UNIT_ADMIN: ['unitId', 'notes'] },
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

/** What the phone rule needs to know of a need. */
export interface NeedParties {
  status: NeedStatus;
  gridId: string;
  assigneeId: string | null;
  /**
   * The units delivering the need. Until the plan names them (docs/adoption.md,
   * Points), the units with an ordered project on the need or a claim on it.
   */
  deliveringUnitIds: readonly string[];
}

/**
 * A resident's phone (docs/adoption.md, Needs: masking): clear for the
 * committee, the grid workers of the need's grid, the need's assignee
 * (whatever the role), and the liaisons (UNIT_ADMIN) of its delivering units
 * while the need is open; masked (139****1234) for everyone else.
 */
export function seesRequesterPhone(actor: Pick<Actor, 'role' | 'userId' | 'gridId' | 'unitId'>, need: NeedParties): boolean {
  if (actor.role === 'COMMITTEE_ADMIN') return true;
  if (need.assigneeId !== null && need.assigneeId === actor.userId) return true;
  if (actor.role === 'GRID_WORKER') return !!actor.gridId && actor.gridId === need.gridId;
  if (actor.role === 'UNIT_ADMIN') {
    return !!actor.unitId && OPEN_NEED_STATUSES.includes(need.status) && need.deliveringUnitIds.includes(actor.unitId);
  }
  return false;
}

/**
 * Whether the liaison rule of seesRequesterPhone could apply at all: only a
 * unit admin needs a need's delivering units, and only while the need is open
 * and the liaison is not its assignee (the server then loads them).
 */
export function needsDeliveringUnits(actor: Pick<Actor, 'role' | 'userId' | 'unitId'>, need: Omit<NeedParties, 'deliveringUnitIds'>): boolean {
  return actor.role === 'UNIT_ADMIN' && !!actor.unitId && OPEN_NEED_STATUSES.includes(need.status) && need.assigneeId !== actor.userId;
}

/** Roles that see a resident's name, the full location and the needs' texts as written. */
export function seesResidentDetails(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'VIEWER';
}

/** Common two-character (compound) surnames: 欧阳娜娜 is masked 欧阳**, not 欧**. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯',
  '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '万俟', '闻人', '申屠', '太史', '公羊', '赫连',
  '钟离', '拓跋', '东郭', '淳于', '单于', '仲孙', '濮阳', '太叔', '宗政', '公冶', '谷梁', '第五',
];

/**
 * 王** / 欧阳**: the surname (a known compound surname when the name has more
 * than two characters and starts with one, else the first character), then **.
 */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const compound = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join(''));
  return `${chars.slice(0, compound ? 2 : 1).join('')}**`;
}

/** Where a location is cut when it names a building: right after the first of these. */
export const BUILDING_MARKERS: readonly string[] = ['号楼', '栋', '幢'];
/** Without a building marker, at most this many characters are kept (and never more than half). */
export const LOCATION_KEEP_MAX = 6;

/**
 * A location only up to the building: cut right after the first 号楼, 栋 or 幢
 * (松山小区3号楼2单元501 -> 松山小区3号楼). Without one, the first
 * min(LOCATION_KEEP_MAX, half its length) characters, then ** (松山路12号院 ->
 * 松山路**), so a location is never shown whole unless it ends at the building.
 */
export function maskLocation(location: string): string {
  const text = location.trim();
  let cut = -1;
  for (const marker of BUILDING_MARKERS) {
    const at = text.indexOf(marker);
    if (at >= 0 && (cut < 0 || at + marker.length < cut)) cut = at + marker.length;
  }
  if (cut > 0) return text.slice(0, cut);
  const chars = Array.from(text);
  if (chars.length === 0) return '';
  return `${chars.slice(0, Math.min(LOCATION_KEEP_MAX, Math.floor(chars.length / 2))).join('')}**`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A need's free text (title, description, plan, resolution, history
 * comments) as the viewer sees it: every occurrence of the resident's name
 * (王** / 欧阳**) and phone (139****1234; its digits also when written with
 * spaces or dashes between them) masked.
 */
export function maskResidentText(text: string, resident: { name: string; phone: string }): string {
  let out = text;
  const digits = resident.phone.replace(/\D/g, '');
  if (digits.length >= 7) {
    const spaced = new RegExp(Array.from(digits).join('[\\s-]?'), 'g');
    out = out.replace(spaced, maskPhone(resident.phone));
  }
  const name = resident.name.trim();
  if (name) out = out.replace(new RegExp(escapeRegExp(name), 'g'), maskPersonName(name));
  return out;
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

/**
 * The phone of a resident who asked for a venue: clear for the committee,
 * which confirms the request, and grid workers, who pass residents' requests
 * on; masked (139****1234) for units and viewers, who see the calendar.
 */
export function seesReservationResidentPhone(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'COMMITTEE_ADMIN' || actor.role === 'GRID_WORKER';
}

/**
 * A booking resident's phone: clear for the committee and grid workers, who
 * book for residents, and the liaisons of the slot's unit, who serve them;
 * masked for other units and viewers.
 */
export function seesBookingResidentPhone(actor: Pick<Actor, 'role' | 'unitId'>, slotUnitId: string): boolean {
  if (actor.role === 'COMMITTEE_ADMIN' || actor.role === 'GRID_WORKER') return true;
  return actor.role === 'UNIT_ADMIN' && actor.unitId === slotUnitId;
}
