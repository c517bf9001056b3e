import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { TenantScope } from '../common/tenant-scope.js';
import type { SessionEndReason } from '@alliance/shared';
import { sessionRefused, unauthenticated } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';
import { readToken, type AuthUser } from '../modules/auth/tokens.js';
import type { AccountRegistry } from '../modules/auth/account-registry.js';
import type { SignInThrottle } from '../modules/auth/sign-in-throttle.js';
import type { DashboardCache } from '../modules/dashboard/dashboard.cache.js';
import type { EventBus } from '../common/events/event-bus.js';

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
    return (this._loaders ??= createLoaders(this.scope));
  }
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
