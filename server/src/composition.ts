/*
 * The composition root: the one place that knows every domain module and puts
 * them together (the schema's resolvers, the per-request loaders, the request
 * context). The GraphQL core (server/src/graphql) knows none of them; app.ts
 * builds the HTTP server from what is assembled here. A dependency rule
 * (.dependency-cruiser.cjs, `pnpm run lint:layers`) keeps it so.
 */
import 'reflect-metadata';
import './graphql/enums.js';
import { buildSchema } from 'type-graphql';
import { leavePlainFieldsToGraphql } from './graphql/plain-fields.js';
import type { ReferenceData } from './modules/alliance/reference-data.js';
import type { GraphQLSchema } from 'graphql';
import { ActivityResolver, SignupResolver } from './modules/activity/activity.resolver.js';
import { AllianceResolver } from './modules/alliance/alliance.resolver.js';
import { AuthResolver, UserResolver } from './modules/auth/auth.resolver.js';
import { AccountResolver } from './modules/account/account.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { CategoryCountResolver, DashboardResolver, GridNeedCountResolver, UnitOverdueCountResolver, UnitRankResolver } from './modules/dashboard/dashboard.resolver.js';
import { MatchingResolver } from './modules/matching/matching.resolver.js';
import {
  BuildingResolver,
  CommitmentResolver,
  CommunityDashboardResolver,
  CommunityResolver,
  GridOverviewResolver,
  PartyBranchResolver,
  PartyGroupResolver,
  PartyMemberResolver,
  WorkerLoadResolver,
} from './modules/community/community.resolver.js';
import { MemberUnitResolver } from './modules/member-unit/member-unit.resolver.js';
import { BookingResolver, ServiceSlotResolver } from './modules/service-booking/service-booking.resolver.js';
import { VenueReservationResolver, VenueResolver } from './modules/venue/venue.resolver.js';
import { IncubationEventResolver, IncubationResolver, IncubatorDashboardResolver } from './modules/incubation/incubation.resolver.js';
import { PointsResolver } from './modules/points/points.resolver.js';
import { NeedEventResolver, NeedResolver } from './modules/need/need.resolver.js';
import { ShelfResolver } from './modules/shelf/shelf.resolver.js';
import { ResidentsResolver } from './modules/residents/residents.resolver.js';
import { NotificationResolver, WebhookResolver } from './modules/notification/notification.resolver.js';
import { notificationPubSub } from './modules/notification/notification.hub.js';
import { assertEveryOperationDeclared, authChecker } from './graphql/auth.js';
import { DateTimeScalar } from './graphql/scalars.js';
import { validateArgument } from './graphql/validation.js';
import type { TenantScope } from './common/tenant-scope.js';
import { createAttachmentLoaders } from './modules/attachment/attachment.loaders.js';
import {
  ActivityAttachmentsResolver,
  AgreementAttachmentsResolver,
  AttachmentResolver,
  NeedAttachmentsResolver,
} from './modules/attachment/attachment.resolver.js';
import { createActivityLoaders } from './modules/activity/activity.loaders.js';
import { createAllianceLoaders } from './modules/alliance/alliance.loaders.js';
import { createAuthLoaders } from './modules/auth/auth.loaders.js';
import { createCommunityLoaders } from './modules/community/community.loaders.js';
import { createMemberUnitLoaders } from './modules/member-unit/member-unit.loaders.js';
import { createNeedLoaders } from './modules/need/need.loaders.js';
import { createPointsLoaders } from './modules/points/points.loaders.js';
import { createServiceBookingLoaders } from './modules/service-booking/service-booking.loaders.js';
import { createVenueLoaders } from './modules/venue/venue.loaders.js';
import { createIncubationLoaders } from './modules/incubation/incubation.loaders.js';
import { createShelfLoaders } from './modules/shelf/shelf.loaders.js';
// What the fast path knows of each type (docs/architecture.md, "Fast path"), declared when imported.
import './modules/activity/activity.fast.js';
import './modules/alliance/alliance.fast.js';
import './modules/auth/auth.fast.js';
import './modules/member-unit/member-unit.fast.js';
import './modules/need/need.fast.js';
import './modules/shelf/shelf.fast.js';
import type { SessionEndReason } from '@alliance/shared';
import { RequestContext, type AppDeps } from './graphql/context.js';
import { readToken, type AuthUser } from './modules/auth/tokens.js';

// The community itself (issue 11): its own block, so that other modules' lines stay apart.
const COMMUNITY_RESOLVERS = [
  CommunityResolver,
  PartyBranchResolver,
  PartyGroupResolver,
  PartyMemberResolver,
  BuildingResolver,
  CommitmentResolver,
  WorkerLoadResolver,
  GridOverviewResolver,
  CommunityDashboardResolver,
] as const;

