import { fastType, type ValueRelation } from '../../common/fast-path.js';
import { categoriesInMemory, gridsInMemory } from '../alliance/alliance.fast.js';
import { NeedEvent } from './need-event.entity.js';
import { Need } from './need.entity.js';
import { deliveringUnitRows } from './need.loaders.js';

/** The ids of the need's delivering units: what decides whether a liaison reads the resident's phone (seesRequesterPhone). */
const DELIVERING_UNIT_IDS: ValueRelation<Need> = {
  value: (a, _args, q) =>
    `(SELECT coalesce(json_agg(du.unit_id), '[]') FROM (${deliveringUnitRows(q.tenant, (needId) => `${needId} = ${a.p}.id`)}) du)`,
  prime: (ctx, need, unitIds) => ctx.loaders.needDeliveringUnits.prime(need.id, unitIds),
};

/** What a viewer's masking of a need's free text reads besides the text (residentText in need.resolver.ts). */
const RESIDENT = ['requesterName', 'requesterPhone'] as const;

/**
 * What the fast path knows of a need (docs/architecture.md, "Fast path"):
 * each relation reads what its loader (need.loaders.ts) reads, in its order.
 * The resident's name, phone, location and the free texts are masked by their
 * field resolvers, as on the general path; the statement reads what they decide on.
 */
fastType<Need>('Need', {
  entity: Need,
  plain: [
    'id', 'title', 'description', 'status', 'source', 'location', 'requesterName', 'requesterPhone', 'plan', 'dueAt', 'resolution',
    'satisfaction', 'reportedAt', 'resolvedAt', 'followedUpAt', 'version', 'overdue',
  ],
  // Only a liaison's view of the phone depends on the delivering units (needsDeliveringUnits).
  needs: { requesterPhone: (ctx) => (ctx.me.role === 'UNIT_ADMIN' ? { value: DELIVERING_UNIT_IDS } : null) },
  // reportedAt is the board's order key (the cursor). The free texts and the history's comments are masked, for the
  // viewer, with the resident's name and phone; the phone's mask is decided on the status, grid, assignee and (a
  // liaison) the delivering units. The primes read the relations' keys.
  columns: {
    always: ['id', 'reportedAt'],
    reads: {
      title: ['title', ...RESIDENT],
      description: ['description', ...RESIDENT],
      plan: ['plan', ...RESIDENT],
      resolution: ['resolution', ...RESIDENT],
      requesterPhone: ['requesterPhone', 'status', 'gridId', 'assigneeId'],
      overdue: ['status', 'dueAt'],
      category: ['categoryId'],
      grid: ['gridId'],
      assignee: ['assigneeId'],
      reportedBy: ['reportedBy'],
      history: RESIDENT,
      orderedProjects: [],
      claimedBy: [],
      deliveringUnits: [],
    },
  },
  relations: {
    category: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.category_id`,
      inMemory: categoriesInMemory,
      prime: (ctx, need, category) => need.categoryId && ctx.loaders.category.prime(need.categoryId, category),
    },
    grid: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.grid_id`,
      inMemory: gridsInMemory,
      prime: (ctx, need, grid) => ctx.loaders.grid.prime(need.gridId, grid),
    },
    orderedProjects: {
      many: true,
      join: (a) => `JOIN need_project ${a.j} ON ${a.j}.shelf_project_id = ${a.c}.id AND ${a.j}.alliance_id = ${a.c}.alliance_id`,
      where: (a) => `${a.j}.need_id = ${a.p}.id`,
      orderBy: (a) => `${a.j}.created_at, ${a.c}.id`,
      prime: (ctx, need, projects) => ctx.loaders.needProjects.prime(need.id, projects),
    },
    claimedBy: {
      many: true,
      join: (a) => `JOIN need_claim ${a.j} ON ${a.j}.unit_id = ${a.c}.id AND ${a.j}.alliance_id = ${a.c}.alliance_id`,
      where: (a) => `${a.j}.need_id = ${a.p}.id`,
      orderBy: (a) => `${a.j}.created_at, ${a.c}.id`,
      prime: (ctx, need, units) => ctx.loaders.needClaimUnits.prime(need.id, units),
    },
    deliveringUnits: {
      many: true,
      join: (a) => `JOIN need_delivery ${a.j} ON ${a.j}.unit_id = ${a.c}.id AND ${a.j}.alliance_id = ${a.c}.alliance_id`,
      where: (a) => `${a.j}.need_id = ${a.p}.id`,
      orderBy: (a) => `${a.c}.name, ${a.c}.id`,
      prime: (ctx, need, units) => ctx.loaders.needDeliveryUnits.prime(need.id, units),
    },
    assignee: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.assignee_id`,
      prime: (ctx, need, user) => need.assigneeId && ctx.loaders.user.prime(need.assigneeId, user),
    },
    reportedBy: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.reported_by`,
      prime: (ctx, need, user) => need.reportedBy && ctx.loaders.user.prime(need.reportedBy, user),
    },
    history: {
      many: true,
      where: (a) => `${a.c}.need_id = ${a.p}.id`,
      orderBy: (a) => `${a.c}.at, ${a.c}.id`,
      prime: (ctx, need, events) => ctx.loaders.needHistory.prime(need.id, events),
    },
  },
});

fastType<NeedEvent>('NeedEvent', {
  entity: NeedEvent,
  plain: ['at', 'from', 'to', 'comment'],
  // A need's history masks every comment for the viewer, whether or not comment is selected.
  columns: { always: ['id', 'comment'], reads: { actor: ['actorId'] } },
  relations: {
    actor: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.actor_id`,
      prime: (ctx, event, user) => ctx.loaders.user.prime(event.actorId, user),
    },
  },
});
