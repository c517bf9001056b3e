import { checkThesaurusGroup, cleanThesaurusWords, THESAURUS_GROUPS } from '@alliance/shared';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, notFound, staleVersion } from '../../graphql/errors.js';
import { requireId } from '../../common/tenant-scope.js';
import { ThesaurusGroup } from './matching.types.js';

interface GroupRow {
  id: string;
  words: string[];
  created_at: Date;
  version: number;
}

const toGroup = (r: GroupRow) => Object.assign(new ThesaurusGroup(), { id: r.id, words: r.words, own: true, createdAt: r.created_at, version: r.version });

/**
 * The thesaurus the committee sees and extends (同义词): the shared groups
 * every alliance has (shared/src/thesaurus.ts, read-only here) and its own.
 * Its own take effect on the next match on every instance: this one's
 * index is rebuilt at once, the others' when the table's trigger tells them
 * (MATCHING_CHANGED, matching.service.ts).
 */
export class ThesaurusService {
  async list(ctx: RequestContext): Promise<ThesaurusGroup[]> {
    const rows: GroupRow[] = await ctx.scope.manager.query(
      `SELECT id, words, created_at, version FROM thesaurus_group WHERE alliance_id = $1 ORDER BY created_at DESC, id`,
      [ctx.scope.allianceId],
    );
    const shared = THESAURUS_GROUPS.map((g, i) =>
      Object.assign(new ThesaurusGroup(), { id: `shared-${i}`, words: g.split(/\s+/u), own: false, createdAt: null, version: 0 }),
    );
    return [...rows.map(toGroup), ...shared];
  }

  async add(ctx: RequestContext, words: string[]): Promise<ThesaurusGroup> {
    const reason = checkThesaurusGroup(words);
    if (reason) throw badInput('words', reason, `words: ${reason} (2..30 distinct words of at most 12 characters)`);
    const clean = cleanThesaurusWords(words);
    const [row]: GroupRow[] = await ctx.scope.manager.query(
      `INSERT INTO thesaurus_group (alliance_id, words, created_by) VALUES ($1, $2, $3) RETURNING id, words, created_at, version`,
      [ctx.scope.allianceId, clean, ctx.me.id],
    );
    ctx.deps.matching.changed(ctx.scope.allianceId, '*');
    return toGroup(row!);
  }

  async remove(ctx: RequestContext, id: string, version: number): Promise<boolean> {
    const groupId = requireId(id, 'id');
    const deleted: { version: number; n: number }[] = await ctx.scope.manager.query(
      `WITH target AS (SELECT id, version FROM thesaurus_group WHERE id = $1 AND alliance_id = $2),
            gone AS (DELETE FROM thesaurus_group t USING target WHERE t.id = target.id AND target.version = $3 RETURNING t.id)
       SELECT target.version, (SELECT count(*) FROM gone)::int AS n FROM target`,
      [groupId, ctx.scope.allianceId, version],
    );
    if (!deleted[0]) throw notFound('ThesaurusGroup');
    if (deleted[0].n === 0) throw staleVersion();
    ctx.deps.matching.changed(ctx.scope.allianceId, '*');
    return true;
  }
}

export const thesaurusService = new ThesaurusService();
