import {
  ALLIANCE_TIME_ZONE,
  BUILDING_MARKERS,
  LOCATION_KEEP_MAX,
  seesResidentDetails,
  checkInFuture,
  checkIntRange,
  checkText,
  FINISHED_NEED_STATUSES,
  LIMITS,
  NEED_LIFECYCLE,
  NEED_REPORTERS,
  ORDERABLE_SHELF_STATUS,
  reaches,
  REOPEN_SATISFACTION_MAX,
  awaitsVerification,
  type NeedAction,
  type NeedSource,
} from '@alliance/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { publish } from '../../common/events/event-bus.js';
import { fastConnection } from '../../common/fast-path.js';
import { actorOf } from '../../common/lifecycle.js';
import { requireId, type TenantScope, type Within } from '../../common/tenant-scope.js';
import { containsPattern } from '../../common/text-search.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflict, conflictWhy, ensure, forbidden } from '../../graphql/errors.js';
import { paginate, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import { Grid } from '../alliance/grid.entity.js';
import { optionalCategoryId, whereCategoryCode } from '../alliance/categories.js';
import { User } from '../auth/user.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { NeedReported } from './events/need-reported.event.js';
import type { NeedFilter, ReportNeedInput } from './need.inputs.js';
import { Need } from './need.entity.js';
import { transitionNeed, writeHistory, type Step } from './need.transition.js';

/** What the one order form sends (orderPlanAssignNeed): the arguments of orderNeed, planNeed and assignNeed together. */
export interface OrderPlanAssignInput {
  version?: number | null;
  shelfProjectIds: string[];
  comment?: string | null;
  plan: string;
  dueAt: Date;
  deliveringUnitIds?: string[] | null;
  assigneeId: string;
}

/** Newest reported first. */
const NEWEST_FIRST: KeysetOrder<Need> = {
  direction: 'DESC',
  keys: [
    { sql: 'n.reported_at', value: (n) => n.reportedAt, type: 'date' },
    { sql: 'n.id', value: (n) => n.id, type: 'uuid' },
  ],
};

/** The statuses that never count as overdue, as an SQL list (constants, so safe to inline; matches need_overdue_idx). */
const FINISHED_SQL = FINISHED_NEED_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * SQL of what the viewer is shown (seesResidentDetails, maskResidentText,
 * maskLocation in @alliance/shared), for its searches: a text without the
 * resident's name and phone (digits also with spaces or dashes between them),
 * the location up to the building or, without one, its first
 * min(LOCATION_KEEP_MAX, half) characters.
 */
const VIEWER_TEXT = (column: string) =>
  `regexp_replace(replace(${column}, n.requester_name, '**'),
     regexp_replace(regexp_replace(n.requester_phone, '\\D', '', 'g'), '(\\d)(?=\\d)', '\\1[\\s-]?', 'g'), '****', 'g')`;
const VIEWER_LOCATION = `COALESCE(substring(n.location from '^(.*?(?:${BUILDING_MARKERS.join('|')}))'),
  left(n.location, least(${LOCATION_KEEP_MAX}, char_length(n.location) / 2)))`;

/** An optional free-text comment: trimmed, bounded; "" is none. */
function optionalComment(comment: string | null | undefined, field = 'comment', required = false): string | null {
  const text = comment?.trim() || null;
  ensure({ [field]: checkText(text, { max: LIMITS.comment, required, multiline: true }) });
  return text;
}

/** The units credited for a need: the delivering units its plan named (need_delivery), and no one else. */
async function creditedUnits(tx: TenantScope, needId: string): Promise<string[]> {
  const rows: { unit_id: string }[] = await tx.manager.query(
    `SELECT unit_id FROM need_delivery WHERE need_id = $1 AND alliance_id = $2 ORDER BY unit_id`,
    [needId, tx.allianceId],
  );
  return rows.map((r) => r.unit_id);
}

/** Who a plan may name as delivering: the units of the ordered projects and those that claimed the need, by name. */
async function deliveryCandidates(tx: TenantScope, needId: string): Promise<{ id: string; name: string }[]> {
  return tx.manager.query(
    `SELECT u.id, u.name FROM member_unit u
      WHERE u.alliance_id = $2 AND u.id IN (
        SELECT p.unit_id FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id
         WHERE np.need_id = $1 AND np.alliance_id = $2
        UNION
        SELECT c.unit_id FROM need_claim c WHERE c.need_id = $1 AND c.alliance_id = $2)
      ORDER BY u.name, u.id`,
    [needId, tx.allianceId],
  );
}

/** A correction's reason: required, trimmed, bounded (BAD_USER_INPUT naming `reason`). */
function requiredReason(reason: string | null | undefined): string {
  return optionalComment(reason, 'reason', true)!;
}

/** A plan's text: required, trimmed, bounded. */
function planText(plan: string | null | undefined): string {
  const text = plan?.trim();
  ensure({ plan: checkText(text, { max: LIMITS.description, required: true, multiline: true }) });
  return text!;
}

/** A due date: a valid date-time later than now (BAD_USER_INPUT naming `dueAt`: INVALID_DATE, NOT_IN_FUTURE). */
function futureDueAt(dueAt: Date): Date {
  if (!(dueAt instanceof Date) || Number.isNaN(dueAt.getTime())) throw badInput('dueAt', 'INVALID_DATE');
  const reason = checkInFuture(dueAt);
  if (reason) throw badInput('dueAt', reason, 'dueAt: must be later than now');
  return dueAt;
}

/** A due date as the alliance reads it in a history comment: 2026-12-08 18:00 (one formatter: building one loads the zone's rules). */
const LOCAL_DATE_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: ALLIANCE_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
function localDateTime(at: Date): string {
  return LOCAL_DATE_TIME.format(at);
}

/** The history comment of a correction: the reason, then what it replaced (the need keeps only the new values). */
function correctionComment(reason: string, replaced: (string | null)[]): string {
  const lines = replaced.filter((l): l is string => !!l);
  return lines.length ? `${reason}\n${lines.join('\n')}` : reason;
}

/** How much of a plan the audit log keeps (the need keeps all of it). */
const AUDIT_PLAN_CHARS = 80;

function shortened(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** Who may be assigned work: a user of this alliance who is not a viewer (BAD_USER_INPUT naming `assigneeId`). */
async function assignable(tx: TenantScope, userId: string): Promise<User> {
  const user = await tx.find(User, userId, 'assigneeId');
  if (!user) throw badInput('assigneeId', 'INVALID_ID', 'assigneeId: no such user');
  if (user.role === 'VIEWER') throw badInput('assigneeId', 'INVALID_ID', 'assigneeId: a viewer cannot be assigned work');
  if (user.status !== 'ACTIVE') throw badInput('assigneeId', 'INVALID_ID', 'assigneeId: a disabled account cannot be assigned work');
  return user;
}

export class NeedService {
  /** A page of needs; with the GraphQL selection, in one statement when the fast path knows every field selected. */
  async list(ctx: RequestContext, filter: NeedFilter | null | undefined, page: PageArgs, selection?: GraphQLResolveInfo) {
    const qb = this.filtered(ctx, filter);
    const fast = selection ? await fastConnection(ctx, selection, qb, page, NEWEST_FIRST) : null;
    return fast?.taken ? fast.value : paginate(qb, page, NEWEST_FIRST);
  }

  /** The needs that pass the filter. */
  private filtered(ctx: RequestContext, filter: NeedFilter | null | undefined) {
    const qb = ctx.scope.qb(Need, 'n');
    if (filter?.status?.length) qb.andWhere('n.status = ANY(:statuses)', { statuses: filter.status });
    if (filter?.gridId) qb.andWhere('n.grid_id = :gridId', { gridId: requireId(filter.gridId, 'filter.gridId') });
    if (filter?.source) qb.andWhere('n.source = :source', { source: filter.source });
    if (typeof filter?.verified === 'boolean') qb.andWhere(`n.verified_at IS ${filter.verified ? 'NOT ' : ''}NULL`);
    if (filter?.categoryCode) whereCategoryCode(ctx, qb, 'n.category_id', filter.categoryCode);
    const pattern = containsPattern(filter?.search);
    if (pattern) {
      // The viewer searches what it is shown, so a search cannot confirm a resident's name, phone or address.
      const [title, description, location] = seesResidentDetails(ctx.me)
        ? ['n.title', 'n.description', 'n.location']
        : [VIEWER_TEXT('n.title'), VIEWER_TEXT('n.description'), VIEWER_LOCATION];
      qb.andWhere(
        `(${title} ILIKE :pattern ESCAPE '\\' OR ${description} ILIKE :pattern ESCAPE '\\' OR ${location} ILIKE :pattern ESCAPE '\\')`,
        { pattern },
      );
    }
    if (filter?.overdue === true) {
      qb.andWhere(`n.status NOT IN (${FINISHED_SQL}) AND n.due_at < now()`);
    } else if (filter?.overdue === false) {
      qb.andWhere(`NOT (n.status NOT IN (${FINISHED_SQL}) AND n.due_at IS NOT NULL AND n.due_at < now())`);
    }
    const me = ctx.me;
    if (typeof filter?.assignedToMe === 'boolean') {
      qb.andWhere(`${filter.assignedToMe ? '' : 'NOT '}(n.assignee_id IS NOT NULL AND n.assignee_id = :me)`, { me: me.id });
    }
    if (typeof filter?.myUnit === 'boolean') {
      // Without a unit nothing is the caller's unit's work.
      const mine = me.unitId
        ? `((n.assignee_id IS NOT NULL AND n.assignee_id = :me)
            OR EXISTS (SELECT 1 FROM need_claim c WHERE c.need_id = n.id AND c.alliance_id = n.alliance_id AND c.unit_id = :myUnitId)
            OR EXISTS (SELECT 1 FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id
                        WHERE np.need_id = n.id AND np.alliance_id = n.alliance_id AND p.unit_id = :myUnitId))`
        : 'FALSE';
      qb.andWhere(filter.myUnit ? mine : `NOT ${mine}`, { me: me.id, myUnitId: me.unitId });
    }
    if (typeof filter?.claimable === 'boolean') {
      // The claim row of the lifecycle table: the statuses it starts from, the roles that take it.
      // 认领大厅 offers a unit the needs in the categories it serves (those of its ON_SHELF projects)
      // and those without a category; claimNeed itself still takes any need (docs/adoption.md).
      const claimable =
        NEED_LIFECYCLE.claim.roles[me.role] && me.unitId
          ? `(n.status = ANY(:claimFrom)
              AND EXISTS (SELECT 1 FROM member_unit u WHERE u.id = :claimUnitId AND u.alliance_id = n.alliance_id AND u.status = 'ACTIVE')
              AND NOT EXISTS (SELECT 1 FROM need_claim c WHERE c.need_id = n.id AND c.alliance_id = n.alliance_id AND c.unit_id = :claimUnitId)
              AND (n.category_id IS NULL
                   OR n.category_id IN (SELECT p.category_id FROM shelf_project p
                                         WHERE p.unit_id = :claimUnitId AND p.alliance_id = n.alliance_id AND p.status = :onShelf)))`
          : 'FALSE';
      qb.andWhere(filter.claimable ? claimable : `NOT ${claimable}`, {
        claimFrom: [...NEED_LIFECYCLE.claim.from],
        claimUnitId: me.unitId,
        onShelf: ORDERABLE_SHELF_STATUS,
      });
    }
    // The alliance's days, whatever the server's time zone; both ends inclusive.
    for (const [column, name, from, to] of [
      ['n.reported_at', 'reported', filter?.reportedFrom, filter?.reportedTo],
      ['n.resolved_at', 'resolved', filter?.resolvedFrom, filter?.resolvedTo],
    ] as const) {
      if (from && to && to < from) throw badInput(`filter.${name}To`, 'DATE_ORDER', `filter.${name}To: must not be before ${name}From`);
      if (from) qb.andWhere(`${column} >= (:${name}From::date)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`, { [`${name}From`]: from });
      if (to) qb.andWhere(`${column} < (:${name}To::date + 1)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`, { [`${name}To`]: to });
    }
    return qb;
  }

  find(ctx: RequestContext, id: string): Promise<Need | null> {
    return ctx.scope.find(Need, id);
  }

  /** 提问题: a grid worker into its own grid, the committee into any. */
  async report(ctx: RequestContext, input: ReportNeedInput): Promise<Need> {
    const me = ctx.me;
    const gridId = requireId(input.gridId, 'gridId');
    if (!reaches(NEED_REPORTERS[me.role], actorOf(me), { gridId })) {
      throw forbidden('gridId: a grid worker reports needs only in its own grid', 'gridId');
    }
    return this.receive(ctx, { ...input, gridId }, 'STAFF', me.id);
  }

  /**
   * A resident's own report from the residents' page (no one signed in): it
   * waits as REPORTED, source RESIDENT, for its grid's worker to call the
   * resident back before the committee screens it. No history row: a
   * NeedEvent names the account that acted, and no account did; the need's
   * reportedAt is its first step. `within` runs in the same transaction.
   */
  reportAsResident(ctx: RequestContext, input: Omit<ReportNeedInput, 'categoryCode'>, within: Within<Need>): Promise<Need> {
    return this.receive(ctx, { ...input, gridId: requireId(input.gridId, 'input.gridId') }, 'RESIDENT', null, within);
  }

  private receive(ctx: RequestContext, input: ReportNeedInput, source: NeedSource, actorId: string | null, within?: Within<Need>): Promise<Need> {
    const gridId = input.gridId;
    return ctx.scope.transaction(async (tx) => {
      const grid = await tx.find(Grid, gridId, 'gridId');
      if (!grid) throw badInput(actorId ? 'gridId' : 'input.gridId', 'INVALID_ID', 'gridId: no such grid');
      const categoryId = await optionalCategoryId(tx, input.categoryCode);
      const now = new Date();
      const need = await tx.manager.save(
        tx.create(Need, {
          gridId,
          categoryId,
          title: input.title,
          description: input.description,
          location: input.location || null,
          requesterName: input.requesterName,
          requesterPhone: input.requesterPhone,
          status: 'REPORTED',
          source,
          reportedBy: actorId,
          reportedAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (actorId) await writeHistory(ctx, tx, need.id, null, 'REPORTED', null, now);
      await publish(ctx, tx, new NeedReported({ allianceId: tx.allianceId, actorId, at: now }, need.id, gridId));
      if (within) await within(tx, need);
      return need;
    });
  }

  /**
   * 初审: REPORTED -> ACCEPTED, or REJECTED with a reason. A resident's own
   * report is screened only once its grid's worker has verified it (CONFLICT
   * NOT_VERIFIED before that, nothing written).
   */
  screen(ctx: RequestContext, id: string, accept: boolean, comment: string | null | undefined, version?: number | null) {
    const text = optionalComment(comment, 'comment', !accept);
    return this.transition(ctx, id, accept ? 'accept' : 'reject', version, async (_tx, need) => {
      if (awaitsVerification(need)) {
        throw conflictWhy('NOT_VERIFIED', "A resident's own report is screened once its grid's worker has verified it (verifyResidentNeed)");
      }
      return { to: accept ? 'ACCEPTED' : 'REJECTED', comment: text, decided: accept ? { comment: text } : { reason: text } };
    });
  }

  /**
   * 核实: the grid's worker (or the committee) has called back the resident
   * who reported the need on the residents' page; the committee may then
   * screen it. Once per need, only a RESIDENT one, only while REPORTED; the
   * status stays, the history keeps the verification and its comment.
   */
  verifyResident(ctx: RequestContext, id: string, comment: string | null | undefined, version?: number | null) {
    const text = optionalComment(comment);
    return this.transition(ctx, id, 'verify', version, async (_tx, need, now) => {
      if (need.source !== 'RESIDENT') {
        throw conflictWhy('NOT_RESIDENT_NEED', "Only a resident's own report (source RESIDENT) is verified");
      }
      if (need.verifiedAt) throw conflictWhy('ALREADY_VERIFIED', "This resident's report has already been verified");
      need.verifiedAt = now;
      need.verifiedBy = ctx.me.id;
      return {
        to: null,
        comment: text ? `已核实：${text}` : '已核实',
        before: { verifiedAt: null },
        after: { verifiedAt: now.toISOString(), verifiedBy: ctx.me.id },
        decided: { comment: text },
      };
    });
  }

  /** 开单子: ACCEPTED -> ORDERED against ON_SHELF projects; no project only when a unit has claimed it. */
  order(ctx: RequestContext, id: string, shelfProjectIds: string[], comment: string | null | undefined, version?: number | null, within?: TenantScope) {
    const projectIds = [...new Set(shelfProjectIds.map((p) => requireId(p, 'shelfProjectIds')))];
    if (projectIds.length > LIMITS.attachments) throw badInput('shelfProjectIds', 'TOO_LONG', `shelfProjectIds: at most ${LIMITS.attachments}`);
    const text = optionalComment(comment);
    return this.transition(ctx, id, 'order', version, async (tx, need) => {
      let ordered: { id: string; title: string }[] = [];
      if (projectIds.length === 0) {
        const [{ claims }] = await tx.manager.query(
          `SELECT count(*)::int AS claims FROM need_claim WHERE need_id = $1 AND alliance_id = $2`,
          [need.id, tx.allianceId],
        );
        if (claims === 0) {
          throw badInput('shelfProjectIds', 'REQUIRED', 'shelfProjectIds: name at least one shelf project, or wait for a unit to claim the need');
        }
      } else {
        const projects = await tx.qb(ShelfProject, 'p').andWhere('p.id = ANY(:ids)', { ids: projectIds }).getMany();
        const onShelf = new Set(projects.filter((p) => p.status === ORDERABLE_SHELF_STATUS).map((p) => p.id));
        if (projectIds.some((p) => !onShelf.has(p))) {
          throw badInput('shelfProjectIds', 'INVALID_ID', 'shelfProjectIds: every project must be on the shelf of this alliance');
        }
        const titles = new Map(projects.map((p) => [p.id, p.title]));
        ordered = projectIds.map((p) => ({ id: p, title: titles.get(p)! }));
        await tx.manager.query(
          `INSERT INTO need_project (need_id, shelf_project_id, alliance_id)
           SELECT $1, p, $3 FROM unnest($2::uuid[]) AS p
           ON CONFLICT DO NOTHING`,
          [need.id, projectIds, tx.allianceId],
        );
      }
      return { to: 'ORDERED', comment: text, decided: { projects: ordered, comment: text } };
    }, within);
  }

  /**
   * 认领: a unit offers to help with an ACCEPTED or ORDERED need; once per
   * unit, and at most the alliance's maxOpenClaims open claims (needs not yet
   * RESOLVED/CLOSED/REJECTED) at a time. The unit's row is locked first, so
   * concurrent claims of one unit are counted one after another. An optional
   * note (what the unit offers) follows the unit's name in the history.
   */
  claim(ctx: RequestContext, id: string, version?: number | null, note?: string | null) {
    const unitId = ctx.me.unitId!;
    const offer = optionalComment(note, 'note');
    return this.transition(ctx, id, 'claim', version, async (tx, need) => {
      const [unit]: { name: string; status: string; max_open_claims: number }[] = await tx.manager.query(
        `SELECT u.name, u.status, a.max_open_claims FROM member_unit u JOIN alliance a ON a.id = u.alliance_id
          WHERE u.id = $1 AND u.alliance_id = $2 FOR UPDATE OF u`,
        [unitId, tx.allianceId],
      );
      if (!unit) throw forbidden('Your unit is not in this alliance');
      if (unit.status !== 'ACTIVE') throw conflict(`Your unit is ${unit.status}; only active units claim needs`);
      const [{ claimed, open }] = await tx.manager.query(
        `SELECT bool_or(c.need_id = $3) AS claimed, count(*) FILTER (WHERE n.status NOT IN (${FINISHED_SQL}))::int AS open
           FROM need_claim c JOIN need n ON n.id = c.need_id
          WHERE c.unit_id = $1 AND c.alliance_id = $2`,
        [unitId, tx.allianceId, need.id],
      );
      if (claimed) throw conflictWhy('ALREADY_CLAIMED', 'Your unit has already claimed this need');
      if (open >= unit.max_open_claims) {
        throw conflictWhy(
          'CLAIM_LIMIT_REACHED',
          `Your unit already holds ${open} open claims, the most this alliance allows (maxOpenClaims = ${unit.max_open_claims}); ` +
            'claim another need once one of them is resolved, closed or rejected',
          { limit: unit.max_open_claims, open },
        );
      }
      await tx.manager.query(`INSERT INTO need_claim (need_id, unit_id, alliance_id, claimed_by) VALUES ($1, $2, $3, $4)`, [
        need.id,
        unitId,
        tx.allianceId,
        ctx.me.id,
      ]);
      return { to: null, comment: offer ? `${unit.name}：${offer}` : unit.name };
    });
  }

  /**
   * 定方案: ORDERED -> PLANNED with a plan, a due time and the delivering
   * unit(s), chosen among the units of the ordered projects and those that
   * claimed the need (at least one when any exists); omitted: all of them.
   * Only they earn the need's points.
   */
  plan(
    ctx: RequestContext,
    id: string,
    plan: string,
    dueAt: Date,
    deliveringUnitIds?: string[] | null,
    version?: number | null,
    within?: TenantScope,
  ) {
    const text = planText(plan);
    futureDueAt(dueAt);
    const chosen = deliveringUnitIds == null ? null : [...new Set(deliveringUnitIds.map((u) => requireId(u, 'deliveringUnitIds')))];
    if (chosen && chosen.length > LIMITS.attachments) throw badInput('deliveringUnitIds', 'TOO_LONG', `deliveringUnitIds: at most ${LIMITS.attachments}`);
    return this.transition(ctx, id, 'plan', version, async (tx, need, now) => {
      const candidates = await deliveryCandidates(tx, need.id);
      const byId = new Map(candidates.map((u) => [u.id, u]));
      if (chosen && chosen.some((u) => !byId.has(u))) {
        throw badInput('deliveringUnitIds', 'INVALID_ID', 'deliveringUnitIds: each must be the unit of an ordered project or a unit that claimed the need');
      }
      if (chosen && chosen.length === 0 && candidates.length > 0) {
        throw badInput('deliveringUnitIds', 'REQUIRED', 'deliveringUnitIds: name at least one delivering unit');
      }
      const delivering = chosen ? candidates.filter((u) => chosen.includes(u.id)) : candidates;
      await tx.manager.query(`DELETE FROM need_delivery WHERE need_id = $1 AND alliance_id = $2`, [need.id, tx.allianceId]);
      await tx.manager.query(
        `INSERT INTO need_delivery (need_id, unit_id, alliance_id, created_at) SELECT $1, u, $3, $4 FROM unnest($2::uuid[]) AS u`,
        [need.id, delivering.map((u) => u.id), tx.allianceId, now],
      );
      need.plan = text;
      need.dueAt = dueAt;
      return {
        to: 'PLANNED',
        after: { plan: shortened(text, AUDIT_PLAN_CHARS), dueAt: dueAt.toISOString(), deliveringUnits: delivering },
      };
    }, within);
  }

  /** 领任务: PLANNED -> IN_PROGRESS with an assignee of this alliance who is not a viewer. */
  assign(ctx: RequestContext, id: string, assigneeId: string, version?: number | null, within?: TenantScope) {
    const userId = requireId(assigneeId, 'assigneeId');
    return this.transition(ctx, id, 'assign', version, async (tx, need) => {
      const user = await assignable(tx, userId);
      const before = { assigneeId: need.assigneeId };
      need.assigneeId = user.id;
      return { to: 'IN_PROGRESS', comment: user.displayName, before, after: { assigneeId: user.id, assigneeName: user.displayName } };
    }, within);
  }

  /**
   * 开单子 + 定方案 + 派单 at once, the committee's one order form: an
   * ACCEPTED need ordered (projects, or none when a unit has claimed it),
   * planned (plan, due time, delivering units) and given to its assignee.
   * The three steps are the ones above, each with its rules, history event
   * and domain event, in one transaction: refused at any step, nothing is
   * written. The form's own fields are checked before anything is read, so
   * a bad plan or due date is named even when the order would be refused too.
   */
  orderPlanAssign(ctx: RequestContext, id: string, input: OrderPlanAssignInput) {
    optionalComment(input.comment);
    planText(input.plan);
    futureDueAt(input.dueAt);
    requireId(input.assigneeId, 'assigneeId');
    return ctx.scope.transaction(async (tx) => {
      await this.order(ctx, id, input.shelfProjectIds, input.comment, input.version, tx);
      // The need stays locked from the order on: the later steps need no version of their own.
      await this.plan(ctx, id, input.plan, input.dueAt, input.deliveringUnitIds, null, tx);
      return this.assign(ctx, id, input.assigneeId, null, tx);
    });
  }

  /** IN_PROGRESS -> RESOLVED by the assignee; the event names the delivering units its plan chose (the points ledger credits them). */
  resolve(ctx: RequestContext, id: string, resolution: string, version?: number | null) {
    const text = resolution?.trim();
    ensure({ resolution: checkText(text, { max: LIMITS.description, required: true, multiline: true }) });
    return this.transition(ctx, id, 'resolve', version, async (tx, need, now) => {
      need.resolution = text;
      need.resolvedAt = now;
      return { to: 'RESOLVED', comment: text, deliveringUnitIds: await creditedUnits(tx, need.id) };
    });
  }

  /**
   * 跑回访: satisfaction 3..5 closes (the event names the delivering units:
   * 5 gives them +2 more); 1..2 reopens to IN_PROGRESS with the same assignee.
   */
  followUp(ctx: RequestContext, id: string, satisfaction: number, comment: string | null | undefined, version?: number | null) {
    ensure({ satisfaction: checkIntRange(satisfaction, LIMITS.satisfaction) });
    const text = optionalComment(comment);
    return this.transition(ctx, id, 'followUp', version, async (tx, need, now) => {
      need.satisfaction = satisfaction;
      need.followedUpAt = now;
      if (satisfaction <= REOPEN_SATISFACTION_MAX) {
        // Reopened: the resolution and its time stay in the history only.
        need.resolution = null;
        need.resolvedAt = null;
        return { to: 'IN_PROGRESS', comment: text, decided: { satisfaction, comment: text }, satisfaction };
      }
      const deliveringUnitIds = await creditedUnits(tx, need.id);
      return { to: NEED_LIFECYCLE.followUp.to!, comment: text, decided: { satisfaction, comment: text }, satisfaction, deliveringUnitIds };
    });
  }

  /**
   * 调整方案 (PLANNED or IN_PROGRESS, with a reason; the status stays): a new plan, a new due date, or both (docs/adoption.md: "new plan
   * and/or due date"), so that an overdue need's plan can change without
   * inventing a date. The history and the audit log keep only what changed.
   */
  replan(ctx: RequestContext, id: string, version: number, plan: string | null | undefined, dueAt: Date | null | undefined, reason: string) {
    if ((plan === null || plan === undefined) && (dueAt === null || dueAt === undefined)) {
      throw badInput('plan', 'REQUIRED', 'plan: give a new plan, a new due date, or both');
    }
    const text = plan === null || plan === undefined ? null : planText(plan);
    const due = dueAt === null || dueAt === undefined ? null : futureDueAt(dueAt);
    const why = requiredReason(reason);
    return this.transition(ctx, id, 'replan', version, async (_tx, need) => {
      const before: { plan?: string | null; dueAt?: string | null } = {};
      const after: { plan?: string | null; dueAt?: string | null } = {};
      const replaced: (string | null)[] = [];
      if (text !== null) {
        before.plan = need.plan === null ? null : shortened(need.plan, AUDIT_PLAN_CHARS);
        after.plan = shortened(text, AUDIT_PLAN_CHARS);
        replaced.push(need.plan !== null ? `原方案：${need.plan}` : null);
        need.plan = text;
      }
      if (due !== null) {
        before.dueAt = need.dueAt?.toISOString() ?? null;
        after.dueAt = due.toISOString();
        replaced.push(need.dueAt ? `原办结时限：${localDateTime(need.dueAt)}` : null);
        need.dueAt = due;
      }
      return { to: null, comment: correctionComment(why, replaced), before, after, decided: { reason: why } };
    });
  }

  /** 改派: another assignee while IN_PROGRESS (the same rules as assign), with a reason. */
  reassign(ctx: RequestContext, id: string, version: number, assigneeId: string, reason: string) {
    const userId = requireId(assigneeId, 'assigneeId');
    const why = requiredReason(reason);
    return this.transition(ctx, id, 'reassign', version, async (tx, need) => {
      const user = await assignable(tx, userId);
      const previous = need.assigneeId ? await tx.find(User, need.assigneeId) : null;
      const before = { assigneeId: need.assigneeId, assigneeName: previous?.displayName ?? null };
      need.assigneeId = user.id;
      const comment = correctionComment(why, [`原责任人：${previous?.displayName ?? '无'}`, `新责任人：${user.displayName}`]);
      return { to: null, comment, before, after: { assigneeId: user.id, assigneeName: user.displayName }, decided: { reason: why } };
    });
  }

  /**
   * 撤回派单: ORDERED or PLANNED -> ACCEPTED with a reason. The ordered
   * projects (need_project), the plan, its delivering units and the due date are cleared; the
   * event's comment keeps what was ordered and planned. Claims stay.
   */
  withdrawOrder(ctx: RequestContext, id: string, version: number, reason: string) {
    const why = requiredReason(reason);
    return this.transition(ctx, id, 'withdrawOrder', version, async (tx, need) => {
      const projects: { id: string; title: string; unit: string }[] = await tx.manager.query(
        `SELECT p.id, p.title, u.name AS unit
           FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id JOIN member_unit u ON u.id = p.unit_id
          WHERE np.need_id = $1 AND np.alliance_id = $2
          ORDER BY np.created_at, p.id`,
        [need.id, tx.allianceId],
      );
      await tx.manager.query(`DELETE FROM need_project WHERE need_id = $1 AND alliance_id = $2`, [need.id, tx.allianceId]);
      // The plan goes, and with it the delivering units it named: a new plan names them again.
      await tx.manager.query(`DELETE FROM need_delivery WHERE need_id = $1 AND alliance_id = $2`, [need.id, tx.allianceId]);
      const before = {
        projects: projects.map((p) => ({ id: p.id, title: p.title })),
        plan: need.plan === null ? null : shortened(need.plan, AUDIT_PLAN_CHARS),
        dueAt: need.dueAt?.toISOString() ?? null,
      };
      const comment = correctionComment(why, [
        projects.length ? `原派单项目：${projects.map((p) => `${p.title}（${p.unit}）`).join('、')}` : null,
        need.plan !== null ? `原方案：${need.plan}` : null,
        need.dueAt ? `原办结时限：${localDateTime(need.dueAt)}` : null,
      ]);
      need.plan = null;
      need.dueAt = null;
      return { to: 'ACCEPTED', comment, before, after: { projects: [], plan: null, dueAt: null }, decided: { reason: why } };
    });
  }

  /** 重新受理: REJECTED -> REPORTED with a reason, to be screened again. */
  reopen(ctx: RequestContext, id: string, version: number, reason: string) {
    const why = requiredReason(reason);
    return this.transition(ctx, id, 'reopen', version, async () => ({ to: 'REPORTED', comment: why, decided: { reason: why } }));
  }

  /** One step of the loop: need.transition.ts's transitionNeed, the one transition function of NEED_LIFECYCLE; `within` joins an open transaction. */
  private transition(
    ctx: RequestContext,
    id: string,
    action: NeedAction,
    version: number | null | undefined,
    apply: (tx: TenantScope, need: Need, now: Date) => Promise<Step>,
    within?: TenantScope,
  ): Promise<Need> {
    return transitionNeed(ctx, id, action, version, apply, within);
  }
}

export const needService = new NeedService();
