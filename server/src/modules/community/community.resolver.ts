import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskPersonName, maskPhone, seesPartyMemberDetails, seesPartyMemberName, seesPartyMemberPhone } from '@alliance/shared';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { DateScalar } from '../../graphql/scalars.js';
import { Alliance } from '../alliance/alliance.entity.js';
import { Grid } from '../alliance/grid.entity.js';
import { User } from '../auth/user.entity.js';
import { Dashboard } from '../dashboard/dashboard.types.js';
import { Building } from './building.entity.js';
import { Commitment, CommitmentNote } from './commitment.entity.js';
import { CommitmentRating, Gender } from './community.enums.js';
import {
  BuildingFilter,
  BuildingInput,
  CommitmentFilter,
  CommitmentInput,
  CommunityProfileInput,
  CreatePartyMemberInput,
  PartyBranchInput,
  PartyGroupInput,
  PartyMemberFilter,
  UpdateBuildingInput,
  UpdateCommitmentInput,
  UpdatePartyBranchInput,
  UpdatePartyGroupInput,
  UpdatePartyMemberInput,
} from './community.inputs.js';
import { communityService, looksAfter } from './community.service.js';
import { CommitmentFigures, CommunityFigures, Coverage, GridOverview, WorkerLoad } from './community.types.js';
import { PartyBranch } from './party-branch.entity.js';
import { PartyGroup } from './party-group.entity.js';
import { PartyMember } from './party-member.entity.js';

export const PartyMemberConnection = ConnectionType('PartyMemberConnection', PartyMember);
export const CommitmentConnection = ConnectionType('CommitmentConnection', Commitment);
export const BuildingConnection = ConnectionType('BuildingConnection', Building);

