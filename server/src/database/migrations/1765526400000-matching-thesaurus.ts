import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching (issue 14, docs/matching.md): the committee's own thesaurus
 * groups, on top of the shared ones (shared/src/thesaurus.ts). One row per
 * group: its words in the order typed. The matching index of the alliance
 * is rebuilt when these change (its stamp counts them), on every instance.
 */
export class MatchingThesaurus1765526400000 implements MigrationInterface {
  name = 'MatchingThesaurus1765526400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE thesaurus_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        words text[] NOT NULL CHECK (cardinality(words) BETWEEN 2 AND 30),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX thesaurus_group_alliance_idx ON thesaurus_group (alliance_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE thesaurus_group`);
  }
}
