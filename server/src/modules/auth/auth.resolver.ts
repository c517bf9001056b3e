import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { maskPhone } from '@alliance/shared';
import { Role, UserStatus } from '../../graphql/enums.js';
import { ALL_ROLES, Allow, Public } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { Grid } from '../alliance/grid.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { authService } from './auth.service.js';
import { User } from './user.entity.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String)
  token: string;

  @Field(() => User)
  user: User;
}

@Resolver()
export class AuthResolver {
  @Public()
  @Mutation(() => AuthPayload)
  login(
    @Ctx() ctx: RequestContext,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ) {
    return authService.login(ctx, username, password);
  }

  @Allow(...ALL_ROLES)
  @Query(() => User)
  me(@Ctx() ctx: RequestContext) {
    return authService.me(ctx);
  }

  /** Beyond the contract: every matching account at once, for pickers (领任务's assignee, the audit log's "who"); 账号管理 pages through `accounts`. */
  @Allow('COMMITTEE_ADMIN')
  @Query(() => [User])
  users(
    @Ctx() ctx: RequestContext,
    @Arg('role', () => Role, { nullable: true }) role: Role | null,
    @Arg('gridId', () => ID, { nullable: true }) gridId: string | null,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Arg('status', () => UserStatus, { nullable: true }) status: UserStatus | null,
    @Arg('search', () => String, { nullable: true, description: 'Contained in the username or display name.' }) search: string | null,
  ) {
    return authService.users(ctx, { role, gridId, unitId, status, search });
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => MemberUnit, { nullable: true })
  unit(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.unitId ? ctx.loaders.unit.get(user.unitId) : null;
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.gridId ? ctx.loaders.grid.get(user.gridId) : null;
  }

  /** A person's phone: clear for the committee and the person, masked for everyone else. */
  @FieldResolver(() => String, { nullable: true })
  phone(@Root() user: User, @Ctx() ctx: RequestContext) {
    if (!user.phone) return null;
    return ctx.me.role === 'COMMITTEE_ADMIN' || ctx.me.id === user.id ? user.phone : maskPhone(user.phone);
  }
}
