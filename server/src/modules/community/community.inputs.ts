import { Field, ID, InputType, Int } from 'type-graphql';
import { COMMUNITY_LIMITS, LIMITS } from '@alliance/shared';
import { DateScalar } from '../../graphql/scalars.js';
import { CalendarDay, IntRange, NotNull, Phone, Text, TextPatch } from '../../graphql/validation.js';
import {
  CommitmentCategory,
  CommitmentRating,
  CommitmentStatus,
  Gender,
  GridDuty,
  PartyBranchKind,
  PartyGroupKind,
  PartyMemberStatus,
} from './community.enums.js';

/** A patch of the community profile: an absent field is left as it is, null clears it. */
@InputType('CommunityProfileInput')
export class CommunityProfileInput {
  @Field(() => Int, { nullable: true })
  @IntRange(COMMUNITY_LIMITS.households)
  households?: number | null;

  @Field(() => Int, { nullable: true })
  @IntRange(COMMUNITY_LIMITS.residents)
  residents?: number | null;

  @Field(() => Int, { nullable: true })
  @IntRange(COMMUNITY_LIMITS.foundedYear)
  foundedYear?: number | null;
}

@InputType('PartyBranchInput')
export class PartyBranchInput {
  @Field(() => String)
  @Text({ max: LIMITS.name, required: true })
  name: string;

  @Field(() => PartyBranchKind)
  kind: PartyBranchKind;

  /** Required for a GRID branch, refused for any other. */
  @Field(() => ID, { nullable: true })
  gridId?: string | null;
}

/** A patch: absent fields are left as they are. */
@InputType('UpdatePartyBranchInput')
export class UpdatePartyBranchInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.name, required: true })
  name?: string | null;

  @Field(() => PartyBranchKind, { nullable: true })
  @NotNull()
  kind?: PartyBranchKind | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;
}

@InputType('PartyGroupInput')
export class PartyGroupInput {
  @Field(() => String)
  @Text({ max: LIMITS.name, required: true })
  name: string;

  @Field(() => PartyGroupKind)
  kind: PartyGroupKind;

  @Field(() => ID)
  branchId: string;
}

@InputType('UpdatePartyGroupInput')
export class UpdatePartyGroupInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.name, required: true })
  name?: string | null;

  @Field(() => PartyGroupKind, { nullable: true })
  @NotNull()
  kind?: PartyGroupKind | null;

  @Field(() => ID, { nullable: true })
  @NotNull()
  branchId?: string | null;
}

@InputType('CreatePartyMemberInput')
export class CreatePartyMemberInput {
  @Field(() => String)
  @Text({ max: LIMITS.personName, required: true })
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => String, { nullable: true })
  @Phone({ optional: true })
  phone?: string | null;

  @Field(() => ID)
  branchId: string;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  /** The grid served; for a grid branch's member, its grid when not given. Required for any grid duty. */
  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @CalendarDay()
  joinedPartyOn?: string | null;

  @Field(() => GridDuty, { nullable: true, defaultValue: 'NONE' })
  gridDuty?: GridDuty | null;

  /** A GRID_WORKER account of this alliance that belongs to the member. */
  @Field(() => ID, { nullable: true })
  accountId?: string | null;
}

/** A patch: absent fields are left as they are; null clears phone, group, grid, joinedPartyOn and account. */
@InputType('UpdatePartyMemberInput')
export class UpdatePartyMemberInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.personName, required: true })
  name?: string | null;

  @Field(() => Gender, { nullable: true })
  @NotNull()
  gender?: Gender | null;

  @Field(() => String, { nullable: true })
  @Phone({ optional: true })
  phone?: string | null;

  @Field(() => ID, { nullable: true })
  @NotNull()
  branchId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @CalendarDay()
  joinedPartyOn?: string | null;

  @Field(() => GridDuty, { nullable: true })
  @NotNull()
  gridDuty?: GridDuty | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;
}

@InputType('PartyMemberFilter')
export class PartyMemberFilter {
  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => [GridDuty], { nullable: true })
  gridDuty?: GridDuty[] | null;

  @Field(() => PartyMemberStatus, { nullable: true })
  status?: PartyMemberStatus | null;

  /** Name (and, for the committee, phone); the viewer's matches only a surname, which is all it is shown. */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;
}

/** 楼栋's search form: every given field must match. */
@InputType('BuildingFilter')
export class BuildingFilter {
  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  /** Contained in the building's name (a building has no address of its own: its name is how residents say where they live). */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;

  /** true: fewer than 2 red grid workers look after it (缺少红色网格员, as `covered` and `coverage` count them); false: covered. */
  @Field(() => Boolean, { nullable: true })
  uncovered?: boolean | null;
}

@InputType('BuildingInput')
export class BuildingInput {
  @Field(() => String)
  @Text({ max: LIMITS.name, required: true })
  name: string;

  @Field(() => ID)
  gridId: string;

  @Field(() => Int)
  @IntRange(COMMUNITY_LIMITS.buildingHouseholds)
  households: number;
}

@InputType('UpdateBuildingInput')
export class UpdateBuildingInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.name, required: true })
  name?: string | null;

  /** Moving a building to another grid ends its workers' assignments there (they serve their own grid). */
  @Field(() => ID, { nullable: true })
  @NotNull()
  gridId?: string | null;

  @Field(() => Int, { nullable: true })
  @IntRange(COMMUNITY_LIMITS.buildingHouseholds)
  @NotNull()
  households?: number | null;
}

@InputType('CommitmentInput')
export class CommitmentInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => Int)
  @IntRange(COMMUNITY_LIMITS.commitmentYear)
  year: number;

  @Field(() => CommitmentCategory)
  category: CommitmentCategory;

  @Field(() => String)
  @Text({ max: COMMUNITY_LIMITS.commitmentText, required: true, multiline: true })
  text: string;
}

@InputType('UpdateCommitmentInput')
export class UpdateCommitmentInput {
  @Field(() => CommitmentCategory, { nullable: true })
  @NotNull()
  category?: CommitmentCategory | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: COMMUNITY_LIMITS.commitmentText, required: true, multiline: true })
  text?: string | null;
}

@InputType('CommitmentFilter')
export class CommitmentFilter {
  @Field(() => [CommitmentStatus], { nullable: true })
  status?: CommitmentStatus[] | null;

  @Field(() => CommitmentRating, { nullable: true })
  rating?: CommitmentRating | null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;
}
