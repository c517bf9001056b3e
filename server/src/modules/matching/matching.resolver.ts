import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { matchingService } from './matching.service.js';
import { MatchSuggestion } from './matching.types.js';

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
}
