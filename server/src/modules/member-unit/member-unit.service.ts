import type { GraphQLResolveInfo } from 'graphql';
import { fastById } from '../../common/fast-path.js';
import { publish } from '../../common/events/event-bus.js';
import { AgreementSigned } from './events/agreement-signed.event.js';
import { UnitCreated } from './events/unit-created.event.js';
import { UnitUpdated } from './events/unit-updated.event.js';
import { AGREEMENT_EXPIRING_DAYS, addDays, checkOrder, localDate, type AgreementStatus } from '@alliance/shared';
import { containsPattern } from '../../common/text-search.js';
import { requireId } from '../../common/tenant-scope.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import { badInput, ensure, forbidden, staleVersion } from '../../graphql/errors.js';
import { paginate, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import type { RequestContext } from '../../graphql/context.js';
import { Agreement } from './agreement.entity.js';
import { MemberUnit } from './member-unit.entity.js';
import { unitAuditView, unitChanges } from './unit-audit-view.js';
import type { AgreementInput, CreateMemberUnitInput, MemberUnitFilter, UpdateMemberUnitInput } from './member-unit.inputs.js';

const BY_NAME: KeysetOrder<MemberUnit> = {
  direction: 'ASC',
  keys: [
    { sql: 'u.name', value: (u) => u.name, type: 'string' },
    { sql: 'u.id', value: (u) => u.id, type: 'uuid' },
  ],
};

/**
 * agreementStatus() of shared/agreements.ts as SQL over the unit `u`, for the
 * memberUnits filter (:today, :soon = today + 30 days): "holding" is an
 * agreement with signedAt <= today <= validUntil.
 */
const HOLDING = `SELECT 1 FROM agreement ag WHERE ag.unit_id = u.id AND ag.alliance_id = u.alliance_id AND ag.signed_at <= :today AND ag.valid_until >= :today`;
const ENDED = `SELECT 1 FROM agreement ag WHERE ag.unit_id = u.id AND ag.alliance_id = u.alliance_id AND ag.valid_until < :today`;
const AGREEMENT_STATUS_SQL: Record<AgreementStatus, string> = {
  VALID: `EXISTS (${HOLDING} AND ag.valid_until > :soon)`,
  EXPIRING: `EXISTS (${HOLDING}) AND NOT EXISTS (${HOLDING} AND ag.valid_until > :soon)`,
  EXPIRED: `NOT EXISTS (${HOLDING}) AND EXISTS (${ENDED})`,
  NONE: `NOT EXISTS (${HOLDING}) AND NOT EXISTS (${ENDED})`,
};

/** The unit's fields that may be empty: null or "" clears them. */
const CLEARABLE = new Set<keyof UpdateMemberUnitInput>(['creditCode', 'partyOrgName', 'address']);

/** Empty strings in optional fields mean "none". */
const orNull = (v: string | null | undefined) => (v === undefined ? undefined : v === '' ? null : v);

function duplicateName(err: unknown): never {
  if (isUniqueViolation(err, 'member_unit_alliance_id_name_key')) throw badInput('name', 'DUPLICATE', 'name: a unit of this name already exists');
  if (isUniqueViolation(err, 'member_unit_credit_code_uq')) throw badInput('creditCode', 'DUPLICATE', 'creditCode: already used by another unit');
  throw err;
}

export class MemberUnitService {
  list(ctx: RequestContext, filter: MemberUnitFilter | null | undefined, page: PageArgs) {
    const qb = ctx.scope.qb(MemberUnit, 'u');
    if (filter?.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter?.status) qb.andWhere('u.status = :status', { status: filter.status });
    const pattern = containsPattern(filter?.search);
    if (pattern) qb.andWhere(`(u.name ILIKE :pattern ESCAPE '\\' OR u.party_org_name ILIKE :pattern ESCAPE '\\')`, { pattern });
    if (filter?.agreementStatus) {
      const today = localDate();
      qb.andWhere(`(${AGREEMENT_STATUS_SQL[filter.agreementStatus]})`, { today, soon: addDays(today, AGREEMENT_EXPIRING_DAYS) });
    }
    return paginate(qb, page, BY_NAME);
  }

  /** The unit; with the GraphQL selection, in one statement when the fast path knows every field selected. */
  async find(ctx: RequestContext, id: string, selection?: GraphQLResolveInfo) {
    const fast = selection ? await fastById<MemberUnit>(ctx, selection, id) : null;
    return fast?.taken ? fast.value : ctx.scope.find(MemberUnit, id);
  }

  async create(ctx: RequestContext, input: CreateMemberUnitInput): Promise<MemberUnit> {
    const unit = ctx.scope.create(MemberUnit, {
      name: input.name,
      kind: input.kind,
      creditCode: orNull(input.creditCode) ?? null,
      partyOrgName: orNull(input.partyOrgName) ?? null,
      partyMemberCount: input.partyMemberCount,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      address: orNull(input.address) ?? null,
      status: 'ACTIVE',
      joinedAt: input.joinedAt || localDate(),
    });
    return ctx.scope
      .transaction(async (tx) => {
        const saved = await tx.manager.save(unit);
        await publish(ctx, tx, new UnitCreated({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, saved.id, unitAuditView(saved)));
        return saved;
      })
      .catch(duplicateName);
  }

  /**
   * The committee edits everything; a unit's own admin only its own unit, and
   * only its contact fields: the resolver's SettableFields refuses any other
   * field present in the input (null and "" included) before this runs.
   */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateMemberUnitInput): Promise<MemberUnit> {
    const me = ctx.me;
    if (me.role === 'UNIT_ADMIN' && me.unitId !== requireId(id, 'id')) throw forbidden('A unit admin may edit only its own unit');
    // Every present field; validation has refused null for those that cannot be empty.
    const given = Object.entries(input).filter(([, v]) => v !== undefined) as [keyof UpdateMemberUnitInput, unknown][];
    return ctx.scope
      .transaction(async (tx) => {
        const unit = await tx.lock(MemberUnit, id, 'Member unit');
        if (unit.version !== version) throw staleVersion();
        const before = { ...unit };
        // Nullable fields are cleared by an explicit null or "".
        for (const [key, value] of given) (unit as unknown as Record<string, unknown>)[key] = value === '' && CLEARABLE.has(key) ? null : value;
        unit.updatedAt = new Date();
        const saved = await tx.manager.save(unit);
        const change = unitChanges(before, unit);
        await publish(ctx, tx, new UnitUpdated({ allianceId: tx.allianceId, actorId: me.id, at: unit.updatedAt }, unit.id, given.map(([k]) => k), change.before, change.after));
        return saved;
      })
      .catch(duplicateName);
  }

  async signAgreement(ctx: RequestContext, unitId: string, input: AgreementInput): Promise<Agreement> {
    ensure({ validUntil: checkOrder(input.signedAt, input.validUntil) });
    return ctx.scope.transaction(async (tx) => {
      const unit = await tx.lock(MemberUnit, unitId, 'Member unit', 'unitId');
      const agreement = tx.create(Agreement, {
        unitId: unit.id,
        signedAt: input.signedAt,
        validUntil: input.validUntil,
        responsibilities: input.responsibilities,
      });
      unit.updatedAt = new Date();
      await tx.manager.save(unit);
      const saved = await tx.manager.save(agreement);
      await publish(ctx, tx, new AgreementSigned({ allianceId: tx.allianceId, actorId: ctx.me.id, at: unit.updatedAt }, saved.id, unit.id, saved.signedAt, saved.validUntil));
      return saved;
    });
  }
}

export const memberUnitService = new MemberUnitService();
