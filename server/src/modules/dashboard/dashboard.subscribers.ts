import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventClass } from '../../common/events/domain-event.js';
import type { EventBus } from '../../common/events/event-bus.js';
import type { ChangeFeed } from '../../database/change-feed.js';
import { ActivityCancelled } from '../activity/events/activity-cancelled.event.js';
import { ActivityCompleted } from '../activity/events/activity-completed.event.js';
import { ActivityCreated } from '../activity/events/activity-created.event.js';
import { ActivityEdited } from '../activity/events/activity-edited.event.js';
import { ActivityPublished } from '../activity/events/activity-published.event.js';
import { ActivityStarted } from '../activity/events/activity-started.event.js';
import { SignupTransitioned } from '../activity/events/signup-transitioned.js';
import { UnitSignedUp } from '../activity/events/unit-signed-up.event.js';
import { ActivityRecorded } from '../activity/events/activity-recorded.event.js';
import { AgreementSigned } from '../member-unit/events/agreement-signed.event.js';
import { UnitCreated } from '../member-unit/events/unit-created.event.js';
import { UnitUpdated } from '../member-unit/events/unit-updated.event.js';
import { NeedReplanned } from '../need/events/need-replanned.event.js';
import { NeedReported } from '../need/events/need-reported.event.js';
import { NeedTransitioned } from '../need/events/need-transitioned.js';
import { PointsAwarded } from '../points/events/points-awarded.event.js';
import { ShelfProjectCreated } from '../shelf/events/shelf-project-created.event.js';
import { ShelfProjectTransitioned } from '../shelf/events/shelf-project-transitioned.js';
import { PasswordChanged } from '../account/events/password-changed.event.js';
import { UserCreated } from '../account/events/user-created.event.js';
import { UserDisabled } from '../account/events/user-disabled.event.js';
import { UserEnabled } from '../account/events/user-enabled.event.js';
import { UserPasswordReset } from '../account/events/user-password-reset.event.js';
import { UserUpdated } from '../account/events/user-updated.event.js';
import { AllianceSettingsUpdated } from '../alliance/events/alliance-settings-updated.event.js';
import { CommitmentTransitioned } from '../community/events/commitment-transitioned.js';
import { CommunityProfileUpdated } from '../community/events/community-profile-updated.event.js';
import { PartyMemberTransferred } from '../community/events/party-member-transferred.event.js';
import type { DashboardCache } from './dashboard.cache.js';
import { DAY_TABLES, LOCK_DASHBOARD_DAYS, LOCK_DASHBOARD_DAYS_EXPR, localDay, localDayOf, rebuildDaysAndMonths, recomputeDays } from './dashboard.days.js';
import { NeedFollowedUp } from '../need/events/need-followed-up.event.js';
import { BookingCancelled } from '../service-booking/events/booking-cancelled.event.js';
import { BookingCompleted } from '../service-booking/events/booking-completed.event.js';
import { ServiceSlotBooked } from '../service-booking/events/service-slot-booked.event.js';
import { ServiceSlotsCreated } from '../service-booking/events/service-slots-created.event.js';
import { VenueReserved } from '../venue/events/venue-reserved.event.js';
import { VenueReservationTransitioned } from '../venue/events/venue-reservation-transitioned.js';
import { VenueSet } from '../venue/events/venue-set.event.js';
import { IncubationApplied } from '../incubation/events/incubation-applied.event.js';
import { IncubationTransitioned } from '../incubation/events/incubation-transitioned.js';
import { AttachmentAdded } from '../attachment/events/attachment-added.event.js';
import { AttachmentDeleted } from '../attachment/events/attachment-deleted.event.js';
import { AllianceWebhookSet } from '../notification/events/alliance-webhook-set.event.js';

/** The channel on which an instance tells the others that an alliance's figures moved: `<alliance id>:<instance id>`, space-separated. */
export const DASHBOARD_CHANGED = 'dashboard_changed';

interface Moves<E extends DomainEvent> {
  type: EventClass<E>;
  /** When only some events of the class move a figure. */
  when?: (e: E) => boolean;
}
const moves = <E extends DomainEvent>(type: EventClass<E>, when?: (e: E) => boolean): Moves<DomainEvent> =>
  ({ type, when }) as Moves<DomainEvent>;

