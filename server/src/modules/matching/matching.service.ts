import { checkIntRange, LIMITS, renderMatchReason, thesaurusGroups, ALLIANCE_TIME_ZONE } from '@alliance/shared';
import type { ChangeFeed } from '../../database/change-feed.js';
import { notFound, ensure } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { MatchIndex, Thesaurus, type Candidate, type NeedText } from './matching.score.js';
import { MatchSuggestion } from './matching.types.js';

/**
 * What a project's ranking weighs that changes with every order, read on
 * every request ($1 = the alliance), for the projects that have any:
 * - needs ordered against the project this (local) month, for "capacity
 *   left this month" = capacity_per_month minus those;
 * - the average satisfaction of the CLOSED needs the committee ordered to
 *   it (similar needs: it was chosen for them), and how many.
 */
const FIGURES_SQL = `
  WITH ordered_this_month AS (
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
  SELECT coalesce(o.shelf_project_id, past.shelf_project_id) AS id, coalesce(o.n, 0) AS ordered_this_month,
         past.average AS past_satisfaction, coalesce(past.follow_ups, 0) AS past_follow_ups
    FROM ordered_this_month o FULL JOIN past ON past.shelf_project_id = o.shelf_project_id`;

/**
 * ON_SHELF projects of the alliance ($1), all or those of $2, with their
 * category and learned profile (the text of the latest needs the
 * committee's decisions chose them for: project_learned_need), and the
 * alliance's own thesaurus groups.
 */
const SHELF_SQL = `
  SELECT p.id, p.alliance_id, p.unit_id, p.category_id, p.title, p.description, p.status, p.review_comment,
         p.capacity_per_month, p.tags, p.created_at, p.updated_at, p.version,
         c.name AS category_name, coalesce(l.learned, '{}') AS learned,
         (SELECT coalesce(array_agg(array_to_string(t.words, ' ') ORDER BY t.created_at), '{}') FROM thesaurus_group t WHERE t.alliance_id = $1) AS thesaurus
    FROM shelf_project p
    JOIN service_category c ON c.id = p.category_id
    LEFT JOIN LATERAL (
      SELECT array_agg(x.text ORDER BY x.created_at DESC) AS learned FROM (
        SELECT ln.text, ln.created_at
          FROM project_learned_need ln
         WHERE ln.shelf_project_id = p.id
         ORDER BY ln.created_at DESC
         LIMIT ${LIMITS.pageSize.max}) x
    ) l ON true
   WHERE p.alliance_id = $1 AND p.status = 'ON_SHELF' AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))`;

interface FigureRow {
  id: string;
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

function candidateOf(r: ShelfRow): ProjectCandidate {
  return {
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
  };
}

/** The channel the migration's triggers announce matching changes on: "<alliance id> <project id>" or "<alliance id> *". */
export const MATCHING_CHANGED = 'matching_changed';

/** While the change feed is down nothing is heard: an alliance's index is then rebuilt when older than this. */
const UNHEARD_MAX_AGE_MS = 5_000;

interface Kept {
  index: MatchIndex<ProjectCandidate> | null;
  /** Projects changed since their entry was read. */
  stale: Set<string>;
  /** The thesaurus or a category changed: build the alliance's index again. */
  whole: boolean;
  builtAt: number;
}

/**
 * The instance's matching indexes, one per alliance, built on the first
 * match and then kept up to date one project at a time: a change announced
 * on MATCHING_CHANGED (by trigger at commit, from any instance or an
 * operator's SQL), or reported here by this instance's own writes, marks a
 * project stale, and the next match reads only the stale projects again.
 * A thesaurus change rebuilds that alliance's index alone.
 */
export class MatchIndexes {
  private readonly kept = new Map<string, Kept>();
  /** One refresh at a time per alliance: a request waits for the one under way, then sees its result. */
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(private readonly live: () => boolean) {}

  /** A change to one project of the alliance, or ('*') to what all of them are read with. */
  changed(allianceId: string, what: string): void {
    const k = this.kept.get(allianceId);
    if (!k) return;
    if (what === '*') k.whole = true;
    else k.stale.add(what);
  }

