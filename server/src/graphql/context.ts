import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { TenantScope } from '../common/tenant-scope.js';
import type { SessionEndReason } from '@alliance/shared';
import { sessionRefused, unauthenticated } from './errors.js';
import type { AuthUser } from '../modules/auth/tokens.js';
// Types only: the loaders are assembled by the composition root and handed over in AppDeps.
import type { Loaders } from '../composition.js';
import type { AccountRegistry } from '../modules/auth/account-registry.js';
import type { SignInThrottle } from '../modules/auth/sign-in-throttle.js';
import type { ResidentsAbuseGuard } from '../modules/residents/abuse-guard.js';
import type { DashboardCache } from '../modules/dashboard/dashboard.cache.js';
import type { MatchIndexes } from '../modules/matching/matching.service.js';
import type { EventBus } from '../common/events/event-bus.js';
import type { NotificationHub } from '../modules/notification/notification.hub.js';
import type { ChangeFeed } from '../database/change-feed.js';

/** Process-wide things a request may use. */
export interface AppDeps {
  dataSource: DataSource;
  config: Config;
  log: Logger;
  signInThrottle: SignInThrottle;
  /** The residents' page's CAPTCHA and limits. */
  residentsGuard: ResidentsAbuseGuard;
  accounts: AccountRegistry;
  dashboardCache: DashboardCache;
  /** The instance's matching indexes, one per alliance (docs/matching.md). */
  matching: MatchIndexes;
  /** The instance's domain events (src/events.ts). */
  events: EventBus;
  /** Live notifications for the users connected to this instance. */
  notifications: NotificationHub;
  /** The instance's LISTEN/NOTIFY connection: what a committed change announces to every instance goes out here. */
  feed: ChangeFeed;
  /** One fresh set per request (composition.ts). */
  createLoaders: (scope: TenantScope) => Loaders;
}

/**
 * Built once per GraphQL request: the caller (from the bearer token), the
 * tenant scope and the loaders. Services take it as their first argument.
 */
export class RequestContext {
  private _scope?: TenantScope;
  private _loaders?: Loaders;
  private _primary?: { scope: TenantScope; loaders: Loaders };
  private replica?: QueryRunner;
  /**
   * Set once the operation is known (graphql/replica-routing.ts): a query
   * from a client that wrote nothing lately, whose reads may go to a
   * streaming replica. Otherwise, and always without replicas, the primary.
   */
  readFromReplica = false;

  constructor(
    readonly deps: AppDeps,
    private _user: AuthUser | null,
    /** Why the request's token was refused, if it was. */
    readonly authProblem: SessionEndReason | null,
    readonly clientIp: string,
  ) {}

  get user(): AuthUser | null {
    return this._user;
  }

  /** After login, the rest of the same response (AuthPayload.user) is resolved as the new user. */
  signedIn(user: AuthUser): void {
    this._user = user;
    this._scope = undefined;
    this._loaders = undefined;
    this._primary = undefined;
  }

  /** The signed-in caller; resolvers behind Allow() always have one. */
  get me(): AuthUser {
    if (!this.user) throw this.authProblem ? sessionRefused(this.authProblem) : unauthenticated();
    return this.user;
  }

  /**
   * The residents' page: the alliance is the one the page's address names,
   * whoever calls (a token sent along changes nothing: the page's operations
   * act as a resident and never read `me`). Services then act in that
   * alliance's scope.
   */
  actForAlliance(allianceId: string): void {
    this._scope = new TenantScope(this.deps.dataSource.manager, allianceId);
    this._loaders = undefined;
  }

  get scope(): TenantScope {
    return (this._scope ??= new TenantScope(this.readManager(), this.me.allianceId));
  }

  get loaders(): Loaders {
    return (this._loaders ??= this.deps.createLoaders(this.scope));
  }

  /**
   * The primary's scope and loaders, even in a request that reads from a
   * replica: for what outlives the request (the dashboard cache), which must
   * not be older than the change that last invalidated it.
   */
  get primary(): { scope: TenantScope; loaders: Loaders } {
    if (!this.readFromReplica) return { scope: this.scope, loaders: this.loaders };
    if (!this._primary) {
      const scope = new TenantScope(this.deps.dataSource.manager, this.me.allianceId);
      this._primary = { scope, loaders: this.deps.createLoaders(scope) };
    }
    return this._primary;
  }

  /** One replica connection for the whole request, taken at its first read (TypeORM picks a replica at random). */
  private readManager(): EntityManager {
    if (!this.readFromReplica) return this.deps.dataSource.manager;
    this.replica ??= this.deps.dataSource.createQueryRunner('slave');
    return this.replica.manager;
  }

  /** Gives the replica connection back to its pool once the response is written. */
  async release(): Promise<void> {
    const replica = this.replica;
    this.replica = undefined;
    await replica?.release();
  }
}
