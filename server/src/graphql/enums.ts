import { registerEnumType } from 'type-graphql';
import {
  ActivityKind,
  AgreementStatus,
  ActivityStatus,
  NeedStatus,
  Role,
  ShelfStatus,
  SignupStatus,
  UnitKind,
  UnitStatus,
  UserStatus,
  AuditAction,
  AuditSubject,
  PointsSource,
  VenueKind,
  VenueReservationStatus,
  BookingStatus,
  IncubationStage,
  NeedSource,
  NotificationKind,
} from '@alliance/shared';

// The enums come from @alliance/shared, so the web and the server cannot drift.
registerEnumType(Role, { name: 'Role' });
registerEnumType(UnitKind, { name: 'UnitKind' });
registerEnumType(UnitStatus, { name: 'UnitStatus' });
registerEnumType(ShelfStatus, { name: 'ShelfStatus' });
registerEnumType(NeedStatus, { name: 'NeedStatus' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(SignupStatus, { name: 'SignupStatus' });
registerEnumType(UserStatus, { name: 'UserStatus' });
registerEnumType(AuditAction, { name: 'AuditAction' });
registerEnumType(AuditSubject, { name: 'AuditSubject' });
registerEnumType(AgreementStatus, { name: 'AgreementStatus' });
registerEnumType(PointsSource, { name: 'PointsSource', description: 'What a points ledger row was earned by.' });
registerEnumType(BookingStatus, { name: 'BookingStatus' });
registerEnumType(NeedSource, { name: 'NeedSource' });
registerEnumType(VenueKind, { name: 'VenueKind' });
registerEnumType(VenueReservationStatus, { name: 'VenueReservationStatus' });
registerEnumType(IncubationStage, { name: 'IncubationStage', description: '阳光驿站: APPLIED -> INCUBATING -> GRADUATED (出壳) | LEFT.' });

registerEnumType(NotificationKind, { name: 'NotificationKind' });

export { IncubationStage, BookingStatus, ActivityKind, ActivityStatus, AgreementStatus, AuditAction, AuditSubject, NeedStatus, PointsSource, Role, ShelfStatus, SignupStatus, UnitKind, UnitStatus, UserStatus, VenueKind, VenueReservationStatus, NeedSource, NotificationKind };
