import { changedFields, maskResidentText, type AuditAction, type AuditSubject, type PointsSource } from '@alliance/shared';
import type { EventBus } from '../../common/events/event-bus.js';
import type { DomainEvent, EventClass, TransitionEvent } from '../../common/events/domain-event.js';
import { ActivityCancelled } from '../activity/events/activity-cancelled.event.js';
import { ActivityCompleted } from '../activity/events/activity-completed.event.js';
import { ActivityPublished } from '../activity/events/activity-published.event.js';
import { ActivityRecorded } from '../activity/events/activity-recorded.event.js';
import { ActivityStarted } from '../activity/events/activity-started.event.js';
import type { ActivityTransitioned } from '../activity/events/activity-transitioned.js';
import { NeedAccepted } from '../need/events/need-accepted.event.js';
import { NeedAssigned } from '../need/events/need-assigned.event.js';
import { NeedFollowedUp } from '../need/events/need-followed-up.event.js';
import { NeedOrderWithdrawn } from '../need/events/need-order-withdrawn.event.js';
import { NeedOrdered } from '../need/events/need-ordered.event.js';
import { NeedPlanned } from '../need/events/need-planned.event.js';
import { NeedReassigned } from '../need/events/need-reassigned.event.js';
import { NeedRejected } from '../need/events/need-rejected.event.js';
import { NeedReopened } from '../need/events/need-reopened.event.js';
import { NeedReplanned } from '../need/events/need-replanned.event.js';
import type { NeedTransitioned } from '../need/events/need-transitioned.js';
import { ResidentNeedVerified } from '../need/events/resident-need-verified.event.js';
import { PointsAwarded } from '../points/events/points-awarded.event.js';
import { ShelfProjectApproved } from '../shelf/events/shelf-project-approved.event.js';
import { ShelfProjectRejected } from '../shelf/events/shelf-project-rejected.event.js';
import { ShelfProjectTakenDown } from '../shelf/events/shelf-project-taken-down.event.js';
import type { ShelfProjectTransitioned } from '../shelf/events/shelf-project-transitioned.js';
import { PasswordChanged } from '../account/events/password-changed.event.js';
import { UserCreated } from '../account/events/user-created.event.js';
import { UserDisabled } from '../account/events/user-disabled.event.js';
import { UserEnabled } from '../account/events/user-enabled.event.js';
import { UserPasswordReset } from '../account/events/user-password-reset.event.js';
import { UserUpdated } from '../account/events/user-updated.event.js';
import { AllianceSettingsUpdated } from '../alliance/events/alliance-settings-updated.event.js';
import { CommitmentEvaluated } from '../community/events/commitment-evaluated.event.js';
import { CommunityProfileUpdated } from '../community/events/community-profile-updated.event.js';
import { PartyMemberTransferred } from '../community/events/party-member-transferred.event.js';
import { IncubationApplied } from '../incubation/events/incubation-applied.event.js';
import { IncubationGraduated } from '../incubation/events/incubation-graduated.event.js';
import { IncubationLeft } from '../incubation/events/incubation-left.event.js';
import { IncubationStarted } from '../incubation/events/incubation-started.event.js';
import type { IncubationTransitioned } from '../incubation/events/incubation-transitioned.js';
import { BookingCancelled } from '../service-booking/events/booking-cancelled.event.js';
import { BookingCompleted } from '../service-booking/events/booking-completed.event.js';
import type { BookingTransitioned } from '../service-booking/events/booking-transitioned.js';
import { ServiceSlotBooked } from '../service-booking/events/service-slot-booked.event.js';
import { ServiceSlotsCreated } from '../service-booking/events/service-slots-created.event.js';
import { VenueReservationCancelled } from '../venue/events/venue-reservation-cancelled.event.js';
import { VenueReservationConfirmed } from '../venue/events/venue-reservation-confirmed.event.js';
import { VenueReservationDeclined } from '../venue/events/venue-reservation-declined.event.js';
import type { VenueReservationTransitioned } from '../venue/events/venue-reservation-transitioned.js';
import { VenueReserved } from '../venue/events/venue-reserved.event.js';
import { VenueSet } from '../venue/events/venue-set.event.js';
import { AttachmentAdded } from '../attachment/events/attachment-added.event.js';
import { AttachmentDeleted } from '../attachment/events/attachment-deleted.event.js';
import { AllianceWebhookSet } from '../notification/events/alliance-webhook-set.event.js';
import { AgreementSigned } from '../member-unit/events/agreement-signed.event.js';
import { UnitCreated } from '../member-unit/events/unit-created.event.js';
import { UnitUpdated } from '../member-unit/events/unit-updated.event.js';
import { auditService } from './audit.service.js';

