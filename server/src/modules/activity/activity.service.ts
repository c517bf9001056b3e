import { containsPattern } from '../../common/text-search.js';
import type { GraphQLResolveInfo } from 'graphql';
import { fastById } from '../../common/fast-path.js';
import {
  ACTIVITY_LIFECYCLE,
  checkActivityDates,
  checkFuture,
  checkOrder,
  checkText,
  LIMITS,
  ORDERABLE_SHELF_STATUS,
  SIGNUP_LIFECYCLE,
  SIGNUP_OPEN_ACTIVITY_STATUS,
  checkIntRange,
} from '@alliance/shared';
import { EntityRows } from '../../common/entity-rows.js';
import { publish } from '../../common/events/event-bus.js';
import { enforce } from '../../common/lifecycle.js';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflict, conflictOn, ensure, forbidden, notFound } from '../../graphql/errors.js';
import { paginate, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import { optionalCategoryId } from '../alliance/categories.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Activity, ActivityOutcome } from './activity.entity.js';
import { transitionActivity, type ActivityMove, type ActivityStep } from './activity.transition.js';
import { ActivityCreated } from './events/activity-created.event.js';
import { ActivityRecorded } from './events/activity-recorded.event.js';
import { UnitSignedUp } from './events/unit-signed-up.event.js';
import { transitionSignups } from './signup.transition.js';
import type { ActivityFilter, ActivityInput, ActivityOutcomeInput, RecordPastActivityInput, UpdateActivityInput } from './activity.inputs.js';
import { Signup } from './signup.entity.js';

/** Latest first: the list's one order, held by activity_list_idx. */
const LATEST_FIRST: KeysetOrder<Activity> = {
  direction: 'DESC',
  keys: [
    { sql: 'a.starts_at', value: (a) => a.startsAt, type: 'date' },
    { sql: 'a.id', value: (a) => a.id, type: 'uuid' },
  ],
};

/**
 * The activity locked FOR UPDATE and the unit signing up, read in one
 * statement (a sign-up's round trips are most of its cost: test/bench/analysis.md, M1).
 * Only the activity's row is locked, as tx.lock() locks it; the unit is read
 * as before, unlocked, now as of the statement's start rather than after the
 * wait for the lock (a change of the unit's status was never ordered with
 * sign-ups: nothing locks both). Null for a unit not of the alliance.
 */
async function lockWithUnit(tx: TenantScope, activityId: string, unitId: string): Promise<{ activity: Activity; unit: MemberUnit | null }> {
  const units = EntityRows.of(tx.manager, MemberUnit).json(null);
  const [row] = await EntityRows.of(tx.manager, Activity).select(
    tx,
    {
      where: 'e.id = $2',
      key: `(SELECT ${units.jsonArray('u')} FROM member_unit u WHERE u.id = $3 AND u.alliance_id = $1)`,
      lock: true,
      named: true,
    },
    [activityId, unitId],
  );
  if (!row) throw notFound('Activity');
  return { activity: row.entity, unit: row.key ? units.fromJsonArray(row.key as unknown[]) : null };
}

/** PostgreSQL's check_violation (e.g. the CHECK holding confirmed_count to max_units). */
function isCheckViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return (e?.code ?? e?.driverError?.code) === '23514';
}

/** The ids of a list input: well-formed, without repeats, bounded. */
function idList(ids: readonly string[] | null | undefined, field: string): string[] {
  if (!ids || ids.length === 0) return [];
  if (ids.length > LIMITS.attachments) throw badInput(field, 'TOO_LONG');
  return [...new Set(ids.map((id) => requireId(id, field)))];
}

export function outcomeOf(a: Activity): ActivityOutcome | null {
  if (a.status !== 'COMPLETED' || a.outcomeParticipants === null) return null;
  return {
    participants: a.outcomeParticipants,
    volunteerHours: a.outcomeVolunteerHours ?? 0,
    beneficiaries: a.outcomeBeneficiaries ?? 0,
    summary: a.outcomeSummary ?? '',
  };
}

const activitySubject = (a: Activity, unitId?: string) => ({ status: a.status, unitIds: unitId ? [unitId] : [] });

/**
 * The clock rules of docs/adoption.md "Activities: dates" (shared, so the web
 * greys out the same buttons): publishing with a past start is bad input
 * (edit startsAt); starting or completing too early is CONFLICT (the record's
 * startsAt is not yet near enough: wait). Both name startsAt.
 */
