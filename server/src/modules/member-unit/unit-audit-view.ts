import { changedFields, maskPhone } from '@alliance/shared';
import type { MemberUnit } from './member-unit.entity.js';

/** A member unit's profile and status, the fields the audit log keeps of it. */
function profileOf(u: MemberUnit) {
  return {
    name: u.name,
    kind: u.kind,
    creditCode: u.creditCode ?? null,
    partyOrgName: u.partyOrgName ?? null,
    partyMemberCount: u.partyMemberCount,
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    address: u.address ?? null,
    status: u.status,
    joinedAt: u.joinedAt,
  };
}
export type UnitAuditView = ReturnType<typeof profileOf>;

/** The contact's phone masked, as every phone in the audit log (docs/adoption.md, Audit log). */
function masked<T extends Partial<UnitAuditView>>(v: T): T {
  return typeof v.contactPhone === 'string' ? { ...v, contactPhone: maskPhone(v.contactPhone) } : v;
}

/** What the log keeps of a new unit. */
export const unitAuditView = (u: MemberUnit): UnitAuditView => masked(profileOf(u));

/**
 * What changed between two states of a unit. Compared before masking, so
 * a new phone with the same first three and last four digits still shows.
 */
export function unitChanges(before: MemberUnit, after: MemberUnit): { before: Partial<UnitAuditView>; after: Partial<UnitAuditView> } {
  const change = changedFields(profileOf(before), profileOf(after));
  return { before: masked(change.before), after: masked(change.after) };
}
