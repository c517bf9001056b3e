import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { In } from 'typeorm';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { Activity } from '../../modules/activity/activity.entity.js';
import { Signup } from '../../modules/activity/signup.entity.js';
import { Grid } from '../../modules/alliance/grid.entity.js';
import { ServiceCategory } from '../../modules/alliance/service-category.entity.js';
import { User } from '../../modules/auth/user.entity.js';
import { Agreement } from '../../modules/member-unit/agreement.entity.js';
import { MemberUnit } from '../../modules/member-unit/member-unit.entity.js';
import { NeedEvent } from '../../modules/need/need-event.entity.js';
import { Need } from '../../modules/need/need.entity.js';
import { ShelfProject } from '../../modules/shelf/shelf-project.entity.js';
import { demoId } from '../../modules/seed/ids.js';
import { EntityRows, hydrationConverts } from '../entity-rows.js';
import { TenantScope } from '../tenant-scope.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');

describe('EntityRows, the loaders\' fixed statements', () => {
  it('hydrates every tenant-owned entity exactly as TypeORM does: same class, same values and types', async () => {
    const scope = new TenantScope(s.db.manager, MAIN);
    for (const entity of [MemberUnit, Agreement, ShelfProject, ServiceCategory, Grid, User, Activity, Signup, Need, NeedEvent]) {
      const expected = await s.db.manager.find(entity as any, { where: { allianceId: MAIN } as any, order: { id: 'ASC' } as any, take: 25 });
      expect(expected.length, entity.name).toBeGreaterThan(0);
      const ids = expected.map((e: any) => e.id);
      const found = await EntityRows.of(s.db.manager, entity as any).select(scope, { where: 'e.id = ANY($2)', orderBy: 'e.id' }, [ids]);
      const rows = found.map((f) => f.entity);
      expect(rows, entity.name).toEqual(expected);
      for (const r of rows) expect(r, entity.name).toBeInstanceOf(entity);
    }
  });

  it("skips TypeORM's value conversion only for columns whose values it returns unchanged", () => {
    const samples: unknown[] = [null, 'text', '2026-01-02T03:04:05.678+00:00', '2026-01-02', '12:30', '42', 7, 0, true, false, [1, 2], { a: 1 }];
    let skipped = 0;
    for (const entity of s.db.entityMetadatas) {
      for (const column of entity.columns) {
        if (hydrationConverts(column)) continue;
        skipped++;
        for (const value of samples) expect(s.db.driver.prepareHydratedValue(value, column), `${entity.name}.${column.propertyName}`).toBe(value);
      }
    }
    // Most columns are text, uuids, integers and jsonb; timestamps, dates and booleans are converted.
    expect(skipped).toBeGreaterThan(100);
    // A timestamp becomes a Date, and a numeric its transformer's number: those keep TypeORM's conversion.
    const need = s.db.getMetadata(Need);
    expect(hydrationConverts(need.findColumnWithPropertyName('reportedAt')!)).toBe(true);
    expect(hydrationConverts(s.db.getMetadata(Activity).findColumnWithPropertyName('outcomeVolunteerHours')!)).toBe(true);
    expect(hydrationConverts(need.findColumnWithPropertyName('title')!)).toBe(false);
  });

  it('never leaves the alliance, and never selects a column TypeORM would not (the password hash)', async () => {
    const neighbourUnit = (await s.sql(`SELECT id FROM member_unit WHERE alliance_id = $1 LIMIT 1`, [demoId('songlin')]))[0].id;
    const scope = new TenantScope(s.db.manager, MAIN);
    expect(await EntityRows.of(s.db.manager, MemberUnit).select(scope, { where: 'e.id = ANY($2)' }, [[neighbourUnit]])).toEqual([]);
    const users = EntityRows.of(s.db.manager, User);
    expect(users.sql({ where: 'true' })).not.toContain('password_hash');
    const found = await users.select(scope, { where: 'true' }, []);
    expect(found.length).toBeGreaterThan(0);
    for (const { entity } of found) expect(entity.passwordHash).toBeUndefined();
  });

  it("the fast path's JSON of some columns: those hydrated as select() does, the others throwing when read", async () => {
    const rows = EntityRows.of(s.db.manager, ShelfProject);
    const expected = (await s.db.manager.find(ShelfProject, { where: { allianceId: MAIN }, order: { id: 'ASC' }, take: 3 })) as ShelfProject[];
    const some = rows.json(new Set(['id', 'title', 'createdAt']));
    expect(some.jsonArray('e')).toBe('json_build_array(e."id", e."title", e."created_at")');
    expect(rows.json(new Set(['createdAt', 'id', 'title']))).toBe(some);
    const [row] = await s.sql(`SELECT ${some.jsonArray('e')} AS j FROM shelf_project e WHERE e.id = $1`, [expected[0]!.id]);
    const project = some.fromJsonArray(row.j);
    expect(project).toBeInstanceOf(ShelfProject);
    expect({ id: project.id, title: project.title, createdAt: project.createdAt }).toEqual({
      id: expected[0]!.id,
      title: expected[0]!.title,
      createdAt: expected[0]!.createdAt,
    });
    expect(project.createdAt).toBeInstanceOf(Date);
    expect(() => project.description).toThrow(/ShelfProject\.description was not read/);
    expect(() => project.unitId).toThrow(/ShelfProject\.unitId was not read/);
    // A copy being edited may set it: then it is an ordinary property of that copy.
    project.description = 'edited';
    expect(project.description).toBe('edited');
    expect(() => some.fromJsonArray(row.j).description).toThrow(/not read/);
    // Every column: the same entity as TypeORM's, no getter anywhere.
    const [full] = await s.sql(`SELECT ${rows.json(null).jsonArray('e')} AS j FROM shelf_project e WHERE e.id = $1`, [expected[0]!.id]);
    expect(rows.json(null).fromJsonArray(full.j)).toEqual(expected[0]);
  });

  it('lock: the rows of the entity FOR UPDATE, not those its extra expression reads; named: a prepared statement', async () => {
    const [{ id: activityId }] = await s.sql(`SELECT id FROM activity WHERE alliance_id = $1 LIMIT 1`, [MAIN]);
    const [{ id: unitId }] = await s.sql(`SELECT id FROM member_unit WHERE alliance_id = $1 LIMIT 1`, [MAIN]);
    const units = EntityRows.of(s.db.manager, MemberUnit).json(null);
    // Another connection's attempt to lock the row: refused at once while the transaction holds it.
    const lockable = async (table: string, id: string) =>
      s.sql(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE NOWAIT`, [id]).then(
        () => true,
        (err: { code?: string }) => (err.code === '55P03' ? false : Promise.reject(err)),
      );
    await s.db.manager.transaction(async (m) => {
      const scope = new TenantScope(m, MAIN);
      const [row] = await EntityRows.of(m, Activity).select(
        scope,
        { where: 'e.id = $2', key: `(SELECT ${units.jsonArray('u')} FROM member_unit u WHERE u.id = $3 AND u.alliance_id = $1)`, lock: true, named: true },
        [activityId, unitId],
      );
      expect(row!.entity.id).toBe(activityId);
      expect(units.fromJsonArray(row!.key as unknown[])).toEqual(await s.db.manager.findOneBy(MemberUnit, { id: unitId }));
      expect(await lockable('activity', activityId)).toBe(false);
      expect(await lockable('member_unit', unitId)).toBe(true);
      const named = await m.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%FOR UPDATE OF e'`);
      expect(named[0].n).toBe(1);
    });
    expect(await lockable('activity', activityId)).toBe(true);
  });
});
