import { Field, Int, ObjectType } from 'type-graphql';
import { Building } from './building.entity.js';
import { CommitmentRating } from './community.enums.js';

/** The dashboard's community figures: the profile, and the party organisation as it stands now. */
@ObjectType('CommunityFigures')
export class CommunityFigures {
  @Field(() => Int, { nullable: true, description: 'From the community profile.' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'From the community profile.' })
  residents: number | null;

  @Field(() => Int, { description: 'Party branches, the grid branches included.' })
  branches: number;

  @Field(() => Int, { description: 'Grid branches (the "7").' })
  gridBranches: number;

  @Field(() => Int, { description: 'Party groups (the "X").' })
  groups: number;

  @Field(() => Int, { description: 'ACTIVE party members (those transferred out are not counted).' })
  members: number;

  @Field(() => Int, { description: 'ACTIVE full- and part-time red grid workers.' })
  redGridWorkers: number;

  @Field(() => Int)
  buildings: number;

  @Field(() => Int, { description: 'Buildings looked after by at least 2 active red grid workers of their grid.' })
  buildingsCovered: number;
}

@ObjectType('RatingCount')
export class RatingCount {
  @Field(() => CommitmentRating)
  rating: CommitmentRating;

  @Field(() => Int)
  count: number;
}

/** 1个承诺 for one year. */
@ObjectType('CommitmentFigures')
export class CommitmentFigures {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Still drafts (the committee sees them; counted here for the committee\'s follow-up).' })
  drafts: number;

  @Field(() => Int, { description: 'Made public (PUBLISHED or since EVALUATED).' })
  published: number;

  @Field(() => Int)
  evaluated: number;

  @Field(() => [RatingCount], { description: 'The evaluated ones by rating, every rating listed.' })
  byRating: RatingCount[];
}

@ObjectType('WorkerLoad')
export class WorkerLoad {
  /** `member` resolves it. */
  memberId: string;

  @Field(() => Int)
  buildings: number;
}

/** Which buildings lack their two red grid workers, and who looks after too many. */
@ObjectType('Coverage')
export class Coverage {
  @Field(() => Int)
  buildings: number;

  @Field(() => Int)
  buildingsCovered: number;

  @Field(() => Int, { description: 'Workers a building needs to be covered (每2名红色网格员联系一个楼栋).' })
  minWorkers: number;

  @Field(() => Int, { description: 'More buildings than this for one worker is too many.' })
  maxBuildingsPerWorker: number;

  @Field(() => [Building])
  uncoveredBuildings: Building[];

  @Field(() => [WorkerLoad])
  overloadedWorkers: WorkerLoad[];
}

/** One grid of the community's picture: what is open there, and its buildings' coverage. */
@ObjectType('GridOverview')
export class GridOverview {
  /** `grid` resolves it. */
  gridId: string;

  @Field(() => Int)
  openNeeds: number;

  @Field(() => Int)
  overdueNeeds: number;

  @Field(() => Int)
  buildings: number;

  @Field(() => Int)
  buildingsCovered: number;

  @Field(() => Int, { description: 'ACTIVE party members serving the grid.' })
  members: number;
}
