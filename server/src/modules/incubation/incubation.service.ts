import {
  INCUBATED_UNIT_KIND,
  INCUBATION_NOTES_MAX,
  INCUBATION_APPLICANTS,
  checkText,
  isValidDate,
  localDate,
  reaches,
  type IncubationStage,
} from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import { actorOf } from '../../common/lifecycle.js';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflictOn, ensure, forbidden } from '../../graphql/errors.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { IncubationApplied } from './events/incubation-applied.event.js';
import { Incubation, IncubationEvent } from './incubation.entity.js';
import { transitionIncubation } from './incubation.transition.js';


const UNIQUE_VIOLATION = '23505';
function isSecondLiveIncubation(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return (e?.code ?? e?.driverError?.code) === UNIQUE_VIOLATION && (e?.constraint ?? e?.driverError?.constraint) === 'incubation_live_uq';
}

const alreadyLive = () => conflictOn('unitId', 'DUPLICATE', 'unitId: the organisation already has an application or incubation under way');

/** A step's date: a real day, not after today, not before `earliest`; today when not given. */
function dayOfStep(field: string, day: string | null | undefined, earliest: string): string {
  const today = localDate();
  const d = day ?? today;
  if (!isValidDate(d)) throw badInput(field, 'INVALID_DATE');
  if (d > today) throw badInput(field, 'OUT_OF_RANGE', `${field}: must not be after today`);
  if (d < earliest) throw badInput(field, 'DATE_ORDER', `${field}: must not be before ${earliest}`);
  return d;
}

/** A text of at most INCUBATION_NOTES_MAX characters; empty is none. */
function noteOf(field: string, text: string | null | undefined, required = false): string | null {
  const t = text?.trim() || null;
  ensure({ [field]: checkText(t, { max: INCUBATION_NOTES_MAX, required, multiline: true }) });
  return t;
}

/** An ACTIVE member unit of the alliance, to be a mentor (never the organisation itself). */
async function mentorOf(tx: TenantScope, mentorUnitId: string, unitId: string): Promise<MemberUnit> {
  const id = requireId(mentorUnitId, 'mentorUnitId');
  if (id === unitId) throw badInput('mentorUnitId', 'OUT_OF_RANGE', 'mentorUnitId: an organisation does not mentor itself');
  const mentor = await tx.find(MemberUnit, id, 'mentorUnitId');
  if (!mentor) throw badInput('mentorUnitId', 'INVALID_ID', 'mentorUnitId: no such member unit');
  if (mentor.status !== 'ACTIVE') throw badInput('mentorUnitId', 'OUT_OF_RANGE', `mentorUnitId: the unit is ${mentor.status}`);
  return mentor;
}

export interface ApplyOptions {
  unitId?: string | null;
  mentorUnitId?: string | null;
  notes?: string | null;
}

class IncubationService {
  /**
   * The incubator's organisations, newest application first: the whole
   * alliance for the committee and the viewer, a liaison's own unit (as the
   * organisation or its mentor).
   */
  list(ctx: RequestContext, stage: IncubationStage | null): Promise<Incubation[]> {
    const qb = ctx.scope.qb(Incubation, 'e').orderBy('e.applied_on', 'DESC').addOrderBy('e.id', 'ASC');
    if (stage) qb.andWhere('e.stage = :stage', { stage });
    if (ctx.me.role === 'UNIT_ADMIN') {
      if (!ctx.me.unitId) return Promise.resolve([]);
      qb.andWhere('(e.unit_id = :own OR e.mentor_unit_id = :own)', { own: ctx.me.unitId });
    }
    return qb.getMany();
  }

  async apply(ctx: RequestContext, opts: ApplyOptions): Promise<Incubation> {
    const me = ctx.me;
    let unitId = opts.unitId ? requireId(opts.unitId, 'unitId') : null;
    if (me.role === 'UNIT_ADMIN') {
      if (!me.unitId) throw forbidden('Your account belongs to no unit');
      if (unitId && unitId !== me.unitId) throw forbidden('unitId: a liaison applies only for its own unit', 'unitId');
      unitId = me.unitId;
    }
    if (!unitId) throw badInput('unitId', 'REQUIRED');
    if (!reaches(INCUBATION_APPLICANTS[me.role], actorOf(me), { unitIds: [unitId] })) throw forbidden();
    const notes = noteOf('notes', opts.notes);
    try {
      return await ctx.scope.transaction(async (tx) => {
        const unit = await tx.find(MemberUnit, unitId, 'unitId');
        if (!unit) throw badInput('unitId', 'INVALID_ID', 'unitId: no such member unit');
        if (unit.kind !== INCUBATED_UNIT_KIND) throw badInput('unitId', 'NOT_FOR_THIS_KIND', 'unitId: only social organisations are incubated');
        if (unit.status !== 'ACTIVE') throw badInput('unitId', 'OUT_OF_RANGE', `unitId: the unit is ${unit.status}`);
        const mentorUnitId = opts.mentorUnitId ? (await mentorOf(tx, opts.mentorUnitId, unitId)).id : null;
        const appliedOn = localDate();
        const incubation = await tx.manager.save(tx.create(Incubation, { unitId, mentorUnitId, stage: 'APPLIED', appliedOn, notes }));
        await tx.manager.save(tx.create(IncubationEvent, { incubationId: incubation.id, actorId: me.id, action: 'apply', fromStage: null, toStage: 'APPLIED', comment: null }));
        await publish(ctx, tx, new IncubationApplied({ allianceId: tx.allianceId, actorId: me.id, at: new Date() }, incubation.id, unitId, unit.name, appliedOn));
        ctx.loaders.unit.prime(unit.id, unit);
        return incubation;
      });
    } catch (err) {
      if (isSecondLiveIncubation(err)) throw alreadyLive();
      throw err;
    }
  }

  /** The committee takes the organisation in, with a mentor unit. */
  start(ctx: RequestContext, id: string, mentorUnitId: string, startedOn: string | null, comment: string | null, version: number | null): Promise<Incubation> {
    return transitionIncubation(ctx, requireId(id, 'id'), 'start', version, async (i, tx) => {
      const mentor = await mentorOf(tx, mentorUnitId, i.unitId);
      const before = { mentorUnitId: i.mentorUnitId, startedOn: i.startedOn };
      i.startedOn = dayOfStep('startedOn', startedOn, i.appliedOn);
      i.mentorUnitId = mentor.id;
      return { before, after: { mentorUnitId: mentor.id, mentor: mentor.name, startedOn: i.startedOn }, comment: noteOf('comment', comment) };
    });
  }

  /** 出壳. */
  graduate(ctx: RequestContext, id: string, endedOn: string | null, comment: string | null, version: number | null): Promise<Incubation> {
    return transitionIncubation(ctx, requireId(id, 'id'), 'graduate', version, (i) => {
      i.endedOn = dayOfStep('endedOn', endedOn, i.startedOn ?? i.appliedOn);
      return { after: { endedOn: i.endedOn }, comment: noteOf('comment', comment) };
    });
  }

  /** Leaving needs a reason: the history keeps why. */
  leave(ctx: RequestContext, id: string, endedOn: string | null, reason: string, version: number | null): Promise<Incubation> {
    return transitionIncubation(ctx, requireId(id, 'id'), 'leave', version, (i) => {
      const why = noteOf('reason', reason, true);
      i.endedOn = dayOfStep('endedOn', endedOn, i.startedOn ?? i.appliedOn);
      return { after: { endedOn: i.endedOn }, comment: why };
    });
  }
}

export const incubationService = new IncubationService();
