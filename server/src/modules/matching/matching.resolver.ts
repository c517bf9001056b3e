import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { matchingService } from './matching.service.js';
import { MatchSuggestion, ThesaurusGroup } from './matching.types.js';
import { thesaurusService } from './thesaurus.service.js';

@Resolver(() => MatchSuggestion)
export class MatchingResolver {
  /**
   * The committee matches needs (it orders them). A unit admin may read the
   * suggestions too: it may claim ACCEPTED or ORDERED needs (认领), and seeing
   * which shelf projects fit helps it decide; everything shown (ON_SHELF
   * projects, their capacity, follow-up averages) it can already read. Grid
   * workers and viewers take no part in matching.
   */
  @Allow('COMMITTEE_ADMIN', 'UNIT_ADMIN')
  @Query(() => [MatchSuggestion])
  matchSuggestions(
    @Ctx() ctx: RequestContext,
    @Arg('needId', () => ID) needId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number,
  ) {
    return matchingService.matchSuggestions(ctx, needId, first);
  }

  /** The thesaurus matching uses: the committee's own groups first, then the shared ones. The committee keeps it. */
  @Allow('COMMITTEE_ADMIN')
  @Query(() => [ThesaurusGroup])
  thesaurusGroups(@Ctx() ctx: RequestContext) {
    return thesaurusService.list(ctx);
  }

  /** Adds a group of the alliance's own; the next match uses it, on every instance. */
  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => ThesaurusGroup)
  addThesaurusGroup(@Ctx() ctx: RequestContext, @Arg('words', () => [String]) words: string[]) {
    return thesaurusService.add(ctx, words);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Boolean)
  removeThesaurusGroup(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return thesaurusService.remove(ctx, id, version);
  }
}
