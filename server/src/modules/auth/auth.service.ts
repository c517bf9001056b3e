import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Role } from '@alliance/shared';
import { requireId } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { AppError, unauthenticated } from '../../graphql/errors.js';
import { DEMO_PASSWORD, verifyPassword } from './passwords.js';
import { issueToken, type AuthUser } from './tokens.js';
import { User } from './user.entity.js';

const WRONG = 'Wrong username or password';

export class AuthService {
  /**
   * A wrong password and an unknown user get the same answer after the same
   * work. Failed attempts per username and address are limited.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<{ token: string; user: User }> {
    const { dataSource, config, loginLimiter } = ctx.deps;
    const name = (username ?? '').trim().toLowerCase().slice(0, 50);
    const key = `${name}|${ctx.clientIp}`;
    const seen = await loginLimiter.get(key);
    if (seen && seen.consumedPoints >= loginLimiter.points) {
      throw new AppError('RATE_LIMITED', `Too many failed sign-ins; try again in ${Math.ceil(seen.msBeforeNext / 1000)} s`);
    }
    const row = await dataSource
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = :name', { name })
      .getOne();
    const matches = await verifyPassword(row?.passwordHash ?? null, password ?? '');
    // Demo accounts exist only for evaluation: their password never opens a production server.
    const refused = config.production && password === DEMO_PASSWORD;
    if (!row || !matches || refused) {
      await loginLimiter.consume(key).catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      });
      throw unauthenticated(WRONG);
    }
    await loginLimiter.delete(key);
    const user: AuthUser = { id: row.id, allianceId: row.allianceId, role: row.role, unitId: row.unitId, gridId: row.gridId };
    ctx.signedIn(user);
    return { token: await issueToken(user, config.jwtSecret, config.jwtTtl), user: row };
  }

  /** The alliance's accounts, for the committee to pick an assignee from. */
  users(ctx: RequestContext, filter: { role?: Role | null; gridId?: string | null; unitId?: string | null }): Promise<User[]> {
    const qb = ctx.scope.qb(User, 'u');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.gridId) qb.andWhere('u.grid_id = :gridId', { gridId: requireId(filter.gridId, 'gridId') });
    if (filter.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: requireId(filter.unitId, 'unitId') });
    return qb.orderBy('u.role').addOrderBy('u.display_name').addOrderBy('u.id').getMany();
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await ctx.loaders.user.load(ctx.me.id);
    if (!user) throw unauthenticated('This account no longer exists');
    return user;
  }
}

export const authService = new AuthService();
