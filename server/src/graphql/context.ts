import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { TenantScope } from '../common/tenant-scope.js';
import { unauthenticated } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';
import { readToken, type AuthUser } from '../modules/auth/tokens.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DashboardCache } from '../modules/dashboard/dashboard.cache.js';

/** Process-wide things a request may use. */
export interface AppDeps {
  dataSource: DataSource;
  config: Config;
  log: Logger;
  loginLimiter: RateLimiterAbstract;
  dashboardCache: DashboardCache;
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
    readonly authProblem: string | null,
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
    if (!this.user) throw unauthenticated(this.authProblem ?? undefined);
    return this.user;
  }

  get scope(): TenantScope {
    return (this._scope ??= new TenantScope(this.deps.dataSource.manager, this.me.allianceId));
  }

  get loaders(): Loaders {
    return (this._loaders ??= createLoaders(this.scope));
  }
}

export async function createContext(deps: AppDeps, authorization: string | undefined, clientIp: string): Promise<RequestContext> {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match) return new RequestContext(deps, null, null, clientIp);
  const result = await readToken(match[1]!.trim(), deps.config.jwtSecret);
  return 'user' in result
    ? new RequestContext(deps, result.user, null, clientIp)
    : new RequestContext(deps, null, result.problem, clientIp);
}