  clear(): void {
    this.kept.clear();
  }

  /** The scope's alliance's index, brought up to date. */
  async of(scope: TenantScope): Promise<MatchIndex<ProjectCandidate>> {
    const alliance = scope.allianceId;
    const run = (this.queue.get(alliance) ?? Promise.resolve()).catch(() => undefined).then(() => this.refresh(scope));
    this.queue.set(alliance, run);
    try {
      return await run;
    } finally {
      if (this.queue.get(alliance) === run) this.queue.delete(alliance);
    }
  }

  private async refresh(scope: TenantScope): Promise<MatchIndex<ProjectCandidate>> {
    const alliance = scope.allianceId;
    const k = this.kept.get(alliance);
    const unheard = !this.live() && (!k || Date.now() - k.builtAt > UNHEARD_MAX_AGE_MS);
    if (!k?.index || k.whole || unheard) {
      // Kept before reading: what is announced while the rows are read marks the new entry.
      const fresh: Kept = { index: null, stale: new Set(), whole: false, builtAt: Date.now() };
      this.kept.set(alliance, fresh);
      const rows: ShelfRow[] = await scope.manager.query(SHELF_SQL, [alliance, null]);
      fresh.index = new MatchIndex(rows.map(candidateOf), new Thesaurus(thesaurusGroups(rows[0]?.thesaurus ?? [])));
      // An empty shelf says nothing of the thesaurus: read it again with the first project.
      if (rows.length === 0) this.kept.delete(alliance);
      return fresh.index;
    }
    if (k.stale.size > 0) {
      const ids = [...k.stale];
      k.stale.clear();
      const rows: ShelfRow[] = await scope.manager.query(SHELF_SQL, [alliance, ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids) {
        const row = byId.get(id);
        if (row) k.index.put(candidateOf(row));
        else k.index.remove(id);
      }
    }
    return k.index;
  }
}

/**
 * The unit's ON_SHELF project that matches the need best (null: it has
 * none), ranked among the unit's projects alone: read inside a decision's
 * transaction, so it neither waits for nor builds the alliance's index.
 */
export async function bestProjectOfUnit(scope: TenantScope, unitId: string, need: NeedText): Promise<string | null> {
  const rows: ShelfRow[] = await scope.manager.query(`${SHELF_SQL} AND p.unit_id = $3`, [scope.allianceId, null, unitId]);
  if (rows.length === 0) return null;
  const index = new MatchIndex(rows.map(candidateOf), new Thesaurus(thesaurusGroups(rows[0]!.thesaurus)));
  return index.rank(need, 1)[0]!.candidate.id;
}

/** Hears the other instances' (and operators') changes; after a gap in the feed, forgets every index. */
export function listenMatching(feed: ChangeFeed, indexes: MatchIndexes): void {
  feed.on(MATCHING_CHANGED, (payload) => {
    const [allianceId, what] = payload.split(' ');
    if (allianceId && what) indexes.changed(allianceId, what);
  });
  feed.onReset(() => indexes.clear());
}

/** The scope's alliance's shelf ranked for a need: every project, best first, the weak ones labelled. */
export async function suggestProjects(scope: TenantScope, indexes: MatchIndexes, need: NeedText, first: number): Promise<MatchSuggestion[]> {
  const index = await indexes.of(scope);
  if (index.size === 0) return [];
  const figures: FigureRow[] = await scope.manager.query(FIGURES_SQL, [scope.allianceId]);
  const byId = new Map(figures.map((f) => [f.id, f]));
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
  /** docs/matching.md: the alliance's ON_SHELF projects for a need, best first. Two statements (three when a project or the thesaurus changed). */
  async matchSuggestions(ctx: RequestContext, needId: string, first: number): Promise<MatchSuggestion[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const need = await ctx.scope.find(Need, needId, 'needId');
    if (!need) throw notFound('Need');
    return suggestProjects(
      ctx.scope,
      ctx.deps.matching,
      { title: need.title, description: need.description, location: need.location, categoryId: need.categoryId },
      first,
    );
  }
}

export const matchingService = new MatchingService();
