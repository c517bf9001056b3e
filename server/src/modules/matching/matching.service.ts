import { ALLIANCE_TIME_ZONE, checkIntRange, LIMITS } from '@alliance/shared';
import { notFound, ensure } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { rankCandidates, type Candidate, type NeedText } from './matching.score.js';
import { MatchSuggestion } from './matching.types.js';

/**
 * The alliance's ON_SHELF projects with what the ranking weighs, in one
 * statement ($1 = the alliance):
 * - the category's name;
 * - needs ordered against the project this (local) month, for "capacity
 *   left this month" = capacity_per_month minus those;
 * - the unit's average satisfaction over CLOSED needs it served (ordered one
 *   of its projects, or claimed it), each need counted once per unit.
 */
const CANDIDATES_SQL = `
  WITH served AS (
    SELECT p.unit_id, n.id AS need_id, n.satisfaction
      FROM need n
      JOIN need_project np ON np.need_id = n.id
      JOIN shelf_project p ON p.id = np.shelf_project_id
     WHERE n.alliance_id = $1 AND n.status = 'CLOSED' AND n.satisfaction IS NOT NULL
    UNION
    SELECT c.unit_id, n.id, n.satisfaction
      FROM need n JOIN need_claim c ON c.need_id = n.id
     WHERE n.alliance_id = $1 AND n.status = 'CLOSED' AND n.satisfaction IS NOT NULL
  ), unit_satisfaction AS (
    SELECT unit_id, avg(satisfaction)::float8 AS average, count(*)::int AS follow_ups FROM served GROUP BY unit_id
  ), ordered_this_month AS (
    SELECT np.shelf_project_id, count(*)::int AS n
      FROM need_project np
     WHERE np.alliance_id = $1
       AND np.created_at >= date_trunc('month', now() AT TIME ZONE '${ALLIANCE_TIME_ZONE}') AT TIME ZONE '${ALLIANCE_TIME_ZONE}'
     GROUP BY np.shelf_project_id
  )
  SELECT p.id, p.alliance_id, p.unit_id, p.category_id, p.title, p.description, p.status, p.review_comment,
         p.capacity_per_month, p.tags, p.created_at, p.updated_at, p.version,
         c.name AS category_name,
         coalesce(o.n, 0) AS ordered_this_month,
         us.average AS unit_satisfaction,
         coalesce(us.follow_ups, 0) AS unit_follow_ups
    FROM shelf_project p
    JOIN service_category c ON c.id = p.category_id
    LEFT JOIN ordered_this_month o ON o.shelf_project_id = p.id
    LEFT JOIN unit_satisfaction us ON us.unit_id = p.unit_id
   WHERE p.alliance_id = $1 AND p.status = 'ON_SHELF'`;

interface CandidateRow {
  id: string;
  alliance_id: string;
  unit_id: string;
  category_id: string;
  title: string;
  description: string;
  status: ShelfProject['status'];
  review_comment: string | null;
  capacity_per_month: number | null;
  tags: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
  category_name: string;
  ordered_this_month: number;
  unit_satisfaction: number | null;
  unit_follow_ups: number;
}

type ProjectCandidate = Candidate & { project: ShelfProject };

/** The candidates of the scope's alliance, scored by rankCandidates(). */
export async function suggestProjects(scope: TenantScope, need: NeedText, first: number): Promise<MatchSuggestion[]> {
  const rows: CandidateRow[] = await scope.manager.query(CANDIDATES_SQL, [scope.allianceId]);
  const candidates: ProjectCandidate[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    tags: r.tags,
    categoryId: r.category_id,
    categoryName: r.category_name,
    capacityPerMonth: r.capacity_per_month,
    orderedThisMonth: r.ordered_this_month,
    unitSatisfaction: r.unit_satisfaction,
    unitFollowUps: r.unit_follow_ups,
    project: Object.assign(new ShelfProject(), {
      id: r.id,
      allianceId: r.alliance_id,
      unitId: r.unit_id,
      categoryId: r.category_id,
      title: r.title,
      description: r.description,
      status: r.status,
      reviewComment: r.review_comment,
      capacityPerMonth: r.capacity_per_month,
      tags: r.tags,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    }),
  }));
  return rankCandidates(need, candidates, first).map((r) =>
    Object.assign(new MatchSuggestion(), { project: r.candidate.project, score: r.score, reasons: r.reasons }),
  );
}

export class MatchingService {
  /** docs/domain.md "Matching": the alliance's ON_SHELF projects for a need, best first. Two statements. */
  async matchSuggestions(ctx: RequestContext, needId: string, first: number): Promise<MatchSuggestion[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const need = await ctx.scope.find(Need, needId, 'needId');
    if (!need) throw notFound('Need');
    return suggestProjects(
      ctx.scope,
      { title: need.title, description: need.description, location: need.location, categoryId: need.categoryId },
      first,
    );
  }
}

export const matchingService = new MatchingService();
