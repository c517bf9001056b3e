import { changedFields, checkText, checkUsername, LIMITS, maskPhone, type Role } from '@alliance/shared';
import type { EventOrigin } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflict, ensure } from '../../graphql/errors.js';
import { paginate, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import { Grid } from '../alliance/grid.entity.js';
import { checkNewPassword, hashPassword, temporaryPassword, verifyPassword } from '../auth/passwords.js';
import { usersMatching } from '../auth/auth.service.js';
import { User } from '../auth/user.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import type { AccountFilter, CreateUserInput, UpdateUserInput } from './account.inputs.js';
import { PasswordChanged } from './events/password-changed.event.js';
import { UserCreated } from './events/user-created.event.js';
import { UserDisabled } from './events/user-disabled.event.js';
import { UserEnabled } from './events/user-enabled.event.js';
import { UserPasswordReset } from './events/user-password-reset.event.js';
import { UserUpdated } from './events/user-updated.event.js';

/** What the audit log keeps of an account: no password material, the phone masked. */
function auditView(u: Pick<User, 'username' | 'displayName' | 'role' | 'unitId' | 'gridId' | 'phone' | 'status'>) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    gridId: u.gridId,
    phone: u.phone ? maskPhone(u.phone) : null,
    status: u.status,
  };
}

/** An account change's event: by the caller, in the transaction's alliance, now. */
const originOf = (ctx: RequestContext, tx: TenantScope): EventOrigin => ({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() });

/** As `users` lists them: by role, then name (the id breaks ties, so the order is total). */
const BY_ROLE_AND_NAME: KeysetOrder<User> = {
  direction: 'ASC',
  keys: [
    { sql: 'u.role', value: (u) => u.role, type: 'string' },
    { sql: 'u.display_name', value: (u) => u.displayName, type: 'string' },
    { sql: 'u.id', value: (u) => u.id, type: 'uuid' },
  ],
};

const duplicateUsername = (err: unknown): never => {
  if (isUniqueViolation(err)) throw badInput('username', 'DUPLICATE', 'username: already taken');
  throw err;
};

/**
 * The committee runs its alliance's accounts (docs/adoption.md: Accounts).
 * Every change is one transaction publishing its event, which the audit
 * log records in that transaction; the database raises the account's token
 * version (ending its sessions) whenever role, unit, grid, status or password
 * change, and tells every instance.
 */
export class AccountService {
  /** 账号管理: the alliance's accounts a page at a time. */
  list(ctx: RequestContext, filter: AccountFilter | null | undefined, page: PageArgs) {
    return paginate(usersMatching(ctx, filter ?? {}, 'filter.'), page, BY_ROLE_AND_NAME);
  }

  async create(ctx: RequestContext, input: CreateUserInput): Promise<{ user: User; temporaryPassword: string }> {
    const username = (input.username ?? '').trim().toLowerCase();
    ensure({ username: checkUsername(username) });
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    return ctx.scope
      .transaction(async (tx) => {
        const binding = await this.binding(tx, input.role, input.unitId ?? null, input.gridId ?? null);
        const user = tx.create(User, {
          username,
          displayName: input.displayName,
          role: input.role,
          ...binding,
          phone: input.phone || null,
          passwordHash,
          status: 'ACTIVE',
          mustChangePassword: true,
        });
        const saved = await tx.manager.save(user);
        await publish(ctx, tx, new UserCreated(originOf(ctx, tx), saved.id, auditView(saved)));
        return { user: await tx.get(User, saved.id, 'User'), temporaryPassword: password };
      })
      .catch(duplicateUsername);
  }

