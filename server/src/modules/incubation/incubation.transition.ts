import { INCUBATION_LIFECYCLE, type IncubationAction, type IncubationStage } from '@alliance/shared';
import type { EventOrigin, TransitionDetails } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { destination, enforce } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { staleVersion } from '../../graphql/errors.js';
import { IncubationGraduated } from './events/incubation-graduated.event.js';
import { IncubationLeft } from './events/incubation-left.event.js';
import { IncubationStarted } from './events/incubation-started.event.js';
import type { IncubationTransitioned } from './events/incubation-transitioned.js';
import { Incubation, IncubationEvent } from './incubation.entity.js';

type Args = [origin: EventOrigin, incubationId: string, unitId: string, mentorUnitId: string | null, from: IncubationStage, to: IncubationStage, details: TransitionDetails];

/** The event of each action of INCUBATION_LIFECYCLE. */
const EVENT_OF: { [A in IncubationAction]: (...args: Args) => IncubationTransitioned } = {
  start: (...a) => new IncubationStarted(...a),
  graduate: (...a) => new IncubationGraduated(...a),
  leave: (...a) => new IncubationLeft(...a),
};

/** What a step did besides the stage: the audit's details, and the comment its history keeps. */
export interface IncubationStep extends TransitionDetails {
  comment?: string | null;
}

/**
 * The incubation's one transition function, in one transaction: lock, check
 * INCUBATION_LIFECYCLE's row (FORBIDDEN / CONFLICT), the `version` when given
 * (stale: CONFLICT), run the step, set the stage from the row, save, write
 * the history, publish the action's event (docs/architecture.md "Lifecycles
 * and domain events").
 */
export function transitionIncubation(
  ctx: RequestContext,
  id: string,
  action: IncubationAction,
  version: number | null,
  apply: (i: Incubation, tx: TenantScope) => IncubationStep | void | Promise<IncubationStep | void>,
): Promise<Incubation> {
  return ctx.scope.transaction(async (tx) => {
    const incubation = await tx.lock(Incubation, id, 'Incubation');
    enforce(INCUBATION_LIFECYCLE, action, ctx.me, { status: incubation.stage, unitIds: [incubation.unitId] });
    if (version != null && incubation.version !== version) throw staleVersion();
    const from = incubation.stage;
    const { comment = null, ...details } = (await apply(incubation, tx)) ?? {};
    incubation.stage = destination(INCUBATION_LIFECYCLE, action, from);
    incubation.updatedAt = new Date();
    const saved = await tx.manager.save(incubation);
    await tx.manager.save(
      tx.create(IncubationEvent, { incubationId: incubation.id, actorId: ctx.me.id, action, fromStage: from, toStage: incubation.stage, comment }),
    );
    const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: incubation.updatedAt };
    const decided = comment ? { ...details.decided, comment } : details.decided;
    await publish(ctx, tx, EVENT_OF[action](origin, incubation.id, incubation.unitId, incubation.mentorUnitId, from, incubation.stage, { ...details, decided }));
    return saved;
  });
}