// 阳光驿站 (issue 12): its own block.
const INCUBATOR_RESOLVERS = [IncubationResolver, IncubationEventResolver, IncubatorDashboardResolver] as const;

// Photos and scans (issue 13): attachments on needs, activities and agreements.
const ATTACHMENT_RESOLVERS = [NeedAttachmentsResolver, ActivityAttachmentsResolver, AgreementAttachmentsResolver, AttachmentResolver] as const;

export const resolvers = [AuthResolver, UserResolver, AccountResolver, AuditResolver, AllianceResolver, MemberUnitResolver, ShelfResolver, ActivityResolver, SignupResolver, NeedResolver, NeedEventResolver, PointsResolver, DashboardResolver, CategoryCountResolver, UnitRankResolver, GridNeedCountResolver, UnitOverdueCountResolver, MatchingResolver, VenueResolver, VenueReservationResolver, ServiceSlotResolver, BookingResolver, ResidentsResolver, ...COMMUNITY_RESOLVERS, ...INCUBATOR_RESOLVERS, NotificationResolver, WebhookResolver, ...ATTACHMENT_RESOLVERS] as const;

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
      pubSub: notificationPubSub,
    });
    assertEveryOperationDeclared();
    leavePlainFieldsToGraphql(schema);
    return schema;
  })());
}

/** Each module's loaders, built together (a group's loaders may share state). */
const LOADER_GROUPS = [
  (scope: TenantScope, reference?: ReferenceData) => createAllianceLoaders(scope, reference),
  createAuthLoaders,
  createMemberUnitLoaders,
  createShelfLoaders,
  createPointsLoaders,
  createActivityLoaders,
  createNeedLoaders,
  createCommunityLoaders,
  createVenueLoaders,
  createServiceBookingLoaders,
  createIncubationLoaders,
  createAttachmentLoaders,
] as const;

/** Every loader at once: what a set holds (its type), and where each name comes from (a later group's wins, as in a spread). */
function allLoaders(scope: TenantScope, reference?: ReferenceData) {
  return Object.assign({}, ...LOADER_GROUPS.map((group) => group(scope, reference))) as UnionToIntersection<ReturnType<(typeof LOADER_GROUPS)[number]>>;
}
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type Loaders = ReturnType<typeof allLoaders>;

interface LazySet {
  scope: TenantScope;
  reference?: ReferenceData;
  groups: Record<string, unknown>[];
}

/** The getters of a set, one per loader name, learned from the first set built. */
let lazyPrototype: object | undefined;

/**
 * One fresh set per request: a loader's cache must never outlive its caller.
 * A module's loaders are built when the request first asks for one of them:
 * a request reads a handful of the 90-odd, and building them all took ~2 %
 * of the server's CPU on the fast-path reads (test/bench/analysis.md).
 */
export function createLoaders(scope: TenantScope, reference?: ReferenceData): Loaders {
  if (!lazyPrototype) {
    const descriptors: PropertyDescriptorMap = {};
    LOADER_GROUPS.forEach((group, i) => {
      for (const name of Object.keys(group(scope, reference))) {
        descriptors[name] = {
          get(this: LazySet) {
            return (this.groups[i] ??= LOADER_GROUPS[i]!(this.scope, this.reference))[name];
          },
          enumerable: true,
          configurable: true,
        };
      }
    });
    lazyPrototype = Object.create(null, descriptors) as object;
  }
  const set: LazySet = Object.create(lazyPrototype) as LazySet;
  set.scope = scope;
  set.reference = reference;
  set.groups = [];
  return set as unknown as Loaders;
}

/**
 * The caller is the account as it is now: a token whose account was
 * disabled, deleted, re-passworded or changed role, unit or grid since it was
 * issued (its token version is behind) is refused, whatever it still claims.
 */
export async function createContext(deps: AppDeps, authorization: string | undefined, clientIp: string): Promise<RequestContext> {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match) return new RequestContext(deps, null, null, clientIp);
  const result = await readToken(match[1]!.trim(), deps.config.jwtSecret);
  if (!('claims' in result)) return new RequestContext(deps, null, result.problem, clientIp);
  const { claims } = result;
  const account = await deps.accounts.get(claims.userId);
  if (!account || account.allianceId !== claims.allianceId || account.status !== 'ACTIVE' || account.tokenVersion !== claims.tokenVersion) {
    return new RequestContext(deps, null, 'SESSION_ENDED', clientIp);
  }
  const user: AuthUser = {
    id: account.id,
    allianceId: account.allianceId,
    role: account.role,
    unitId: account.unitId,
    gridId: account.gridId,
    mustChangePassword: account.mustChangePassword,
  };
  return new RequestContext(deps, user, null, clientIp);
}
