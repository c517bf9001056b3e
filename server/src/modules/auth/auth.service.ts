import type { Role, UserStatus } from '@alliance/shared';
import { requireId } from '../../common/tenant-scope.js';
import { containsPattern } from '../../common/text-search.js';
import type { RequestContext } from '../../graphql/context.js';
import { sessionRefused, unauthenticated } from '../../graphql/errors.js';
import { auditService } from '../audit/audit.service.js';
import { DEMO_PASSWORD, verifyPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { User } from './user.entity.js';

const WRONG = 'Wrong username or password';

/** What the account lists filter on (`users`' arguments, `accounts`' AccountFilter). */
export interface AccountMatch {
  role?: Role | null;
  gridId?: string | null;
  unitId?: string | null;
  status?: UserStatus | null;
  /** Contained in the username or the display name. */
  search?: string | null;
}

/**
 * The alliance's accounts matching the filter, unordered: the one filter of
 * `users` and of the paged `accounts`. `prefix` names the fields of bad input
 * as the caller sent them (`gridId` of `users`, `filter.gridId` of `accounts`).
 */
export function usersMatching(ctx: RequestContext, filter: AccountMatch, prefix = '') {
  const qb = ctx.scope.qb(User, 'u');
  if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
  if (filter.gridId) qb.andWhere('u.grid_id = :gridId', { gridId: requireId(filter.gridId, `${prefix}gridId`) });
  if (filter.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: requireId(filter.unitId, `${prefix}unitId`) });
  if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
  const pattern = containsPattern(filter.search, `${prefix}search`);
  if (pattern) qb.andWhere(`(u.username ILIKE :pattern ESCAPE '\\' OR u.display_name ILIKE :pattern ESCAPE '\\')`, { pattern });
  return qb;
}

export class AuthService {
  /**
   * A wrong password, an unknown user and a disabled account get the same
   * answer after the same work. Attempts are admitted by the sign-in throttle
   * before any password is checked; failures and successes of known accounts
   * go to the audit log.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<{ token: string; user: User }> {
    const { dataSource, config, signInThrottle } = ctx.deps;
    const name = (username ?? '').trim().toLowerCase().slice(0, 50);
    const ticket = await signInThrottle.admit(name, ctx.clientIp);
    const mark = ctx.deps.accounts.mark();
    const row = await dataSource
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = :name', { name })
      .getOne();
    const matches = await verifyPassword(row?.passwordHash ?? null, password ?? '');
    // Demo accounts exist only for evaluation: their password never opens a production server.
    const refused = config.production && password === DEMO_PASSWORD;
    if (!row || !matches || refused || row.status !== 'ACTIVE') {
      await signInThrottle.failed(ticket);
      if (row) {
        const why = !matches || refused ? 'WRONG_PASSWORD' : 'DISABLED';
        await auditService.write(
          dataSource.manager,
          { allianceId: row.allianceId, userId: row.id, clientAddress: ctx.clientIp },
          { action: 'SIGN_IN_FAILED', subjectType: 'USER', subjectId: row.id, summary: { username: row.username, why } },
        );
      }
      throw unauthenticated(WRONG);
    }
    await signInThrottle.succeeded(ticket);
    const user = await dataSource.transaction(async (m) => {
      const [[signedIn]] = (await m.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1 RETURNING last_sign_in_at`, [row.id])) as [
        { last_sign_in_at: Date }[],
        number,
      ];
      await auditService.write(
        m,
        { allianceId: row.allianceId, userId: row.id, clientAddress: ctx.clientIp },
        { action: 'SIGN_IN', subjectType: 'USER', subjectId: row.id, summary: { username: row.username } },
      );
      return Object.assign(row, { lastSignInAt: signedIn!.last_sign_in_at });
    });
    // The session's first request need not read the account again.
    ctx.deps.accounts.remember(
      {
        id: user.id,
        allianceId: user.allianceId,
        role: user.role,
        unitId: user.unitId,
        gridId: user.gridId,
        status: user.status,
        tokenVersion: user.tokenVersion,
        mustChangePassword: user.mustChangePassword,
      },
      mark,
    );
    ctx.signedIn({
      id: user.id,
      allianceId: user.allianceId,
      role: user.role,
      unitId: user.unitId,
      gridId: user.gridId,
      mustChangePassword: user.mustChangePassword,
    });
    const token = await issueToken({ userId: user.id, allianceId: user.allianceId, tokenVersion: user.tokenVersion }, config.jwtSecret, config.jwtTtl);
    return { token, user };
  }

  /** The alliance's accounts, for the committee to pick an assignee from (and the audit log's "who"). */
  users(ctx: RequestContext, filter: AccountMatch): Promise<User[]> {
    return usersMatching(ctx, filter).orderBy('u.role').addOrderBy('u.display_name').addOrderBy('u.id').getMany();
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await ctx.loaders.user.load(ctx.me.id);
    if (!user) throw sessionRefused('SESSION_ENDED');
    return user;
  }
}

export const authService = new AuthService();
