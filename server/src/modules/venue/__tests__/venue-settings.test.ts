import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts, zonedTime } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/*
 * The committee adds the centre's rooms and describes them again (createVenue,
 * updateVenue): without them a community that starts without the demo data
 * has no room to reserve. Each act is one audit entry; bad input writes nothing.
 */

const ROOM = `id name kind capacity opensAt closesAt`;
const CREATE = `mutation($input: VenueInput!) { createVenue(input: $input) { ${ROOM} } }`;
const UPDATE = `mutation($id: ID!, $input: VenueInput!) { updateVenue(id: $id, input: $input) { ${ROOM} } }`;
const RESERVE = `mutation($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) { reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: "活动") { id status } }`;

let s: TestServer;
let committee: Client;
function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const fieldOf = (r: GqlResult) => r.errors?.[0]?.extensions?.field;
const reasonOf = (r: GqlResult) => r.errors?.[0]?.extensions?.reason;
const room = (extra: Record<string, unknown> = {}) => ({ name: '  书画室  ', kind: 'OTHER', capacity: 20, opensAt: '09:00', closesAt: '17:30', ...extra });
const counts = async () => (await s.sql(`SELECT (SELECT count(*)::int FROM venue) AS venues, (SELECT count(*)::int FROM audit_entry WHERE action LIKE 'VENUE_%') AS entries`))[0];
const auditOf = async (id: string) =>
  (await s.sql(`SELECT action, subject_type, summary FROM audit_entry WHERE subject_id = $1 ORDER BY at, id`, [id])) as { action: string; subject_type: string; summary: Record<string, unknown> }[];

beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

describe('the centre\'s rooms, as the committee sets them', () => {
  it('a room added is listed for every role, trimmed, and its entry keeps all it is', async () => {
    const added = ok(await committee(CREATE, { input: room() })).createVenue;
    expect(added).toMatchObject({ name: '书画室', kind: 'OTHER', capacity: 20, opensAt: '09:00', closesAt: '17:30' });
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const list = ok(await (await s.as(who))(`{ venues { id name } }`)).venues as { id: string; name: string }[];
      expect(list.map((v) => v.name), who).toContain('书画室');
    }
    expect(await auditOf(added.id)).toEqual([
      { action: 'VENUE_CREATE', subject_type: 'VENUE', summary: { title: '书画室', after: { name: '书画室', kind: 'OTHER', capacity: 20, opensAt: '09:00', closesAt: '17:30' } } },
    ]);
  });

  it('described again: only what changed is logged, and new hours hold for the reservations made after', async () => {
    const { id } = ok(await committee(CREATE, { input: room({ name: '棋牌室' }) })).createVenue;
    const changed = ok(await committee(UPDATE, { id, input: room({ name: '棋牌室', capacity: 12, closesAt: '16:00' }) })).updateVenue;
    expect(changed).toMatchObject({ capacity: 12, opensAt: '09:00', closesAt: '16:00' });
    ok(await committee(UPDATE, { id, input: room({ name: '棋牌室', capacity: 12, closesAt: '16:00' }) }));
    expect((await auditOf(id)).slice(1)).toEqual([
      { action: 'VENUE_UPDATE', subject_type: 'VENUE', summary: { title: '棋牌室', before: { capacity: 20, closesAt: '17:30' }, after: { capacity: 12, closesAt: '16:00' } } },
    ]);
    const t = localParts(new Date());
    const at = (h: number) => zonedTime(t.year, t.month, t.day + 30, h).toISOString();
    expect(codeOf(await committee(RESERVE, { venueId: id, startsAt: at(15), endsAt: at(17) }))).toBe('BAD_USER_INPUT');
    expect(ok(await committee(RESERVE, { venueId: id, startsAt: at(15), endsAt: at(16) })).reserveVenue.status).toBe('CONFIRMED');
  });

  it('bad input names its field and writes nothing', async () => {
    ok(await committee(CREATE, { input: room({ name: '舞蹈室' }) }));
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '舞蹈室' }, 'name', 'DUPLICATE'],
      [{ name: '   ' }, 'name', 'REQUIRED'],
      [{ opensAt: '18:00', closesAt: '09:00' }, 'closesAt', 'DATE_ORDER'],
      [{ opensAt: '09:00', closesAt: '09:00' }, 'closesAt', 'DATE_ORDER'],
      [{ opensAt: '25:00' }, 'opensAt', 'INVALID_FORMAT'],
      [{ closesAt: '9:30' }, 'closesAt', 'INVALID_FORMAT'],
      [{ capacity: 0 }, 'capacity', 'OUT_OF_RANGE'],
      [{ capacity: 10001 }, 'capacity', 'OUT_OF_RANGE'],
    ];
    for (const [extra, field, reason] of cases) {
      const r = await committee(CREATE, { input: room({ name: '新场地', ...extra }) });
      expect([codeOf(r), String(fieldOf(r)).split('.').pop(), reasonOf(r)], JSON.stringify(extra)).toEqual(['BAD_USER_INPUT', field, reason]);
    }
    const [{ id }] = await s.sql(`SELECT id FROM venue WHERE name = '书画室'`);
    const r = await committee(UPDATE, { id, input: room({ name: '舞蹈室' }) });
    expect([codeOf(r), reasonOf(r)]).toEqual(['BAD_USER_INPUT', 'DUPLICATE']);
    expect(await counts()).toEqual(before);
  });

  it('only the committee sets rooms, and only its own alliance\'s', async () => {
    const [{ id }] = await s.sql(`SELECT id FROM venue WHERE name = '篮球馆'`);
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const c = await s.as(who);
      expect(codeOf(await c(CREATE, { input: room({ name: '越权' }) })), who).toBe('FORBIDDEN');
      expect(codeOf(await c(UPDATE, { id, input: room({ name: '篮球馆' }) })), who).toBe('FORBIDDEN');
    }
    const [other] = await s.sql(`SELECT id FROM alliance WHERE id <> (SELECT alliance_id FROM app_user WHERE username = 'committee') LIMIT 1`);
    const [theirs] = await s.sql(
      `INSERT INTO venue (alliance_id, name, kind, capacity, opens_at, closes_at) VALUES ($1, '邻联盟会议室', 'MEETING', 10, '08:00', '20:00') RETURNING id`,
      [other.id],
    );
    expect(codeOf(await committee(UPDATE, { id: theirs.id, input: room({ name: '改别人的' }) }))).toBe('NOT_FOUND');
    expect((await s.sql(`SELECT name FROM venue WHERE id = $1`, [theirs.id]))[0].name).toBe('邻联盟会议室');
  });
});