/**
 * The events that move a figure of dashboard(from, to) (docs/domain.md
 * "Dashboard figures"); the others (a claim, a reassignment, an activity
 * published or started, a sign-up, an account change, a sign-in) leave the
 * cached figures as they are.
 */
export const FIGURES_MOVED_BY: readonly Moves<DomainEvent>[] = [
  // unitCount, and the unit names topUnits and overdueNeedsByUnit carry
  moves(UnitCreated),
  moves(UnitUpdated),
  // signedAgreementCount
  moves(AgreementSigned),
  // shelfProjectsOnShelf / ByCategory: ON_SHELF now
  moves(ShelfProjectTransitioned, (e) => e.from === 'ON_SHELF' || e.to === 'ON_SHELF'),
  // needsReported, needsResolved, needsByStatus, needsByGrid, averageSatisfaction, satisfactionByMonth (a follow-up is a
  // transition); needsOverdue and overdueNeedsByUnit move with the status, the due date and the plan's delivering units.
  // A step that keeps the status (a claim, a reassignment, a resident's report verified: ResidentNeedVerified) moves none.
  moves(NeedReported),
  moves(NeedTransitioned, (e) => e.from !== e.to || e instanceof NeedReplanned),
  // activitiesCompleted, volunteerHours, beneficiaries, activitiesByMonth
  moves(ActivityCompleted),
  moves(ActivityRecorded),
  // topUnits
  moves(PointsAwarded),
  // incubator: organisationsIncubated, and the stay its servicesGiven are counted in (needs and activities move above)
  moves(IncubationTransitioned),
  // bookingsDone, offHoursBookingsDone (a NO_SHOW moves neither)
  moves(BookingCompleted, (e) => e.to === 'DONE'),
];

/**
 * The events that move no figure, said so: a test holds every event class to
 * one of the two lists, so a new event is a decision about the dashboard.
 */
export const MOVES_NO_FIGURE: readonly EventClass<DomainEvent>[] = [
  ShelfProjectCreated,
  ActivityCreated,
  ActivityEdited,
  ActivityPublished,
  ActivityStarted,
  ActivityCancelled,
  UnitSignedUp,
  SignupTransitioned,
  // Settings and accounts: no figure.
  AllianceSettingsUpdated,
  AllianceWebhookSet,
  UserCreated,
  UserUpdated,
  UserDisabled,
  UserEnabled,
  UserPasswordReset,
  PasswordChanged,
  // Dashboard.community and Dashboard.commitments do show these, but they are
  // counted afresh on every request, never kept in the DashboardCache
  // (community.service.ts figures / commitmentFigures): there is nothing to
  // drop. Should they ever be cached, these move to FIGURES_MOVED_BY.
  CommunityProfileUpdated,
  PartyMemberTransferred,
  CommitmentTransitioned,
  // Only DONE bookings are counted: a booking made, or called off before it was served, moves nothing.
  ServiceSlotsCreated,
  ServiceSlotBooked,
  // An application is not yet incubated.
  IncubationApplied,
  BookingCancelled,
  // The rooms are not on the dashboard.
  VenueReserved,
  VenueReservationTransitioned,
  VenueSet,
  // Files are counted nowhere.
  AttachmentAdded,
  AttachmentDeleted,
];

/**
 * The dashboard cache follows the data: an event that moves a figure drops
 * the alliance's cached figures on this instance once the change commits,
 * and tells every other instance on the change feed then (ChangeFeed.announce:
 * after commit, never after a rollback; what commits meanwhile goes out as one
 * NOTIFY). Not a NOTIFY inside the writer's transaction: that takes
 * PostgreSQL's one global notify lock at commit and makes every such writer
 * commit after the other (docs/benchmarks.md, M1).
 */
export function subscribeDashboard(bus: EventBus, cache: DashboardCache, feed: ChangeFeed, instanceId: string): void {
  for (const { type, when } of FIGURES_MOVED_BY) {
    bus.onCommitted(type, (e) => {
      if (when && !when(e)) return;
      cache.invalidate(e.allianceId);
      feed.announce(DASHBOARD_CHANGED, `${e.allianceId}:${instanceId}`);
    });
  }
}