  async update(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<User> {
    if ('displayName' in input) ensure({ displayName: checkText(input.displayName ?? null, { max: LIMITS.personName, required: true }) });
    return this.change(ctx, id, async (tx) => {
      const user = await tx.lock(User, id, 'User');
      const before = auditView(user);
      const role = input.role ?? user.role;
      if (role !== user.role) await this.keepACommitteeAdmin(tx, user, 'role');
      // A new role drops the binding the old one had unless the input gives one.
      const unitId = 'unitId' in input ? (input.unitId ?? null) : role === user.role ? user.unitId : null;
      const gridId = 'gridId' in input ? (input.gridId ?? null) : role === user.role ? user.gridId : null;
      Object.assign(user, await this.binding(tx, role, unitId, gridId), { role });
      if (input.displayName) user.displayName = input.displayName;
      if ('phone' in input) user.phone = input.phone || null;
      user.updatedAt = new Date();
      await tx.manager.save(user);
      const change = changedFields(before, auditView(user));
      await publish(ctx, tx, new UserUpdated(originOf(ctx, tx), user.id, change.before, change.after));
      return tx.get(User, user.id, 'User');
    });
  }

  async disable(ctx: RequestContext, id: string, reason: string): Promise<User> {
    ensure({ reason: checkText(reason?.trim(), { max: LIMITS.reason, required: true }) });
    return this.change(ctx, id, async (tx) => {
      const user = await tx.lock(User, id, 'User');
      if (user.status === 'DISABLED') throw conflict('The account is already disabled');
      if (user.id === ctx.me.id) throw conflict('You cannot disable your own account');
      await this.keepACommitteeAdmin(tx, user, 'id');
      await tx.manager.update(User, { id: user.id }, { status: 'DISABLED', disabledReason: reason.trim(), disabledAt: new Date(), updatedAt: new Date() });
      await publish(ctx, tx, new UserDisabled(originOf(ctx, tx), user.id, reason.trim()));
      return tx.get(User, user.id, 'User');
    });
  }

  async enable(ctx: RequestContext, id: string): Promise<User> {
    return this.change(ctx, id, async (tx) => {
      const user = await tx.lock(User, id, 'User');
      if (user.status === 'ACTIVE') throw conflict('The account is already active');
      await tx.manager.update(User, { id: user.id }, { status: 'ACTIVE', disabledReason: null, disabledAt: null, updatedAt: new Date() });
      await publish(ctx, tx, new UserEnabled(originOf(ctx, tx), user.id));
      return tx.get(User, user.id, 'User');
    });
  }

  /** A new temporary password, returned once; the account must change it at its next sign-in. */
  async resetPassword(ctx: RequestContext, id: string): Promise<string> {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    await this.change(ctx, id, async (tx) => {
      const user = await tx.lock(User, id, 'User');
      await tx.manager.update(User, { id: user.id }, { passwordHash, mustChangePassword: true, updatedAt: new Date() });
      await publish(ctx, tx, new UserPasswordReset(originOf(ctx, tx), user.id, user.username));
    });
    return password;
  }

  /**
   * Everyone changes their own password. The current one is checked through
   * the sign-in throttle (a session is not a licence to guess it), and the
   * change ends every session of the account, this one included: the admin
   * signs in again with the new password.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const { signInThrottle, config } = ctx.deps;
    const row = await ctx.scope.qb(User, 'u').addSelect('u.passwordHash').andWhere('u.id = :id', { id: ctx.me.id }).getOneOrFail();
    const ticket = await signInThrottle.admit(row.username, ctx.clientIp);
    if (!(await verifyPassword(row.passwordHash, currentPassword ?? ''))) {
      await signInThrottle.failed(ticket);
      throw badInput('currentPassword', 'WRONG_PASSWORD', 'currentPassword: wrong password');
    }
    await signInThrottle.succeeded(ticket);
    ensure({ newPassword: checkNewPassword(newPassword ?? '', row.username, row.role, config.production) });
    if (newPassword === currentPassword) throw badInput('newPassword', 'SAME_AS_CURRENT');
    const passwordHash = await hashPassword(newPassword);
    await this.change(ctx, row.id, async (tx) => {
      await tx.manager.update(User, { id: row.id }, { passwordHash, mustChangePassword: false, updatedAt: new Date() });
      await publish(ctx, tx, new PasswordChanged(originOf(ctx, tx), row.id, row.username));
    });
    return true;
  }

  /**
   * A change to an account, in one transaction. Every instance hears of it
   * through PostgreSQL (the app_user trigger); this one also forgets the
   * account as soon as the change commits, so the writer's own next request
   * never sees the old account, whatever the notification's delay.
   */
  private async change<R>(ctx: RequestContext, id: string, work: (tx: TenantScope) => Promise<R>): Promise<R> {
    try {
      return await ctx.scope.transaction(work);
    } finally {
      ctx.deps.accounts.forget(id.toLowerCase());
    }
  }

  /** A UNIT_ADMIN belongs to one unit and a GRID_WORKER to one grid of this alliance; no other role to either. */
  private async binding(tx: TenantScope, role: Role, unitId: string | null, gridId: string | null) {
    if (role === 'UNIT_ADMIN') {
      if (!unitId) throw badInput('unitId', 'REQUIRED', 'unitId: a unit liaison needs a unit');
      await tx.get(MemberUnit, unitId, 'Member unit', 'unitId');
    } else if (unitId) throw badInput('unitId', 'NOT_ALLOWED_FOR_ROLE', `unitId: only a UNIT_ADMIN has a unit`);
    if (role === 'GRID_WORKER') {
      if (!gridId) throw badInput('gridId', 'REQUIRED', 'gridId: a grid worker needs a grid');
      await tx.get(Grid, gridId, 'Grid', 'gridId');
    } else if (gridId) throw badInput('gridId', 'NOT_ALLOWED_FOR_ROLE', `gridId: only a GRID_WORKER has a grid`);
    return { unitId: unitId ? requireId(unitId, 'unitId') : null, gridId: gridId ? requireId(gridId, 'gridId') : null };
  }

  /** An alliance always keeps one active committee admin: nobody can lock the committee out. */
  private async keepACommitteeAdmin(tx: TenantScope, user: User, field: string): Promise<void> {
    if (user.role !== 'COMMITTEE_ADMIN' || user.status !== 'ACTIVE') return;
    // Locked, so that two committee admins cannot disable each other at the same moment.
    const others = await tx
      .qb(User, 'u')
      .select('u.id')
      .andWhere(`u.role = 'COMMITTEE_ADMIN' AND u.status = 'ACTIVE' AND u.id <> :id`, { id: user.id })
      .setLock('pessimistic_write')
      .getMany();
    if (others.length === 0) throw conflict(`The alliance must keep one active committee admin (${field})`);
  }
}

export const accountService = new AccountService();