/** A summary with every occurrence of `phone` in its texts masked (139****1234). */
function withoutPhone(summary: Record<string, unknown>, phone: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(summary), (_key, value: unknown) =>
    typeof value === 'string' ? maskResidentText(value, { name: '', phone }) : value,
  ) as Record<string, unknown>;
}

/** A decision's summary: the record's title, before and after (status first), and the decision's own fields. */
function decision(title: string, e: TransitionEvent<string, string>): Record<string, unknown> {
  const d = e.details;
  return { title, before: { status: e.from, ...d.before }, after: { status: e.to, ...d.after }, ...d.decided };
}

/**
 * The committee's decisions (docs/adoption.md "Audit log"), written in the
 * transaction of the change they record: the steps of a need (a claim and a
 * resolution are not decisions), the review of shelf projects, the moves of
 * activities, 补录, every points award, the alliance's settings (its webhook too, never the secret) and
 * community profile, a party member's transfer, a commitment's democratic
 * evaluation, the committee's changes to accounts and everyone's own
 * password change, and every act on 错时约办 bookings and the centre's
 * rooms. (Sign-ins are written by auth.service.ts itself: they
 * happen before there is a caller or a tenant scope, and a refused one must
 * be kept, while a refused act publishes nothing.)
 */
const NEED_DECISIONS: [EventClass<NeedTransitioned>, AuditAction][] = [
  [NeedAccepted, 'NEED_ACCEPT'],
  [NeedRejected, 'NEED_REJECT'],
  [NeedOrdered, 'NEED_ORDER'],
  [NeedPlanned, 'NEED_PLAN'],
  [NeedAssigned, 'NEED_ASSIGN'],
  [NeedFollowedUp, 'NEED_FOLLOW_UP'],
  [NeedReplanned, 'NEED_REPLAN'],
  [NeedReassigned, 'NEED_REASSIGN'],
  [NeedOrderWithdrawn, 'NEED_WITHDRAW_ORDER'],
  [NeedReopened, 'NEED_REOPEN'],
  // The grid worker's call-back that lets the committee screen a resident's own report.
  [ResidentNeedVerified, 'NEED_VERIFY'],
];
const SHELF_DECISIONS: [EventClass<ShelfProjectTransitioned>, AuditAction][] = [
  [ShelfProjectApproved, 'SHELF_APPROVE'],
  [ShelfProjectRejected, 'SHELF_REJECT'],
  [ShelfProjectTakenDown, 'SHELF_TAKE_DOWN'],
];
const ACTIVITY_DECISIONS: [EventClass<ActivityTransitioned>, AuditAction][] = [
  [ActivityPublished, 'ACTIVITY_PUBLISH'],
  [ActivityStarted, 'ACTIVITY_START'],
  [ActivityCompleted, 'ACTIVITY_COMPLETE'],
  [ActivityCancelled, 'ACTIVITY_CANCEL'],
];

const INCUBATION_DECISIONS: [EventClass<IncubationTransitioned>, AuditAction][] = [
  [IncubationStarted, 'INCUBATION_START'],
  [IncubationGraduated, 'INCUBATION_GRADUATE'],
  [IncubationLeft, 'INCUBATION_LEAVE'],
];
const BOOKING_ACTS: [EventClass<BookingTransitioned>, AuditAction][] = [
  [BookingCompleted, 'BOOKING_COMPLETE'],
  [BookingCancelled, 'BOOKING_CANCEL'],
];
const VENUE_ACTS: [EventClass<VenueReservationTransitioned>, AuditAction][] = [
  [VenueReservationConfirmed, 'VENUE_CONFIRM'],
  [VenueReservationDeclined, 'VENUE_DECLINE'],
  [VenueReservationCancelled, 'VENUE_CANCEL'],
];

const POINTS_SUBJECT: Record<PointsSource, AuditSubject> = {
  ACTIVITY_COMPLETED: 'ACTIVITY',
  NEED_RESOLVED: 'NEED',
  FOLLOW_UP_SATISFIED: 'NEED',
};

