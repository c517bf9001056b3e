import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The needs board of one grid (`needs(filter: { gridId, status: [...] })`,
 * the grid worker's screen and the benchmark's Q4) in the keyset order the
 * list pages by, carrying the status it is filtered on. The fast path sends
 * the board as a prepared statement; with only need_grid_idx and the partial
 * need_overdue_idx, PostgreSQL's generic plan could not use the partial
 * index (`status = ANY($2)` proves nothing about its predicate) and cost
 * more than a custom one, so every board was planned afresh (~0.5 ms). With
 * this index the generic plan reads the grid's rows in order, index-only,
 * counts and pages them from the index, and is kept: on bench L, 1.35-1.85
 * ms of PostgreSQL's CPU per board became 0.63-0.75 ms (docs/benchmarks.md,
 * "The needs board's index").
 */
export class NeedBoardIndex1767254400000 implements MigrationInterface {
  name = 'NeedBoardIndex1767254400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS need_board_idx ON need (alliance_id, grid_id, reported_at DESC, id DESC) INCLUDE (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS need_board_idx`);
  }
}
