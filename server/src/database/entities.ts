import { Alliance } from '../modules/alliance/alliance.entity.js';
import { Grid } from '../modules/alliance/grid.entity.js';
import { ServiceCategory } from '../modules/alliance/service-category.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Agreement } from '../modules/member-unit/agreement.entity.js';
import { MemberUnit } from '../modules/member-unit/member-unit.entity.js';
import { PointsEntry } from '../modules/points/points-entry.entity.js';
import { ShelfProject } from '../modules/shelf/shelf-project.entity.js';
import { Need } from '../modules/need/need.entity.js';
import { NeedEvent } from '../modules/need/need-event.entity.js';
import { Activity } from '../modules/activity/activity.entity.js';
import { Signup } from '../modules/activity/signup.entity.js';
import { Venue } from '../modules/venue/venue.entity.js';
import { VenueReservation } from '../modules/venue/venue-reservation.entity.js';
import { ServiceSlot } from '../modules/service-booking/service-slot.entity.js';
import { Booking } from '../modules/service-booking/booking.entity.js';
import { PublicTracking } from '../modules/residents/public-tracking.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { PartyBranch } from '../modules/community/party-branch.entity.js';
import { PartyGroup } from '../modules/community/party-group.entity.js';
import { PartyMember } from '../modules/community/party-member.entity.js';
import { Building } from '../modules/community/building.entity.js';
import { Commitment, CommitmentNote } from '../modules/community/commitment.entity.js';
import { Notification } from '../modules/notification/notification.entity.js';
import { AllianceWebhook, WebhookDelivery } from '../modules/notification/webhook.entity.js';
import { Incubation, IncubationEvent } from '../modules/incubation/incubation.entity.js';

export const entities = [
  Alliance,
  Grid,
  ServiceCategory,
  User,
  MemberUnit,
  Agreement,
  ShelfProject,
  PointsEntry,
  Need,
  NeedEvent,
  Activity,
  Signup,
  AuditEntry,
  PartyBranch,
  PartyGroup,
  PartyMember,
  Building,
  Commitment,
  CommitmentNote,
  Venue,
  VenueReservation,
  ServiceSlot,
  Booking,
  Notification,
  AllianceWebhook,
  WebhookDelivery,
  PublicTracking,
  Incubation,
  IncubationEvent,
];
