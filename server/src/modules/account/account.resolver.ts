import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { User } from '../auth/user.entity.js';
import { AccountFilter, CreateUserInput, UpdateUserInput } from './account.inputs.js';
import { accountService } from './account.service.js';

@ObjectType('CreatedUser')
export class CreatedUser {
  @Field(() => User)
  user: User;

  @Field(() => String, { description: 'Shown once: the account must change it at its first sign-in.' })
  temporaryPassword: string;
}

export const UserConnection = ConnectionType('UserConnection', User);

/** 账号管理: the committee runs its alliance's accounts; everyone changes their own password. */
@Resolver()
export class AccountResolver {
  /** Beside `users` (every match at once, for pickers): the same accounts, filtered and a page at a time, for the list. */
  @Allow('COMMITTEE_ADMIN')
  @Query(() => UserConnection, { description: '账号管理: the accounts by role, then name; keyset-paged.' })
  accounts(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return accountService.list(ctx, filter, { first, after });
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => CreatedUser)
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return accountService.create(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => User)
  updateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput) {
    return accountService.update(ctx, id, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => User)
  disableUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return accountService.disable(ctx, id, reason);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => User)
  enableUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return accountService.enable(ctx, id);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => String, { description: 'A new temporary password, shown once.' })
  resetUserPassword(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return accountService.resetPassword(ctx, id);
  }

  @Allow(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Ends every session of the account, this one included: sign in again with the new password.' })
  changePassword(
    @Ctx() ctx: RequestContext,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ) {
    return accountService.changePassword(ctx, currentPassword, newPassword);
  }
}
