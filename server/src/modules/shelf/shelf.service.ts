import {
  checkText,
  LIMITS,
  PUBLIC_SHELF_STATUSES,
  ROLES_SEEING_WHOLE_SHELF,
  SHELF_LIFECYCLE,
  seesShelfProject,
} from '@alliance/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { publish } from '../../common/events/event-bus.js';
import { fastConnection } from '../../common/fast-path.js';
import { requireId } from '../../common/tenant-scope.js';
import { containsPattern } from '../../common/text-search.js';
import { AppError, badInput, conflict, ensure, forbidden } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { paginate, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import { categoryByCode, whereCategoryCode } from '../alliance/categories.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProjectCreated } from './events/shelf-project-created.event.js';
import { ShelfProject } from './shelf-project.entity.js';
import { transitionShelfProject } from './shelf.transition.js';
import type { ShelfProjectFilter, ShelfProjectInput, UpdateShelfProjectInput } from './shelf.inputs.js';

const NEWEST_FIRST: KeysetOrder<ShelfProject> = {
  direction: 'DESC',
  keys: [
    { sql: 'p.created_at', value: (p) => p.createdAt, type: 'date' },
    { sql: 'p.id', value: (p) => p.id, type: 'uuid' },
  ],
};

/** Drafts and projects under review are seen only by their unit and the committee. */
export function visibleToCaller(ctx: RequestContext, project: ShelfProject): boolean {
  return seesShelfProject(ctx.me, project);
}

/** One project of a batch review: decided (`project`) or refused (`code`, `message`). */
export interface ShelfReviewOutcome {
  id: string;
  project: ShelfProject | null;
  code: string | null;
  message: string | null;
}

export class ShelfService {
  /**
   * A page of the shelf as the caller may see it; with the GraphQL selection,
   * in one statement when the fast path knows every field selected.
   */
  async list(ctx: RequestContext, filter: ShelfProjectFilter | null | undefined, page: PageArgs, selection?: GraphQLResolveInfo) {
    const qb = this.filtered(ctx, filter);
    const fast = selection ? await fastConnection(ctx, selection, qb, page, NEWEST_FIRST) : null;
    return fast?.taken ? fast.value : paginate(qb, page, NEWEST_FIRST);
  }

  /** The projects the caller may see (drafts and reviews of its own unit only, unless it sees the whole shelf) that pass the filter. */
  private filtered(ctx: RequestContext, filter: ShelfProjectFilter | null | undefined) {
    const me = ctx.me;
    const qb = ctx.scope.qb(ShelfProject, 'p');
    if (!ROLES_SEEING_WHOLE_SHELF.includes(me.role)) {
      qb.andWhere('(p.status = ANY(:publicStatuses) OR p.unit_id = :ownUnit)', {
        publicStatuses: PUBLIC_SHELF_STATUSES,
        ownUnit: me.role === 'UNIT_ADMIN' ? me.unitId : null,
      });
    }
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter?.unitId) qb.andWhere('p.unit_id = :unitId', { unitId: requireId(filter.unitId, 'filter.unitId') });
    if (filter?.categoryCode) whereCategoryCode(ctx, qb, 'p.category_id', filter.categoryCode);
    const pattern = containsPattern(filter?.search);
    if (pattern) {
      qb.andWhere(
        `(p.title ILIKE :pattern ESCAPE '\\' OR p.description ILIKE :pattern ESCAPE '\\' OR array_to_string(p.tags, ' ') ILIKE :pattern ESCAPE '\\')`,
        { pattern },
      );
    }
    return qb;
  }

  async find(ctx: RequestContext, id: string): Promise<ShelfProject | null> {
    const project = await ctx.scope.find(ShelfProject, id);
    return project && visibleToCaller(ctx, project) ? project : null;
  }

  async create(ctx: RequestContext, input: ShelfProjectInput): Promise<ShelfProject> {
    const me = ctx.me;
    let unitId: string;
    if (me.role === 'UNIT_ADMIN') {
      // Omitted, null or "": its own unit; named: it must be its own.
      if (input.unitId && requireId(input.unitId, 'unitId') !== me.unitId) {
        throw forbidden('unitId: a unit admin may add projects only for its own unit', 'unitId');
      }
      unitId = me.unitId!;
    } else {
      if (!input.unitId) throw badInput('unitId', 'REQUIRED', 'unitId: the committee must name the unit offering the project');
      unitId = requireId(input.unitId, 'unitId');
    }
    return ctx.scope.transaction(async (tx) => {
      const unit = await tx.find(MemberUnit, unitId, 'unitId');
      if (!unit) throw badInput('unitId', 'INVALID_ID', 'unitId: no such member unit');
      if (unit.status !== 'ACTIVE') throw conflict(`The unit is ${unit.status}; only active units put projects on the shelf`);
      const category = await categoryByCode(tx, input.categoryCode, 'categoryCode');
      const project = tx.create(ShelfProject, {
        unitId,
        categoryId: category.id,
        title: input.title,
        description: input.description,
        status: 'DRAFT',
        capacityPerMonth: input.capacityPerMonth ?? null,
        tags: input.tags ?? [],
      });
      const saved = await tx.manager.save(project);
      await publish(ctx, tx, new ShelfProjectCreated({ allianceId: tx.allianceId, actorId: me.id, at: new Date() }, saved.id, unitId));
      return saved;
    });
  }

  /** Editing what residents read on the shelf (title, description, category) sends it back to review. */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateShelfProjectInput): Promise<ShelfProject> {
    return transitionShelfProject(ctx, id, 'edit', version, async (project, tx) => {
      let contentChanged = false;
      if (input.title != null && input.title !== project.title) {
        project.title = input.title;
        contentChanged = true;
      }
      if (input.description != null && input.description !== project.description) {
        project.description = input.description;
        contentChanged = true;
      }
      if (input.categoryCode != null) {
        const category = await categoryByCode(tx, input.categoryCode, 'categoryCode');
        if (category.id !== project.categoryId) {
          project.categoryId = category.id;
          contentChanged = true;
        }
      }
      // null clears these two (unlimited, no tags); validation refused null for the three above.
      if (input.capacityPerMonth !== undefined) project.capacityPerMonth = input.capacityPerMonth;
      if (input.tags !== undefined) project.tags = input.tags ?? [];
      if (contentChanged && project.status === 'ON_SHELF') {
        project.reviewComment = null;
        return { to: SHELF_LIFECYCLE.submit.to };
      }
    });
  }

  submit(ctx: RequestContext, id: string) {
    return transitionShelfProject(ctx, id, 'submit', null, () => undefined);
  }

  review(ctx: RequestContext, id: string, approve: boolean, comment: string | null | undefined) {
    const text = comment?.trim() || null;
    ensure({ comment: checkText(text, { max: LIMITS.comment, required: !approve, multiline: true }) });
    return transitionShelfProject(ctx, id, approve ? 'approve' : 'reject', null, (p) => {
      p.reviewComment = text;
      return { decided: { comment: text } };
    });
  }

  /**
   * 批量审核: the same decision (and, for a rejection, the same reason) for many projects.
   * Each project is reviewed by `review` in its own transaction, so one that moved on
   * meanwhile (withdrawn, already decided by someone else) fails alone and is reported with
   * its code while the others are decided; the batch itself is checked first (ids, the
   * comment) and a bad batch writes nothing.
   */
  async reviewMany(ctx: RequestContext, ids: readonly string[], approve: boolean, comment: string | null | undefined) {
    const text = comment?.trim() || null;
    ensure({ comment: checkText(text, { max: LIMITS.comment, required: !approve, multiline: true }) });
    if (ids.length < 1 || ids.length > LIMITS.batch) throw badInput('ids', 'OUT_OF_RANGE', `ids: between 1 and ${LIMITS.batch} projects at once`);
    const checked = ids.map((id, i) => requireId(id, `ids[${i}]`));
    if (new Set(checked).size !== checked.length) throw badInput('ids', 'DUPLICATE', 'ids: a project is named twice');
    const outcomes: ShelfReviewOutcome[] = [];
    for (const id of checked) {
      try {
        outcomes.push({ id, project: await this.review(ctx, id, approve, text), code: null, message: null });
      } catch (e) {
        // Only the refusals a client is meant to read; anything else is the server's fault and ends the batch.
        if (!(e instanceof AppError)) throw e;
        outcomes.push({ id, project: null, code: String(e.extensions.code), message: e.message });
      }
    }
    return outcomes;
  }

  takeDown(ctx: RequestContext, id: string, reason: string) {
    const text = reason?.trim();
    ensure({ reason: checkText(text, { max: LIMITS.comment, required: true, multiline: true }) });
    return transitionShelfProject(ctx, id, 'takeDown', null, (p) => {
      p.reviewComment = text;
      return { decided: { reason: text } };
    });
  }
}

export const shelfService = new ShelfService();
