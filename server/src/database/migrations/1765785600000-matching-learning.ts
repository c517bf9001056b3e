import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching (issue 14, docs/matching.md):
 * - project_learned_need: what the committee's decisions taught each shelf
 *   project, the words of the needs it was chosen for (an order naming it,
 *   or a claim of its unit the plan accepted). Written by the matching's
 *   in-transaction subscriber, so it commits with the decision; the need's
 *   text is kept rather than its segmented words, so a new dictionary or
 *   thesaurus reads it again. Existing orders teach their projects here.
 * - matching_changed: every change the matching index depends on (a shelf
 *   project, what it learned, the committee's thesaurus, a category's name)
 *   is announced by trigger at commit, so every instance updates its index,
 *   after a change through any of them or by an operator's SQL. Payload:
 *   "<alliance id> <shelf project id>", or "<alliance id> *" for the whole
 *   alliance.
 */
export class MatchingLearning1765785600000 implements MigrationInterface {
  name = 'MatchingLearning1765785600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_learned_need (
        shelf_project_id uuid NOT NULL REFERENCES shelf_project(id) ON DELETE CASCADE,
        need_id uuid NOT NULL REFERENCES need(id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        source varchar(8) NOT NULL CHECK (source IN ('ORDER', 'CLAIM')),
        text text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (shelf_project_id, need_id)
      )`);
    await q.query(`CREATE INDEX project_learned_need_need_idx ON project_learned_need (need_id)`);
    await q.query(`CREATE INDEX project_learned_need_latest_idx ON project_learned_need (shelf_project_id, created_at DESC)`);
    await q.query(`
      INSERT INTO project_learned_need (shelf_project_id, need_id, alliance_id, source, text, created_at)
      SELECT np.shelf_project_id, np.need_id, np.alliance_id, 'ORDER', n.title || '。' || coalesce(n.description, ''), np.created_at
        FROM need_project np JOIN need n ON n.id = np.need_id`);

    await q.query(`
      CREATE FUNCTION matching_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        r record;
      BEGIN
        IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
        IF TG_TABLE_NAME = 'shelf_project' THEN
          PERFORM pg_notify('matching_changed', r.alliance_id || ' ' || r.id);
        ELSIF TG_TABLE_NAME = 'project_learned_need' THEN
          PERFORM pg_notify('matching_changed', r.alliance_id || ' ' || r.shelf_project_id);
        ELSE
          PERFORM pg_notify('matching_changed', r.alliance_id || ' *');
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['shelf_project', 'project_learned_need', 'thesaurus_group']) {
      await q.query(
        `CREATE TRIGGER ${table}_matching_notify AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION matching_notify_change()`,
      );
    }
    // A category's name shows in the reasons (SAME_CATEGORY).
    await q.query(
      `CREATE TRIGGER service_category_matching_notify AFTER UPDATE OF name ON service_category FOR EACH ROW EXECUTE FUNCTION matching_notify_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['shelf_project', 'project_learned_need', 'thesaurus_group', 'service_category']) {
      await q.query(`DROP TRIGGER ${table}_matching_notify ON ${table}`);
    }
    await q.query(`DROP FUNCTION matching_notify_change()`);
    await q.query(`DROP TABLE project_learned_need`);
  }
}