/** Each event class of one lifecycle's `acts`, recorded as its action on the `subjectType` record the event names (`entry`). */
function recordEach<E extends DomainEvent>(
  bus: EventBus,
  acts: readonly [EventClass<E>, AuditAction][],
  subjectType: AuditSubject,
  entry: (e: E) => { subjectId: string; summary: Record<string, unknown> },
): void {
  for (const [type, action] of acts) bus.inTransaction(type, (ctx, tx, e) => auditService.record(ctx, tx, { action, subjectType, ...entry(e) }));
}

export function subscribeAudit(bus: EventBus): void {
  recordEach(bus, NEED_DECISIONS, 'NEED', (e) => ({
    subjectId: e.needId,
    // Kept for years: the resident's phone masked wherever a text repeats it (docs/adoption.md, Audit log).
    summary: withoutPhone(decision(e.facts.title, e), e.facts.requesterPhone),
  }));
  recordEach(bus, SHELF_DECISIONS, 'SHELF_PROJECT', (e) => ({ subjectId: e.projectId, summary: decision(e.title, e) }));
  recordEach(bus, ACTIVITY_DECISIONS, 'ACTIVITY', (e) => ({ subjectId: e.activityId, summary: decision(e.title, e) }));
  // 阳光驿站: the application and the committee's steps.
  bus.inTransaction(IncubationApplied, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'INCUBATION_APPLY', subjectType: 'INCUBATION', subjectId: e.incubationId, summary: { title: e.unitName, after: { stage: 'APPLIED' }, appliedOn: e.appliedOn } }),
  );
  recordEach(bus, INCUBATION_DECISIONS, 'INCUBATION', (e) => ({
    subjectId: e.incubationId,
    summary: { before: { stage: e.from, ...e.details.before }, after: { stage: e.to, ...e.details.after }, ...e.details.decided },
  }));
  bus.inTransaction(ActivityRecorded, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'ACTIVITY_RECORD',
      subjectType: 'ACTIVITY',
      subjectId: e.activityId,
      summary: { title: e.title, after: { status: 'COMPLETED' }, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), ...e.decided },
    }),
  );
  bus.inTransaction(PointsAwarded, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'POINTS_AWARD',
      subjectType: POINTS_SUBJECT[e.source],
      subjectId: e.sourceId,
      summary: { source: e.source, pointsEach: e.pointsEach, total: e.pointsEach * e.units.length, units: e.units },
    }),
  );

  bus.inTransaction(AllianceSettingsUpdated, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'ALLIANCE_SETTINGS',
      subjectType: 'ALLIANCE',
      subjectId: e.allianceId,
      summary: { name: e.name, before: e.before, after: e.after },
    }),
  );
  // The webhook's address (its credentials masked), events and switch; of the secret only whether it was replaced.
  bus.inTransaction(AllianceWebhookSet, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'ALLIANCE_WEBHOOK',
      subjectType: 'ALLIANCE',
      subjectId: e.allianceId,
      summary: { before: e.before, after: e.after, secretReplaced: e.secretReplaced },
    }),
  );
  bus.inTransaction(CommunityProfileUpdated, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'COMMUNITY_PROFILE', subjectType: 'ALLIANCE', subjectId: e.allianceId, summary: { before: e.before, after: e.after } }),
  );
  bus.inTransaction(PartyMemberTransferred, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'PARTY_MEMBER_TRANSFER', subjectType: 'PARTY_MEMBER', subjectId: e.memberId, summary: { name: e.name, on: e.on } }),
  );
  bus.inTransaction(CommitmentEvaluated, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'COMMITMENT_EVALUATE', subjectType: 'COMMITMENT', subjectId: e.commitmentId, summary: { year: e.year, ...e.details.decided } }),
  );
  // The centre's rooms: added (all they are), or changed (only what changed).
  bus.inTransaction(VenueSet, async (ctx, tx, e) => {
    const summary = e.before ? changedFields(e.before, e.after) : { after: e.after };
    if (e.before && !Object.keys(summary.after).length) return;
    await auditService.record(ctx, tx, { action: e.before ? 'VENUE_UPDATE' : 'VENUE_CREATE', subjectType: 'VENUE', subjectId: e.venueId, summary: { title: e.after.name, ...summary } });
  });
  // Member units: the committee's decisions on the alliance's members (joining, suspension, withdrawal, agreements) and
  // every edit of a unit's profile, its own admin's included.
  bus.inTransaction(UnitCreated, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'UNIT_CREATE', subjectType: 'MEMBER_UNIT', subjectId: e.unitId, summary: { after: e.unit } }),
  );
  bus.inTransaction(UnitUpdated, async (ctx, tx, e) => {
    // A save that changed nothing is not an act worth a line of the log.
    if (!Object.keys(e.after).length) return;
    // One entry per save; a save that moved the status is filed as the status decision, with whatever else it changed.
    const action = 'status' in e.after ? 'UNIT_STATUS' : 'UNIT_UPDATE';
    await auditService.record(ctx, tx, { action, subjectType: 'MEMBER_UNIT', subjectId: e.unitId, summary: { before: e.before, after: e.after } });
  });
  // Filed under the unit, so that its history shows its agreements.
  bus.inTransaction(AgreementSigned, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'AGREEMENT_SIGN', subjectType: 'MEMBER_UNIT', subjectId: e.unitId, summary: { signedAt: e.signedAt, validUntil: e.validUntil } }),
  );
  bus.inTransaction(UserCreated, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'USER_CREATE', subjectType: 'USER', subjectId: e.userId, summary: { after: e.account } }),
  );
  bus.inTransaction(UserUpdated, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'USER_UPDATE', subjectType: 'USER', subjectId: e.userId, summary: { before: e.before, after: e.after } }),
  );
  bus.inTransaction(UserDisabled, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'USER_DISABLE',
      subjectType: 'USER',
      subjectId: e.userId,
      summary: { before: { status: 'ACTIVE' }, after: { status: 'DISABLED' }, reason: e.reason },
    }),
  );
  bus.inTransaction(UserEnabled, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'USER_ENABLE',
      subjectType: 'USER',
      subjectId: e.userId,
      summary: { before: { status: 'DISABLED' }, after: { status: 'ACTIVE' } },
    }),
  );
  bus.inTransaction(UserPasswordReset, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'USER_RESET_PASSWORD', subjectType: 'USER', subjectId: e.userId, summary: { username: e.username } }),
  );
  bus.inTransaction(PasswordChanged, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'PASSWORD_CHANGE', subjectType: 'USER', subjectId: e.userId, summary: { username: e.username } }),
  );

  // 错时约办 and the rooms: ids and statuses only; the resident's name and phone stay in their own records.
  bus.inTransaction(ServiceSlotsCreated, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'SLOTS_PUBLISH', subjectType: 'SHELF_PROJECT', subjectId: e.projectId, summary: { unitId: e.unitId, slots: e.slotIds.length } }),
  );
  bus.inTransaction(ServiceSlotBooked, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'BOOKING_CREATE',
      subjectType: 'BOOKING',
      subjectId: e.bookingId,
      summary: { slotId: e.slotId, unitId: e.unitId, offHours: e.offHours, after: { status: 'BOOKED' } },
    }),
  );
  recordEach(bus, BOOKING_ACTS, 'BOOKING', (e) => ({
    subjectId: e.bookingId,
    summary: { slotId: e.slotId, unitId: e.unitId, before: { status: e.from }, after: { status: e.to } },
  }));
  bus.inTransaction(VenueReserved, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'VENUE_RESERVE',
      subjectType: 'VENUE_RESERVATION',
      subjectId: e.reservationId,
      summary: { venueId: e.venueId, unitId: e.unitId, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), after: { status: e.status } },
    }),
  );
  recordEach(bus, VENUE_ACTS, 'VENUE_RESERVATION', (e) => ({
    subjectId: e.reservationId,
    summary: { venueId: e.venueId, unitId: e.unitId, before: { status: e.from }, after: { status: e.to } },
  }));

  // Files: on the trail of the thing they belong to. No file name: it may carry a resident's name.
  bus.inTransaction(AttachmentAdded, (ctx, tx, e) =>
    auditService.record(ctx, tx, {
      action: 'ATTACHMENT_ADD',
      subjectType: e.ownerType,
      subjectId: e.ownerId,
      summary: { attachmentId: e.attachmentId, stage: e.stage, mediaType: e.mediaType, size: e.size },
    }),
  );
  bus.inTransaction(AttachmentDeleted, (ctx, tx, e) =>
    auditService.record(ctx, tx, { action: 'ATTACHMENT_DELETE', subjectType: e.ownerType, subjectId: e.ownerId, summary: { attachmentId: e.attachmentId, stage: e.stage } }),
  );
}
