import type { DataSource } from 'typeorm';
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
import type { DashboardCache } from '../modules/dashboard/dashboard.cache.js';
import type { EventBus } from '../common/events/event-bus.js';
import type { NotificationHub } from '../modules/notification/notification.hub.js';

/** Process-wide things a request may use. */
export interface AppDeps {
  dataSource: DataSource;
  config: Config;
  log: Logger;
  signInThrottle: SignInThrottle;
  accounts: AccountRegistry;
  dashboardCache: DashboardCache;
  /** The instance's domain events (src/events.ts). */
  events: EventBus;
  /** Live notifications for the users connected to this instance. */
  notifications: NotificationHub;
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
  }

  /** The signed-in caller; resolvers behind Allow() always have one. */
  get me(): AuthUser {
    if (!this.user) throw this.authProblem ? sessionRefused(this.authProblem) : unauthenticated();
    return this.user;
  }

  get scope(): TenantScope {
    return (this._scope ??= new TenantScope(this.deps.dataSource.manager, this.me.allianceId));
  }

  get loaders(): Loaders {
    return (this._loaders ??= this.deps.createLoaders(this.scope));
  }
}