/** The community's structure: every role reads it (masked by role); the committee edits it. */
@Resolver()
export class CommunityResolver {
  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Alliance, { description: 'The community profile (households, residents, founding year); a patch.' })
  updateCommunityProfile(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CommunityProfileInput) input: CommunityProfileInput,
    @Arg('version', () => Int, { nullable: true, description: 'Alliance.profileVersion as read; stale: CONFLICT.' }) version: number | null,
  ) {
    return communityService.updateProfile(ctx, input, version);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Grid, { description: "The grid's shape in the community picture (SVG polygon points); null clears it." })
  updateGridOutline(
    @Ctx() ctx: RequestContext,
    @Arg('gridId', () => ID) gridId: string,
    @Arg('outline', () => String, { nullable: true }) outline: string | null,
  ) {
    return communityService.updateGridOutline(ctx, gridId, outline);
  }

  @Allow(...ALL_ROLES)
  @Query(() => [PartyBranch])
  partyBranches(@Ctx() ctx: RequestContext) {
    return communityService.branches(ctx);
  }

  @Allow(...ALL_ROLES)
  @Query(() => [PartyGroup])
  partyGroups(@Ctx() ctx: RequestContext, @Arg('branchId', () => ID, { nullable: true }) branchId: string | null) {
    return communityService.groups(ctx, branchId);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyBranch)
  createPartyBranch(@Ctx() ctx: RequestContext, @Arg('input', () => PartyBranchInput) input: PartyBranchInput) {
    return communityService.createBranch(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyBranch)
  updatePartyBranch(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdatePartyBranchInput) input: UpdatePartyBranchInput,
  ) {
    return communityService.updateBranch(ctx, id, version, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyGroup)
  createPartyGroup(@Ctx() ctx: RequestContext, @Arg('input', () => PartyGroupInput) input: PartyGroupInput) {
    return communityService.createGroup(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyGroup)
  updatePartyGroup(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdatePartyGroupInput) input: UpdatePartyGroupInput,
  ) {
    return communityService.updateGroup(ctx, id, version, input);
  }

  @Allow(...ALL_ROLES)
  @Query(() => PartyMemberConnection)
  partyMembers(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PartyMemberFilter, { nullable: true }) filter: PartyMemberFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return communityService.listMembers(ctx, filter, { first, after });
  }

  @Allow(...ALL_ROLES)
  @Query(() => PartyMember, { nullable: true })
  partyMember(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return communityService.findMember(ctx, id);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyMember)
  createPartyMember(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePartyMemberInput) input: CreatePartyMemberInput) {
    return communityService.createMember(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyMember)
  updatePartyMember(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdatePartyMemberInput) input: UpdatePartyMemberInput,
  ) {
    return communityService.updateMember(ctx, id, version, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => PartyMember, { description: '转出: the member leaves the community; kept in history, counted nowhere, its buildings released.' })
  transferPartyMember(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The day it left; today by default.' }) on: string | null,
  ) {
    return communityService.transferMember(ctx, id, version, on);
  }

  @Allow(...ALL_ROLES)
  @Query(() => [Building])
  buildings(@Ctx() ctx: RequestContext, @Arg('gridId', () => ID, { nullable: true }) gridId: string | null) {
    return communityService.buildings(ctx, gridId);
  }

  /** 楼栋's list, beside `buildings` (every building of a grid at once, for the grid picture and pickers). */
  @Allow(...ALL_ROLES)
  @Query(() => BuildingConnection, { description: 'Buildings grid by grid, filtered (缺少红色网格员: uncovered), keyset-paged.' })
  buildingList(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => BuildingFilter, { nullable: true }) filter: BuildingFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return communityService.listBuildings(ctx, filter, { first, after });
  }

  @Allow(...ALL_ROLES)
  @Query(() => Building, { nullable: true })
  building(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.scope.find(Building, id);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Building)
  createBuilding(@Ctx() ctx: RequestContext, @Arg('input', () => BuildingInput) input: BuildingInput) {
    return communityService.createBuilding(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Building)
  updateBuilding(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateBuildingInput) input: UpdateBuildingInput,
  ) {
    return communityService.updateBuilding(ctx, id, version, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Building, { description: "The red grid workers who look after the building (replacing those before): active FULL_TIME or PART_TIME members of its grid." })
  assignBuildingWorkers(
    @Ctx() ctx: RequestContext,
    @Arg('buildingId', () => ID) buildingId: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
  ) {
    return communityService.assignWorkers(ctx, buildingId, memberIds);
  }

  @Allow(...ALL_ROLES)
  @Query(() => Coverage, { description: 'Buildings with fewer than 2 red grid workers, and workers with too many buildings; one grid or all.' })
  coverage(@Ctx() ctx: RequestContext, @Arg('gridId', () => ID, { nullable: true }) gridId: string | null) {
    return communityService.coverage(ctx, gridId);
  }

  @Allow(...ALL_ROLES)
  @Query(() => [GridOverview], { description: "The community's grids for its picture: open and overdue needs, buildings covered." })
  async gridOverview(@Ctx() ctx: RequestContext) {
    return (await communityService.gridOverview(ctx)).map((r) => Object.assign(new GridOverview(), r));
  }

  @Allow(...ALL_ROLES)
  @Query(() => CommitmentConnection, { description: "A year's commitments (1个承诺); drafts only for the committee." })
  commitments(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('filter', () => CommitmentFilter, { nullable: true }) filter: CommitmentFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return communityService.listCommitments(ctx, year, filter, { first, after });
  }

  @Allow(...ALL_ROLES)
  @Query(() => Commitment, { nullable: true })
  commitment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return communityService.findCommitment(ctx, id);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Commitment, { description: 'A DRAFT commitment of an ACTIVE member for a year (one per member and year).' })
  createCommitment(@Ctx() ctx: RequestContext, @Arg('input', () => CommitmentInput) input: CommitmentInput) {
    return communityService.createCommitment(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Commitment, { description: 'DRAFT only.' })
  updateCommitment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateCommitmentInput) input: UpdateCommitmentInput,
  ) {
    return communityService.updateCommitment(ctx, id, version, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Commitment, { description: 'DRAFT -> PUBLISHED (公开承诺).' })
  publishCommitment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return communityService.publishCommitment(ctx, id, version);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Commitment, { description: 'A progress note on a PUBLISHED commitment.' })
  addCommitmentProgress(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('text', () => String) text: string) {
    return communityService.addProgress(ctx, id, text);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Commitment, { description: 'PUBLISHED -> EVALUATED at the democratic evaluation (民主评议).' })
  evaluateCommitment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('rating', () => CommitmentRating) rating: CommitmentRating,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return communityService.evaluateCommitment(ctx, id, version, rating, comment);
  }
}

@Resolver(() => PartyBranch)
export class PartyBranchResolver {
  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() b: PartyBranch, @Ctx() ctx: RequestContext) {
    return b.gridId ? ctx.loaders.grid.get(b.gridId) : null;
  }

  @FieldResolver(() => [PartyGroup])
  groups(@Root() b: PartyBranch, @Ctx() ctx: RequestContext) {
    return ctx.loaders.groupsOfBranch.load(b.id);
  }

  @FieldResolver(() => Int, { description: 'ACTIVE members.' })
  memberCount(@Root() b: PartyBranch, @Ctx() ctx: RequestContext) {
    return ctx.loaders.branchMemberCount.load(b.id);
  }
}

