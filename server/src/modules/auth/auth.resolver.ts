import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../graphql/enums.js';
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

@Resolver(() => User)
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

  /** Beyond the contract: the accounts an assignment can go to (the need loop's 领任务). */
  @Allow('COMMITTEE_ADMIN')
  @Query(() => [User])
  users(
    @Ctx() ctx: RequestContext,
    @Arg('role', () => Role, { nullable: true }) role: Role | null,
    @Arg('gridId', () => ID, { nullable: true }) gridId: string | null,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
  ) {
    return authService.users(ctx, { role, gridId, unitId });
  }

  @FieldResolver(() => MemberUnit, { nullable: true })
  unit(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.unitId ? ctx.loaders.unit.load(user.unitId) : null;
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.gridId ? ctx.loaders.grid.load(user.gridId) : null;
  }
}