/** Drops what other instances changed; after a gap in the feed, everything (what changed meanwhile was not heard). */
export function listenDashboard(feed: ChangeFeed, cache: DashboardCache, instanceId: string): void {
  feed.on(DASHBOARD_CHANGED, (payload) => {
    // `<alliance>:<instance>` each, joined by spaces when several committed together.
    for (const change of payload.split(' ')) {
      const [allianceId, from] = change.split(':');
      if (allianceId && from !== instanceId) cache.invalidate(allianceId);
    }
  });
  feed.onReset(() => cache.clear());
}

/**
 * The dashboard's per-day aggregates (dashboard.days.ts) follow the records
 * inside the transaction of each change: the events of FIGURES_MOVED_BY that
 * move an "in range" figure recompute the day they fall on. (The others move
 * only figures counted on the records: units, agreements, the shelf,
 * overdue needs, the incubator.) Each first statement takes the alliance's
 * lock and, where the day is a record's, reads it.
 */
export function subscribeDashboardDays(bus: EventBus): void {
  const { NEED_DAY, NEED_GRID_DAY, FOLLOW_UP_DAY, ACTIVITY_DAY, BOOKING_DAY, UNIT_DAY } = DAY_TABLES;
  /** Locks the alliance's figures and returns the local day of `column` of row `id` of `table`. */
  const lockAndRead = async (manager: EntityManager, allianceId: string, table: string, column: string, id: string): Promise<string> => {
    const [row] = await manager.query(`SELECT ${LOCK_DASHBOARD_DAYS_EXPR} IS NULL AS locked, (SELECT ${localDay(column)}::text FROM ${table} WHERE id = $2 AND alliance_id = $1::uuid) AS day`, [
      allianceId,
      id,
    ]);
    return row.day as string;
  };

  bus.inTransaction(NeedReported, async (_ctx, tx, e) => {
    const day = await lockAndRead(tx.manager, e.allianceId, 'need', 'reported_at', e.needId);
    await recomputeDays(tx.manager, e.allianceId, day, [NEED_DAY, NEED_GRID_DAY]);
  });
  bus.inTransaction(NeedTransitioned, async (_ctx, tx, e) => {
    if (e.from === e.to && !(e instanceof NeedFollowedUp)) return;
    const day = await lockAndRead(tx.manager, e.allianceId, 'need', 'reported_at', e.needId);
    await recomputeDays(tx.manager, e.allianceId, day, [NEED_DAY, NEED_GRID_DAY]);
    // A follow-up replaces any earlier one of the need, whose day the event does not know: every day and month again (index-only scans of the alliance's follow-ups).
    if (e instanceof NeedFollowedUp) await rebuildDaysAndMonths(tx.manager, e.allianceId, FOLLOW_UP_DAY);
  });
  const activityEnded = async (tx: { manager: EntityManager }, allianceId: string, activityId: string) => {
    const day = await lockAndRead(tx.manager, allianceId, 'activity', 'ends_at', activityId);
    await recomputeDays(tx.manager, allianceId, day, [ACTIVITY_DAY, UNIT_DAY]);
  };
  bus.inTransaction(ActivityCompleted, (_ctx, tx, e) => activityEnded(tx, e.allianceId, e.activityId));
  bus.inTransaction(ActivityRecorded, (_ctx, tx, e) => activityEnded(tx, e.allianceId, e.activityId));
  bus.inTransaction(PointsAwarded, async (_ctx, tx, e) => {
    await tx.manager.query(LOCK_DASHBOARD_DAYS, [e.allianceId]);
    await recomputeDays(tx.manager, e.allianceId, localDayOf(e.at), [UNIT_DAY]);
  });
  bus.inTransaction(BookingCompleted, async (_ctx, tx, e) => {
    if (e.to !== 'DONE') return;
    const day = await lockAndRead(tx.manager, e.allianceId, 'service_slot', 'starts_at', e.slotId);
    await recomputeDays(tx.manager, e.allianceId, day, [BOOKING_DAY]);
  });
}
