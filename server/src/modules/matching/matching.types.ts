import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MATCH_REASON_CODES, MATCH_STRENGTHS, type MatchReasonCode, type MatchStrength } from '@alliance/shared';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';

const MatchStrengthEnum = Object.fromEntries(MATCH_STRENGTHS.map((s) => [s, s])) as Record<MatchStrength, MatchStrength>;
const MatchReasonCodeEnum = Object.fromEntries(MATCH_REASON_CODES.map((s) => [s, s])) as Record<MatchReasonCode, MatchReasonCode>;
registerEnumType(MatchStrengthEnum, {
  name: 'MatchStrength',
  description: 'STRONG: score >= 0.7; POSSIBLE: 0.3..0.7; WEAK: under 0.3 (docs/matching.md).',
});
registerEnumType(MatchReasonCodeEnum, { name: 'MatchReasonCode' });

/** Which parameters are set depends on the code (shared/src/matching.ts renders them). */
@ObjectType('MatchReasonParams')
export class MatchReasonParams {
  /** SHARED_WORDS, LEARNED: the words, heaviest first. */
  @Field(() => [String], { nullable: true })
  words?: string[];

  /** SYNONYM: the need's word and the project's word of the same thesaurus group. */
  @Field(() => String, { nullable: true })
  from?: string;

  @Field(() => String, { nullable: true })
  to?: string;

  /** SAME_CATEGORY: the category's name. */
  @Field(() => String, { nullable: true })
  category?: string;

  /** CAPACITY_LEFT: services left this month; CAPACITY_FULL: the monthly capacity; PAST_SATISFACTION: follow-ups. */
  @Field(() => Int, { nullable: true })
  n?: number;

  /** PAST_SATISFACTION: the average, 1..5. */
  @Field(() => Float, { nullable: true })
  avg?: number;
}

@ObjectType('MatchReason')
export class MatchReason {
  @Field(() => MatchReasonCodeEnum)
  code: MatchReasonCode;

  @Field(() => MatchReasonParams)
  params: MatchReasonParams;
}

@ObjectType('MatchSuggestion')
export class MatchSuggestion {
  @Field(() => ShelfProject)
  project: ShelfProject;

  /** Higher is better, 0..1; calibrated: 0.7+ strong, under 0.3 weak. */
  @Field(() => Float)
  score: number;

  @Field(() => MatchStrengthEnum)
  strength: MatchStrength;

  /** The reasons in Chinese (the admin's first language), kept for the contract; `reasonCodes` are the same reasons as codes. */
  @Field(() => [String])
  reasons: string[];

  @Field(() => [MatchReason])
  reasonCodes: MatchReason[];
}

/** A group of words that mean the same for matching (同义词): the shared ones every alliance has, and the committee's own. */
@ObjectType('ThesaurusGroup')
export class ThesaurusGroup {
  /** `shared-<n>` for a shared group. */
  @Field(() => ID)
  id: string;

  @Field(() => [String])
  words: string[];

  /** The alliance's own (the committee may remove it); false: shared, read-only. */
  @Field(() => Boolean)
  own: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt: Date | null;

  @Field(() => Int)
  version: number;
}
