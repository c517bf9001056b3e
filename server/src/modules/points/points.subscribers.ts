import { LIMITS } from '@alliance/shared';
import type { EventBus } from '../../common/events/event-bus.js';
import { ActivityCompleted } from '../activity/events/activity-completed.event.js';
import { ActivityRecorded } from '../activity/events/activity-recorded.event.js';
import { NeedFollowedUp } from '../need/events/need-followed-up.event.js';
import { NeedResolved } from '../need/events/need-resolved.event.js';
import { pointsService } from './points.service.js';

/**
 * What earns points (docs/domain.md "Points"), written to the ledger in the
 * transaction of the act that earned them: a need resolved (+5 to each
 * delivering unit its plan named), its follow-up with satisfaction 5 (+2
 * more), an activity completed or recorded afterwards (+10 to each unit
 * CONFIRMED). A claim alone earns nothing.
 */
export function subscribePoints(bus: EventBus): void {
  bus.inTransaction(NeedResolved, (ctx, tx, e) =>
    pointsService.award(ctx, tx, { source: 'NEED_RESOLVED', sourceId: e.needId, unitIds: [...e.deliveringUnitIds] }, e.at),
  );
  bus.inTransaction(NeedFollowedUp, async (ctx, tx, e) => {
    if (e.to !== 'CLOSED' || e.satisfaction !== LIMITS.satisfaction.max) return;
    await pointsService.award(ctx, tx, { source: 'FOLLOW_UP_SATISFIED', sourceId: e.needId, unitIds: [...e.deliveringUnitIds] }, e.at);
  });
  const completed = (ctx: Parameters<typeof pointsService.award>[0], tx: Parameters<typeof pointsService.award>[1], e: ActivityCompleted | ActivityRecorded) =>
    pointsService.award(ctx, tx, { source: 'ACTIVITY_COMPLETED', sourceId: e.activityId, unitIds: [...e.confirmedUnitIds] });
  bus.inTransaction(ActivityCompleted, completed);
  bus.inTransaction(ActivityRecorded, completed);
}