function enforceDates(action: 'publish' | 'start' | 'complete', a: Activity): void {
  const refused = checkActivityDates(action, a);
  if (!refused) return;
  if (action === 'publish') throw badInput(refused.field, refused.reason, `${refused.field}: an activity is published only before it starts`);
  throw conflictOn(
    refused.field,
    refused.reason,
    action === 'start'
      ? `${refused.field}: an activity can be started at the earliest 24 hours before it starts`
      : `${refused.field}: an activity can be completed only once its start time has come`,
  );
}

/** The attached projects and needs: checked (ON_SHELF projects and needs of the alliance), then linked. */
async function checkAttachments(tx: TenantScope, shelfProjectIds: string[], needIds: string[]): Promise<void> {
  if (shelfProjectIds.length) {
    const [{ n }] = await tx.manager.query(
      `SELECT count(*)::int AS n FROM shelf_project WHERE id = ANY($1) AND alliance_id = $2 AND status = $3`,
      [shelfProjectIds, tx.allianceId, ORDERABLE_SHELF_STATUS],
    );
    if (n !== shelfProjectIds.length) {
      throw badInput('shelfProjectIds', 'INVALID_ID', 'shelfProjectIds: only ON_SHELF projects of the alliance can be attached');
    }
  }
  if (needIds.length) {
    const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM need WHERE id = ANY($1) AND alliance_id = $2`, [
      needIds,
      tx.allianceId,
    ]);
    if (n !== needIds.length) throw badInput('needIds', 'INVALID_ID', 'needIds: no such need');
  }
}

async function attach(tx: TenantScope, activityId: string, shelfProjectIds: string[], needIds: string[]): Promise<void> {
  if (shelfProjectIds.length) {
    await tx.manager.query(
      `INSERT INTO activity_project (activity_id, shelf_project_id, alliance_id) SELECT $1, unnest($2::uuid[]), $3`,
      [activityId, shelfProjectIds, tx.allianceId],
    );
  }
  if (needIds.length) {
    await tx.manager.query(`INSERT INTO activity_need (activity_id, need_id, alliance_id) SELECT $1, unnest($2::uuid[]), $3`, [
      activityId,
      needIds,
      tx.allianceId,
    ]);
  }
}

/** The outcome onto the activity (volunteer hours to the column's one decimal). */
function applyOutcome(a: Activity, outcome: ActivityOutcomeInput): void {
  a.outcomeParticipants = outcome.participants;
  a.outcomeVolunteerHours = Math.round(outcome.volunteerHours * 10) / 10;
  a.outcomeBeneficiaries = outcome.beneficiaries;
  a.outcomeSummary = outcome.summary;
}

/**
 * Who completing credits, the one rule for completed and recorded activities:
 * each unit whose sign-up is CONFIRMED (the points ledger subscribes to the
 * event that names them), with the audit's outcome figures.
 */
async function settleCompletion(tx: TenantScope, a: Activity): Promise<Required<Pick<ActivityStep, 'decided' | 'confirmedUnitIds'>>> {
  const confirmed = await tx
    .qb(Signup, 's')
    .andWhere('s.activity_id = :activityId AND s.status = :status', { activityId: a.id, status: 'CONFIRMED' })
    .getMany();
  return {
    confirmedUnitIds: confirmed.map((s) => s.unitId),
    decided: {
      outcome: { participants: a.outcomeParticipants, volunteerHours: a.outcomeVolunteerHours, beneficiaries: a.outcomeBeneficiaries },
      confirmedUnits: confirmed.length,
    },
  };
}

export class ActivityService {
  list(ctx: RequestContext, filter: ActivityFilter | null | undefined, page: PageArgs) {
    const qb = ctx.scope.qb(Activity, 'a');
    if (filter?.status?.length) qb.andWhere('a.status = ANY(:statuses)', { statuses: filter.status });
    // Overlap: the activity's span [startsAt, endsAt] meets [from, to].
    if (filter?.from && filter?.to && filter.to.getTime() < filter.from.getTime()) throw badInput('filter.to', 'DATE_ORDER');
    if (filter?.from) qb.andWhere('a.ends_at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('a.starts_at <= :to', { to: filter.to });
    if (filter?.unitId) {
      // Every sign-up the unit ever made: live, withdrawn or rejected.
      qb.andWhere(
        'EXISTS (SELECT 1 FROM signup s WHERE s.activity_id = a.id AND s.alliance_id = :tenantId AND s.unit_id = :unitId)',
        { unitId: requireId(filter.unitId, 'filter.unitId') },
      );
    }
    if (filter?.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    const pattern = containsPattern(filter?.search);
    if (pattern) qb.andWhere(`(a.title ILIKE :pattern ESCAPE '\\' OR a.location ILIKE :pattern ESCAPE '\\')`, { pattern });
    return paginate(qb, page, LATEST_FIRST);
  }

  /**
   * Edits a DRAFT or OPEN activity. Raising maxUnits of an OPEN one confirms
   * the oldest waitlisted units into the new places, in the same transaction.
   */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateActivityInput): Promise<Activity> {
    return transitionActivity(ctx, id, 'edit', version, async (activity, tx) => {
      if (input.title != null) activity.title = input.title;
      if (input.description != null) activity.description = input.description;
      if (input.kind != null) activity.kind = input.kind;
      if (input.location != null) activity.location = input.location;
      // null or "" clears the category; validation refused null for the fields that cannot be empty.
      if (input.categoryCode !== undefined) activity.categoryId = await optionalCategoryId(tx, input.categoryCode);
      if (input.startsAt != null) {
        // An OPEN activity was published for a start in the future; a new start must be too. A DRAFT's is checked at publishing.
        if (activity.status === SIGNUP_OPEN_ACTIVITY_STATUS) ensure({ startsAt: checkFuture(input.startsAt) });
        activity.startsAt = input.startsAt;
      }
      if (input.endsAt != null) activity.endsAt = input.endsAt;
      ensure({ endsAt: checkOrder(activity.startsAt, activity.endsAt) });
      if (input.maxUnits !== undefined) {
        if (input.maxUnits !== null && input.maxUnits < activity.confirmedCount) {
          throw badInput('maxUnits', 'OUT_OF_RANGE', `maxUnits: ${activity.confirmedCount} units are already confirmed`);
        }
        activity.maxUnits = input.maxUnits;
      }
      if (activity.status !== SIGNUP_OPEN_ACTIVITY_STATUS) return;
      // The new places go to the oldest waitlisted, once the new maxUnits is saved (the CHECK holds confirmed_count to it).
      const places = activity.maxUnits === null ? null : activity.maxUnits - activity.confirmedCount;
      return { afterSave: async (t) => void (await transitionSignups(ctx, t, 'promote', { activityId: activity.id, limit: places })) };
    });
  }

  /** The activity; with the GraphQL selection, in one statement when the fast path knows every field selected. */
  async find(ctx: RequestContext, id: string, selection?: GraphQLResolveInfo): Promise<Activity | null> {
    const fast = selection ? await fastById<Activity>(ctx, selection, id) : null;
    return fast?.taken ? fast.value : ctx.scope.find(Activity, id);
  }

  async create(ctx: RequestContext, input: ActivityInput): Promise<Activity> {
    ensure({ endsAt: checkOrder(input.startsAt, input.endsAt) });
    const shelfProjectIds = idList(input.shelfProjectIds, 'shelfProjectIds');
    const needIds = idList(input.needIds, 'needIds');
    return ctx.scope.transaction(async (tx) => {
      const categoryId = await optionalCategoryId(tx, input.categoryCode);
      await checkAttachments(tx, shelfProjectIds, needIds);
      const activity = await tx.manager.save(
        tx.create(Activity, {
          title: input.title,
          description: input.description,
          kind: input.kind,
          categoryId,
          status: 'DRAFT',
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          location: input.location,
          maxUnits: input.maxUnits ?? null,
        }),
      );
      await attach(tx, activity.id, shelfProjectIds, needIds);
      await publish(ctx, tx, new ActivityCreated({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, activity.id));
      return activity;
    });
  }

  /**
   * 补录: an activity that already happened (endsAt not in the future),
   * created straight as COMPLETED with its outcome, marked recordedAfterwards.
   * The units that took part get CONFIRMED sign-ups, and the completion's one
   * points rule credits them; one ACTIVITY_RECORD audit entry (and the
   * POINTS_AWARD one), all in one transaction.
   */
  async record(ctx: RequestContext, input: RecordPastActivityInput): Promise<Activity> {
    ensure({ endsAt: checkOrder(input.startsAt, input.endsAt) });
    const refused = checkActivityDates('record', input);
    if (refused) throw badInput(refused.field, refused.reason, `${refused.field}: only an activity that has already ended can be recorded`);
    if (!input.units?.length) throw badInput('units', 'REQUIRED', 'units: name the units that took part');
    if (input.units.length > LIMITS.attachments) throw badInput('units', 'TOO_LONG');
    const unitIds = input.units.map((u, i) => requireId(u.unitId, `units[${i}].unitId`));
    if (new Set(unitIds).size !== unitIds.length) throw badInput('units', 'DUPLICATE', 'units: a unit is named twice');
    input.units.forEach((u, i) => ensure({ [`units[${i}].headcount`]: checkIntRange(u.headcount, LIMITS.headcount) }));
    const shelfProjectIds = idList(input.shelfProjectIds, 'shelfProjectIds');
    const needIds = idList(input.needIds, 'needIds');
    return ctx.scope.transaction(async (tx) => {
      const categoryId = await optionalCategoryId(tx, input.categoryCode);
      await checkAttachments(tx, shelfProjectIds, needIds);
      const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM member_unit WHERE id = ANY($1) AND alliance_id = $2`, [
        unitIds,
        tx.allianceId,
      ]);
      if (n !== unitIds.length) throw badInput('units', 'INVALID_ID', 'units: no such member unit');
      const activity = tx.create(Activity, {
        title: input.title,
        description: input.description,
        kind: input.kind,
        categoryId,
        status: 'COMPLETED',
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location,
        maxUnits: null,
        recordedAfterwards: true,
      });
      applyOutcome(activity, input.outcome);
      await tx.manager.save(activity);
      await attach(tx, activity.id, shelfProjectIds, needIds);
      await tx.manager.save(
        input.units.map((u, i) => tx.create(Signup, { activityId: activity.id, unitId: unitIds[i]!, status: 'CONFIRMED', headcount: u.headcount, note: null })),
      );
      const settled = await settleCompletion(tx, activity);
      await publish(
        ctx,
        tx,
        new ActivityRecorded(
          { allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() },
          activity.id,
          activity.title,
          activity.startsAt,
          activity.endsAt,
          settled.confirmedUnitIds,
          settled.decided,
        ),
      );
      return tx.get(Activity, activity.id, 'Activity');
    });
  }

  publish(ctx: RequestContext, id: string) {
    return this.transition(ctx, id, 'publish', (a) => {
      enforceDates('publish', a);
    });
  }

  start(ctx: RequestContext, id: string) {
    return this.transition(ctx, id, 'start', (a) => {
      enforceDates('start', a);
    });
  }

  /** ONGOING -> COMPLETED with the outcome, once startsAt has come; the event names the units CONFIRMED now (+10 points each). */
  complete(ctx: RequestContext, id: string, outcome: ActivityOutcomeInput) {
    return this.transition(ctx, id, 'complete', async (a, tx) => {
      enforceDates('complete', a);
      applyOutcome(a, outcome);
      return settleCompletion(tx, a);
    });
  }

  cancel(ctx: RequestContext, id: string, reason: string) {
    const text = reason?.trim();
    ensure({ reason: checkText(text, { max: LIMITS.comment, required: true, multiline: true }) });
    return this.transition(ctx, id, 'cancel', async (a, tx) => {
      a.cancelReason = text;
      // Every live sign-up ends (the units see ACTIVITY_CANCELLED on it); nobody is promoted. The trigger
      // takes the CONFIRMED ones off confirmed_count, which ends at 0.
      const ended = await transitionSignups(ctx, tx, 'activityCancelled', { activityId: a.id });
      if (!ended.length) return { decided: { reason: text } };
      const count = (status: string) => ended.filter((e) => e.from === status).length;
      return { decided: { reason: text, signupsEnded: { confirmed: count('CONFIRMED'), waitlisted: count('WAITLISTED') } } };
    });
  }

  /** activity.transition.ts's transitionActivity, the one transition function of ACTIVITY_LIFECYCLE. */
  private transition(
    ctx: RequestContext,
    id: string,
    action: Exclude<ActivityMove, 'edit'>,
    apply: (a: Activity, tx: TenantScope) => ActivityStep | void | Promise<ActivityStep | void>,
  ): Promise<Activity> {
    return transitionActivity(ctx, id, action, null, apply);
  }

  /**
   * A unit signs up. The activity row is locked FOR UPDATE first, so sign-ups
   * of one activity take turns deciding CONFIRMED or WAITLISTED; the database
   * still holds the rules on its own (signup_live_uq, the confirmed_count CHECK).
   */
  async signUp(
    ctx: RequestContext,
    activityId: string,
    headcount: number,
    note: string | null | undefined,
    unitIdArg: string | null | undefined,
  ): Promise<Signup> {
    const me = ctx.me;
    const text = note?.trim() || null;
    ensure({
      headcount: checkIntRange(headcount, LIMITS.headcount),
      note: checkText(text, { max: LIMITS.comment, multiline: true }),
    });
    let unitId: string;
    if (me.role === 'UNIT_ADMIN') {
      // Omitted, null or "": its own unit; named: it must be its own.
      if (unitIdArg && requireId(unitIdArg, 'unitId') !== me.unitId) throw forbidden('unitId: a unit admin may sign up only its own unit', 'unitId');
      if (!me.unitId) throw forbidden('Your account belongs to no unit');
      unitId = me.unitId;
    } else {
      if (!unitIdArg) throw badInput('unitId', 'REQUIRED', 'unitId: the committee must name the unit signing up');
      unitId = requireId(unitIdArg, 'unitId');
    }
    const aid = requireId(activityId, 'activityId');
    try {
      return await ctx.scope.transaction(async (tx) => {
        const { activity, unit } = await lockWithUnit(tx, aid, unitId);
        enforce(ACTIVITY_LIFECYCLE, 'signUp', me, activitySubject(activity, unitId));
        if (!unit) throw badInput('unitId', 'INVALID_ID', 'unitId: no such member unit');
        if (unit.status !== 'ACTIVE') throw conflict(`The unit is ${unit.status}; only active units sign up`);
        // A second live sign-up of the unit is refused by signup_live_uq (caught below as CONFLICT).
        const confirmed = activity.maxUnits === null || activity.confirmedCount < activity.maxUnits;
        const signup = tx.create(Signup, { activityId: aid, unitId, status: confirmed ? 'CONFIRMED' : 'WAITLISTED', headcount, note: text });
        // One INSERT ... RETURNING, which sets the row's id and timestamps on `signup`: not save(), whose change
        // detection, cascades and listeners a new row without relations has no use for (test/bench/analysis.md, M1).
        await tx.manager.createQueryBuilder().insert().into(Signup).values(signup).execute();
        // The response's unit and activity are the rows read under the lock (the trigger
        // added this sign-up to confirmed_count), so they need no statements of their own.
        await publish(
          ctx,
          tx,
          new UnitSignedUp({ allianceId: tx.allianceId, actorId: me.id, at: new Date() }, signup.id, aid, unitId, signup.status, activity.title),
        );
        ctx.loaders.unit.prime(unit.id, unit);
        ctx.loaders.activity.prime(aid, Object.assign(activity, { confirmedCount: activity.confirmedCount + (confirmed ? 1 : 0) }));
        return signup;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'signup_live_uq')) throw conflict('The unit has already signed up for this activity');
      if (isCheckViolation(err)) throw conflict('The activity is full');
      throw err;
    }
  }

  /** CONFIRMED|WAITLISTED -> WITHDRAWN while the activity is OPEN; a freed place goes to the oldest WAITLISTED sign-up. */
  async withdraw(ctx: RequestContext, id: string): Promise<Signup> {
    const sid = requireId(id, 'id');
    return ctx.scope.transaction(async (tx) => {
      const found = await tx.find(Signup, sid);
      if (!found) throw notFound('Signup');
      // The same lock order as signUp: the activity, then the sign-up.
      const activity = await tx.lock(Activity, found.activityId, 'Activity');
      const signup = await tx.lock(Signup, sid, 'Signup');
      if (activity.status !== SIGNUP_OPEN_ACTIVITY_STATUS) {
        // The table's row first: a role that may never withdraw it is FORBIDDEN whatever the activity's status.
        enforce(SIGNUP_LIFECYCLE, 'withdraw', ctx.me, { status: signup.status, unitIds: [signup.unitId] });
        throw conflict(`Sign-ups can be withdrawn only while the activity is ${SIGNUP_OPEN_ACTIVITY_STATUS}`);
      }
      const [withdrawn] = await transitionSignups(ctx, tx, 'withdraw', { signupId: sid }, signup);
      if (withdrawn?.from === 'CONFIRMED') await transitionSignups(ctx, tx, 'promote', { activityId: activity.id, limit: 1 });
      return tx.get(Signup, sid, 'Signup');
    });
  }
}

export const activityService = new ActivityService();
