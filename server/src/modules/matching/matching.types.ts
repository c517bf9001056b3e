import { Field, Float, ObjectType } from 'type-graphql';
import { ShelfProject } from '../shelf/shelf-project.entity.js';

@ObjectType('MatchSuggestion')
export class MatchSuggestion {
  @Field(() => ShelfProject)
  project: ShelfProject;

  /** Higher is better, 0..1. */
  @Field(() => Float)
  score: number;

  /** Human-readable (Chinese): same category, shared keywords, capacity left, the unit's past satisfaction. */
  @Field(() => [String])
  reasons: string[];
}
