import { SHELF_LIFECYCLE, type ShelfAction, type ShelfStatus } from '@alliance/shared';
import type { EventOrigin, TransitionDetails } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { destination, enforce } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { staleVersion } from '../../graphql/errors.js';
import { ShelfProjectApproved } from './events/shelf-project-approved.event.js';
import { ShelfProjectEdited } from './events/shelf-project-edited.event.js';
import { ShelfProjectRejected } from './events/shelf-project-rejected.event.js';
import { ShelfProjectSubmitted } from './events/shelf-project-submitted.event.js';
import { ShelfProjectTakenDown } from './events/shelf-project-taken-down.event.js';
import type { ShelfProjectTransitioned } from './events/shelf-project-transitioned.js';
import { ShelfProject } from './shelf-project.entity.js';

type Args = [origin: EventOrigin, projectId: string, unitId: string, title: string, from: ShelfStatus, to: ShelfStatus, details: TransitionDetails];

/** The event of each action of SHELF_LIFECYCLE. */
const EVENT_OF: { [A in ShelfAction]: (...args: Args) => ShelfProjectTransitioned } = {
  edit: (...a) => new ShelfProjectEdited(...a),
  submit: (...a) => new ShelfProjectSubmitted(...a),
  approve: (...a) => new ShelfProjectApproved(...a),
  reject: (...a) => new ShelfProjectRejected(...a),
  takeDown: (...a) => new ShelfProjectTakenDown(...a),
};

/** What a step did besides moving the status. */
export interface ShelfStep {
  /** Only where the row offers a choice (`otherwise`: an edit that sends it back to review). */
  to?: ShelfStatus | null;
  decided?: Record<string, unknown>;
}

/**
 * The shelf project's one transition function, in one transaction: lock,
 * check SHELF_LIFECYCLE's row (FORBIDDEN / CONFLICT), the `version` when
 * given (stale: CONFLICT), run the step, set the status from the row, save,
 * publish the action's event.
 */
export function transitionShelfProject(
  ctx: RequestContext,
  id: string,
  action: ShelfAction,
  version: number | null,
  apply: (p: ShelfProject, tx: TenantScope) => ShelfStep | void | Promise<ShelfStep | void>,
): Promise<ShelfProject> {
  return ctx.scope.transaction(async (tx) => {
    const project = await tx.lock(ShelfProject, id, 'Shelf project');
    enforce(SHELF_LIFECYCLE, action, ctx.me, { status: project.status, unitIds: [project.unitId] });
    if (version !== null && project.version !== version) throw staleVersion();
    const from = project.status;
    const step = (await apply(project, tx)) ?? {};
    project.status = destination(SHELF_LIFECYCLE, action, from, step.to);
    project.updatedAt = new Date();
    const saved = await tx.manager.save(project);
    const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: project.updatedAt };
    await publish(ctx, tx, EVENT_OF[action](origin, project.id, project.unitId, project.title, from, project.status, { decided: step.decided }));
    return saved;
  });
}
