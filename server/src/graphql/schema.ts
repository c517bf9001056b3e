import 'reflect-metadata';
import './enums.js';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ActivityResolver, SignupResolver } from '../modules/activity/activity.resolver.js';
import { AllianceResolver } from '../modules/alliance/alliance.resolver.js';
import { AuthResolver, UserResolver } from '../modules/auth/auth.resolver.js';
import { AccountResolver } from '../modules/account/account.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { CategoryCountResolver, DashboardResolver, UnitRankResolver } from '../modules/dashboard/dashboard.resolver.js';
import { MatchingResolver } from '../modules/matching/matching.resolver.js';
import { MemberUnitResolver } from '../modules/member-unit/member-unit.resolver.js';
import { PointsResolver } from '../modules/points/points.resolver.js';
import { NeedEventResolver, NeedResolver } from '../modules/need/need.resolver.js';
import { ShelfResolver } from '../modules/shelf/shelf.resolver.js';
import { assertEveryOperationDeclared, authChecker } from './auth.js';
import { DateTimeScalar } from './scalars.js';
import { validateArgument } from './validation.js';
import { BookingResolver, ServiceSlotResolver } from '../modules/service-booking/service-booking.resolver.js';
import { VenueReservationResolver, VenueResolver } from '../modules/venue/venue.resolver.js';

export const resolvers = [AuthResolver, UserResolver, AccountResolver, AuditResolver, AllianceResolver, MemberUnitResolver, ShelfResolver, ActivityResolver, SignupResolver, NeedResolver, NeedEventResolver, PointsResolver, DashboardResolver, CategoryCountResolver, UnitRankResolver, MatchingResolver, VenueResolver, VenueReservationResolver, ServiceSlotResolver, BookingResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The code-first schema; refuses to build while any operation has no declared roles. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return (built ??= (async () => {
    const schema = await buildSchema({
      resolvers,
      authChecker,
      validateFn: validateArgument,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      orphanedTypes: [],
      emitSchemaFile: false,
    });
    assertEveryOperationDeclared();
    return schema;
  })());
}
