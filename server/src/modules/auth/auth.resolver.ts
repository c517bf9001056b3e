import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
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

  @FieldResolver(() => MemberUnit, { nullable: true })
  unit(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.unitId ? ctx.loaders.unit.load(user.unitId) : null;
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.gridId ? ctx.loaders.grid.load(user.gridId) : null;
  }
}
