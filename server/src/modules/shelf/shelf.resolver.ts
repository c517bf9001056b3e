import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { SETTABLE_INPUT_FIELDS, SHELF_LIFECYCLE } from '@alliance/shared';
import { rolesOf } from '../../common/lifecycle.js';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { SettableFields } from '../../graphql/field-rules.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { ServiceCategory } from '../alliance/service-category.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from './shelf-project.entity.js';
import { ShelfProjectFilter, ShelfProjectInput, UpdateShelfProjectInput } from './shelf.inputs.js';
import { shelfService } from './shelf.service.js';

export const ShelfProjectConnection = ConnectionType('ShelfProjectConnection', ShelfProject);

@ObjectType('ShelfReviewOutcome', { description: 'One project of a batch review: decided (project) or refused (code and message, as the single review would say).' })
class ShelfReviewOutcome {
  @Field(() => ID)
  id: string;

  @Field(() => ShelfProject, { nullable: true })
  project: ShelfProject | null;

  @Field(() => String, { nullable: true, description: 'The error code the single review would have answered (CONFLICT, NOT_FOUND, FORBIDDEN).' })
  code: string | null;

  @Field(() => String, { nullable: true })
  message: string | null;
}

@Resolver(() => ShelfProject)
export class ShelfResolver {
  @Allow(...ALL_ROLES)
  @Query(() => ShelfProjectConnection)
  shelfProjects(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ShelfProjectFilter, { nullable: true }) filter: ShelfProjectFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    return shelfService.list(ctx, filter, { first, after }, info);
  }

  @Allow(...ALL_ROLES)
  @Query(() => ShelfProject, { nullable: true })
  shelfProject(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return shelfService.find(ctx, id);
  }

  @Allow(...rolesOf(SHELF_LIFECYCLE, 'edit'))
  @SettableFields('input', SETTABLE_INPUT_FIELDS.createShelfProject)
  @Mutation(() => ShelfProject)
  createShelfProject(@Ctx() ctx: RequestContext, @Arg('input', () => ShelfProjectInput) input: ShelfProjectInput) {
    return shelfService.create(ctx, input);
  }

  @Allow(...rolesOf(SHELF_LIFECYCLE, 'edit'))
  @SettableFields('input', SETTABLE_INPUT_FIELDS.updateShelfProject)
  @Mutation(() => ShelfProject)
  updateShelfProject(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateShelfProjectInput) input: UpdateShelfProjectInput,
  ) {
    return shelfService.update(ctx, id, version, input);
  }

  @Allow(...rolesOf(SHELF_LIFECYCLE, 'submit'))
  @Mutation(() => ShelfProject)
  submitShelfProject(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return shelfService.submit(ctx, id);
  }

  @Allow(...rolesOf(SHELF_LIFECYCLE, 'approve', 'reject'))
  @Mutation(() => ShelfProject)
  reviewShelfProject(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return shelfService.review(ctx, id, approve, comment);
  }

  @Allow(...rolesOf(SHELF_LIFECYCLE, 'approve', 'reject'))
  @Mutation(() => [ShelfReviewOutcome], {
    description: '批量审核: each project reviewed as by reviewShelfProject, each in its own transaction; the outcomes in the order of ids.',
  })
  reviewShelfProjects(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return shelfService.reviewMany(ctx, ids, approve, comment);
  }

  @Allow(...rolesOf(SHELF_LIFECYCLE, 'takeDown'))
  @Mutation(() => ShelfProject)
  takeDownShelfProject(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return shelfService.takeDown(ctx, id, reason);
  }

  @FieldResolver(() => ServiceCategory)
  category(@Root() project: ShelfProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.category.get(project.categoryId);
  }

  @FieldResolver(() => MemberUnit)
  unit(@Root() project: ShelfProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.unit.get(project.unitId);
  }

  @FieldResolver(() => Int)
  orderCount(@Root() project: ShelfProject, @Ctx() ctx: RequestContext) {
    return ctx.loaders.orderCount.get(project.id);
  }
}