@Resolver(() => PartyGroup)
export class PartyGroupResolver {
  @FieldResolver(() => PartyBranch)
  branch(@Root() g: PartyGroup, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partyBranch.load(g.branchId);
  }

  @FieldResolver(() => Int, { description: 'ACTIVE members.' })
  memberCount(@Root() g: PartyGroup, @Ctx() ctx: RequestContext) {
    return ctx.loaders.groupMemberCount.load(g.id);
  }
}

@Resolver(() => PartyMember)
export class PartyMemberResolver {
  @FieldResolver(() => String, { description: 'Masked (王**) for the viewer.' })
  name(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return seesPartyMemberName(ctx.me) ? m.name : maskPersonName(m.name);
  }

  @FieldResolver(() => Gender, { nullable: true, description: "The committee's; null for everyone else." })
  gender(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return seesPartyMemberDetails(ctx.me) ? m.gender : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Clear for the committee and for a grid worker of the member's grid when the member has a grid duty; masked (139****1234) otherwise.",
  })
  phone(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    if (!m.phone) return null;
    return seesPartyMemberPhone(ctx.me, m) ? m.phone : maskPhone(m.phone);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "Date joined the party: the committee's; null for everyone else." })
  joinedPartyOn(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return seesPartyMemberDetails(ctx.me) ? m.joinedPartyOn : null;
  }

  @FieldResolver(() => PartyBranch)
  branch(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partyBranch.load(m.branchId);
  }

  @FieldResolver(() => PartyGroup, { nullable: true })
  group(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return m.groupId ? ctx.loaders.partyGroup.load(m.groupId) : null;
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'The grid a grid leader or red grid worker serves.' })
  grid(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return m.gridId ? ctx.loaders.grid.get(m.gridId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The GRID_WORKER account linked to the member: the committee's." })
  account(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return m.accountId && seesPartyMemberDetails(ctx.me) ? ctx.loaders.user.load(m.accountId) : null;
  }

  @FieldResolver(() => [Building], { description: 'The buildings the member looks after (none once it left or changed duty).' })
  async buildings(@Root() m: PartyMember, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.memberBuildings.load(m.id)).filter((b) => looksAfter(m, b));
  }
}

@Resolver(() => Building)
export class BuildingResolver {
  @FieldResolver(() => Grid)
  grid(@Root() b: Building, @Ctx() ctx: RequestContext) {
    return ctx.loaders.grid.get(b.gridId);
  }

  @FieldResolver(() => [PartyMember], { description: 'The red grid workers who look after it.' })
  async workers(@Root() b: Building, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.buildingWorkers.load(b.id)).filter((m) => looksAfter(m, b));
  }

  @FieldResolver(() => Boolean, { description: 'At least 2 red grid workers look after it.' })
  async covered(@Root() b: Building, @Ctx() ctx: RequestContext) {
    return (await this.workers(b, ctx)).length >= 2;
  }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => PartyMember)
  member(@Root() c: Commitment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partyMember.load(c.memberId);
  }

  @FieldResolver(() => [CommitmentNote], { description: 'Progress notes during the year, oldest first.' })
  notes(@Root() c: Commitment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.commitmentNotes.load(c.id);
  }
}

@Resolver(() => WorkerLoad)
export class WorkerLoadResolver {
  @FieldResolver(() => PartyMember)
  member(@Root() w: WorkerLoad, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partyMember.load(w.memberId);
  }
}

@Resolver(() => GridOverview)
export class GridOverviewResolver {
  @FieldResolver(() => Grid)
  grid(@Root() g: GridOverview, @Ctx() ctx: RequestContext) {
    return ctx.loaders.grid.get(g.gridId);
  }
}

/** The community on the dashboard: the figures as they stand now, and a year's commitments. */
@Resolver(() => Dashboard)
export class CommunityDashboardResolver {
  @FieldResolver(() => CommunityFigures)
  async community(@Ctx() ctx: RequestContext) {
    return Object.assign(new CommunityFigures(), await communityService.figures(ctx));
  }

  @FieldResolver(() => CommitmentFigures, { description: '1个承诺 of a year (default: the year of `to`).' })
  async commitments(@Root() d: Dashboard, @Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true }) year: number | null) {
    return Object.assign(new CommitmentFigures(), await communityService.commitmentFigures(ctx, year ?? Number(d.to.slice(0, 4))));
  }
}
