import { checkIntRange, LIMITS, renderMatchReason, thesaurusGroups, ALLIANCE_TIME_ZONE } from '@alliance/shared';
import type { DataSource } from 'typeorm';
import { notFound, ensure } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { MatchIndex, Thesaurus, type Candidate, type NeedText } from './matching.score.js';
import { MatchSuggestion } from './matching.types.js';

/**
 * What a project's ranking weighs that changes with every order, read on
 * every request ($1 = the alliance), with the alliance's index stamp:
 * - needs ordered against the project this (local) month, for "capacity
 *   left this month" = capacity_per_month minus those;
 * - the average satisfaction of the CLOSED needs the committee ordered to
 *   it (similar needs: it was chosen for them), and how many.
 * The stamp changes whenever the index would: a project put on or taken off
 * the shelf or edited (version), an order made or withdrawn (the learned
 * profiles), a thesaurus group added or removed. Read from the database on
 * every instance, so every instance rebuilds when any one changes the data,
 * operators' SQL included.
 */
const FIGURES_SQL = `
  WITH stamp AS (
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(md5(string_agg(id::text, ',' ORDER BY id)), '')
         FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF'),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM need_project WHERE alliance_id = $1),
      (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || version, ',' ORDER BY id)), '') FROM thesaurus_group WHERE alliance_id = $1)
    ) AS stamp
  ), ordered_this_month AS (
    SELECT np.shelf_project_id, count(*)::int AS n
      FROM need_project np
     WHERE np.alliance_id = $1
       AND np.created_at >= date_trunc('month', now() AT TIME ZONE '${ALLIANCE_TIME_ZONE}') AT TIME ZONE '${ALLIANCE_TIME_ZONE}'
     GROUP BY np.shelf_project_id
  ), past AS (
    SELECT np.shelf_project_id, avg(n.satisfaction)::float8 AS average, count(*)::int AS follow_ups
      FROM need_project np JOIN need n ON n.id = np.need_id
     WHERE np.alliance_id = $1 AND n.status = 'CLOSED' AND n.satisfaction IS NOT NULL
     GROUP BY np.shelf_project_id
  )
  SELECT s.stamp, p.id, coalesce(o.n, 0) AS ordered_this_month, past.average AS past_satisfaction, coalesce(past.follow_ups, 0) AS past_follow_ups
    FROM stamp s
    LEFT JOIN shelf_project p ON p.alliance_id = $1 AND p.status = 'ON_SHELF'
    LEFT JOIN ordered_this_month o ON o.shelf_project_id = p.id
    LEFT JOIN past ON past.shelf_project_id = p.id`;

/**
 * The alliance's ON_SHELF projects with their category and learned profile
 * (the title and description of the latest needs the committee ordered to
 * each: every confirmed order teaches the project how residents ask for
 * it), and the alliance's own thesaurus groups. Read only when the stamp
 * moved.
 */
const SHELF_SQL = `
  SELECT p.id, p.alliance_id, p.unit_id, p.category_id, p.title, p.description, p.status, p.review_comment,
         p.capacity_per_month, p.tags, p.created_at, p.updated_at, p.version,
         c.name AS category_name, coalesce(l.learned, '{}') AS learned,
         (SELECT coalesce(array_agg(array_to_string(t.words, ' ') ORDER BY t.created_at), '{}') FROM thesaurus_group t WHERE t.alliance_id = $1) AS thesaurus
    FROM shelf_project p
    JOIN service_category c ON c.id = p.category_id
    LEFT JOIN LATERAL (
      SELECT array_agg(x.text) AS learned FROM (
        SELECT n.title || '。' || n.description AS text
          FROM need_project np JOIN need n ON n.id = np.need_id
         WHERE np.shelf_project_id = p.id
         ORDER BY np.created_at DESC
         LIMIT ${LIMITS.pageSize.max}) x
    ) l ON true
   WHERE p.alliance_id = $1 AND p.status = 'ON_SHELF'`;

interface FigureRow {
  stamp: string;
  id: string | null;
  ordered_this_month: number;
  past_satisfaction: number | null;
  past_follow_ups: number;
}

interface ShelfRow {
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
  learned: string[];
  thesaurus: string[];
}

type ProjectCandidate = Candidate & { project: ShelfProject };

/**
 * Each alliance's index, per database (tests run several in one process),
 * kept until its stamp moves: on a shelf of 1,000 projects building one
 * takes far longer than ranking with it.
 */
const indexes = new WeakMap<DataSource, Map<string, { stamp: string; index: MatchIndex<ProjectCandidate> }>>();

async function allianceIndex(scope: TenantScope, dataSource: DataSource, stamp: string): Promise<MatchIndex<ProjectCandidate>> {
  const byAlliance = indexes.get(dataSource) ?? new Map<string, { stamp: string; index: MatchIndex<ProjectCandidate> }>();
  indexes.set(dataSource, byAlliance);
  const kept = byAlliance.get(scope.allianceId);
  if (kept?.stamp === stamp) return kept.index;
  const rows: ShelfRow[] = await scope.manager.query(SHELF_SQL, [scope.allianceId]);
  const candidates: ProjectCandidate[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    tags: r.tags,
    categoryId: r.category_id,
    categoryName: r.category_name,
    capacityPerMonth: r.capacity_per_month,
    orderedThisMonth: 0,
    learned: r.learned,
    pastSatisfaction: null,
    pastFollowUps: 0,
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
  const index = new MatchIndex(candidates, new Thesaurus(thesaurusGroups(rows[0]?.thesaurus ?? [])));
  byAlliance.set(scope.allianceId, { stamp, index });
  return index;
}

/** The scope's alliance's shelf ranked for a need: every project, best first, the weak ones labelled. */
export async function suggestProjects(scope: TenantScope, dataSource: DataSource, need: NeedText, first: number): Promise<MatchSuggestion[]> {
  const figures: FigureRow[] = await scope.manager.query(FIGURES_SQL, [scope.allianceId]);
  if (!figures[0]?.id) return [];
  const index = await allianceIndex(scope, dataSource, figures[0].stamp);
  const byId = new Map(figures.map((f) => [f.id!, f]));
  // The figures of this moment on the index's candidates (the index is shared; ranking reads them synchronously).
  for (const c of index.candidates) {
    const f = byId.get(c.id);
    c.orderedThisMonth = f?.ordered_this_month ?? 0;
    c.pastSatisfaction = f?.past_satisfaction ?? null;
    c.pastFollowUps = f?.past_follow_ups ?? 0;
  }
  return index.rank(need, first).map((r) =>
    Object.assign(new MatchSuggestion(), {
      project: r.candidate.project,
      score: r.score,
      strength: r.strength,
      reasons: r.reasons.map((x) => renderMatchReason(x, 'zh-CN')),
      reasonCodes: r.reasons,
    }),
  );
}

export class MatchingService {
  /** docs/matching.md: the alliance's ON_SHELF projects for a need, best first. Two statements (three when the shelf changed). */
  async matchSuggestions(ctx: RequestContext, needId: string, first: number): Promise<MatchSuggestion[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const need = await ctx.scope.find(Need, needId, 'needId');
    if (!need) throw notFound('Need');
    return suggestProjects(
      ctx.scope,
      ctx.deps.dataSource,
      { title: need.title, description: need.description, location: need.location, categoryId: need.categoryId },
      first,
    );
  }
}

export const matchingService = new MatchingService();
