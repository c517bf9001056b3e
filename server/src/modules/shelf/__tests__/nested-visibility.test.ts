import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/*
 * A project reached through another record obeys the same visibility as
 * shelfProject(id): need.orderedProjects, memberUnit.shelfProjects and
 * activity.shelfProjects never show a project (title, description, anything)
 * that the caller could not open directly. The committee and viewers see the
 * whole shelf, a unit admin its own unit's work in progress too, everyone
 * else only what is ON_SHELF.
 */

let s: TestServer;
const WHO = ['committee', 'unit1', 'unit2', 'grid1', 'viewer'] as const;
type Who = (typeof WHO)[number];
const clients = {} as Record<Who, Client>;

/** One project of unit1's in each status, by status; `edited` went ON_SHELF, was ordered and attached, then edited back to review. */
const projects: Record<string, string> = {};
const STATUSES = ['ON_SHELF', 'OFF_SHELF', 'DRAFT', 'PENDING_REVIEW', 'REJECTED'] as const;
const secretOf = (key: string) => ({ title: `嵌套可见性-${key}-标题`, description: `嵌套可见性-${key}-说明：不应外泄` });
let unit1Id = '';
let needId = '';
let activityId = '';

/** Which of the projects above each caller may read: unit1 is the owner; unit2 is another unit. */
const SEES_ALL = ['ON_SHELF', 'OFF_SHELF', 'DRAFT', 'PENDING_REVIEW', 'REJECTED', 'edited'];
const EXPECTED: Record<Who, string[]> = {
  committee: SEES_ALL,
  unit1: SEES_ALL,
  viewer: SEES_ALL,
  unit2: ['ON_SHELF'],
  grid1: ['ON_SHELF'],
};

/** The data of a result that must have succeeded. */
const ok = (r: GqlResult): any => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

beforeAll(async () => {
  s = await startTestServer();
  for (const who of WHO) clients[who] = await s.as(who);
  const [u1] = await s.sql(`SELECT alliance_id, unit_id FROM app_user WHERE username = 'unit1'`);
  const [g1] = await s.sql(`SELECT grid_id FROM app_user WHERE username = 'grid1'`);
  unit1Id = u1.unit_id;
  const [category] = await s.sql(`SELECT id FROM service_category WHERE alliance_id = $1 AND code = 'PARTY_MASS_SERVICE'`, [u1.alliance_id]);

  // One project per status, written directly.
  for (const status of STATUSES) {
    const { title, description } = secretOf(status);
    const [row] = await s.sql(
      `INSERT INTO shelf_project (alliance_id, unit_id, category_id, title, description, status, review_comment, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '{嵌套可见性}') RETURNING id`,
      [u1.alliance_id, unit1Id, category.id, title, description, status, status === 'REJECTED' ? `嵌套可见性-${status}-审核意见` : null],
    );
    projects[status] = row.id;
  }

  // The path a real project takes: on the shelf, ordered for a need and attached to an activity, then edited by its unit.
  const { committee, unit1 } = clients;
  const created = ok(
    await unit1(`mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id } }`, {
      input: { title: '嵌套可见性-上架时的标题', description: '上架时的说明', categoryCode: 'PARTY_MASS_SERVICE' },
    }),
  ).createShelfProject.id as string;
  ok(await unit1(`mutation($id: ID!) { submitShelfProject(id: $id) { status } }`, { id: created }));
  ok(await committee(`mutation($id: ID!) { reviewShelfProject(id: $id, approve: true) { status } }`, { id: created }));
  projects.edited = created;

  const [need] = await s.sql(
    `INSERT INTO need (alliance_id, grid_id, title, description, requester_name, requester_phone, status)
     VALUES ($1, $2, '嵌套可见性需求', '楼道灯坏了', '居民甲', '13912345678', 'ACCEPTED') RETURNING id`,
    [u1.alliance_id, g1.grid_id],
  );
  needId = need.id;
  const ordered = ok(
    await committee(`mutation($id: ID!, $ids: [ID!]!) { orderNeed(id: $id, shelfProjectIds: $ids) { status } }`, {
      id: needId,
      ids: [projects.ON_SHELF, created],
    }),
  );
  expect(ordered.orderNeed.status).toBe('ORDERED');
  const activity = ok(
    await committee(`mutation($input: ActivityInput!) { createActivity(input: $input) { id } }`, {
      input: {
        title: '嵌套可见性活动',
        description: '联建',
        kind: 'SERVICE',
        startsAt: '2092-01-01T01:00:00Z',
        endsAt: '2092-01-01T03:00:00Z',
        location: '党群服务中心',
        shelfProjectIds: [projects.ON_SHELF, created],
      },
    }),
  );
  activityId = activity.createActivity.id;

  // The others are linked directly: a project ordered or attached while ON_SHELF may later be taken down, or
  // rejected after an edit; the DRAFT stands for any link the rules did not foresee.
  const others = STATUSES.filter((st) => st !== 'ON_SHELF').map((st) => projects[st]);
  await s.sql(`INSERT INTO need_project (need_id, shelf_project_id, alliance_id) SELECT $1, unnest($2::uuid[]), $3`, [needId, others, u1.alliance_id]);
  await s.sql(`INSERT INTO activity_project (activity_id, shelf_project_id, alliance_id) SELECT $1, unnest($2::uuid[]), $3`, [
    activityId,
    others,
    u1.alliance_id,
  ]);

  // Now its unit edits what residents read: back to PENDING_REVIEW, still linked.
  const edited = ok(
    await unit1(`mutation($id: ID!, $v: Int!) { updateShelfProject(id: $id, version: $v, input: { title: "${secretOf('edited').title}", description: "${secretOf('edited').description}" }) { status } }`, {
      id: created,
      v: (await s.sql(`SELECT version FROM shelf_project WHERE id = $1`, [created]))[0].version,
    }),
  );
  expect(edited.updateShelfProject.status).toBe('PENDING_REVIEW');
  expect(await s.sql(`SELECT count(*)::int AS n FROM need_project WHERE need_id = $1`, [needId])).toEqual([{ n: 6 }]);
  expect(await s.sql(`SELECT count(*)::int AS n FROM activity_project WHERE activity_id = $1`, [activityId])).toEqual([{ n: 6 }]);
});
afterAll(() => s?.close());

const PROJECT = `id title description reviewComment tags status unit { id }`;
const keyOf = (id: string) => Object.entries(projects).find(([, v]) => v === id)?.[0];

/**
 * Runs `query` as every role and checks the nested list at `pick` holds exactly
 * the projects that role may read, agrees with shelfProject(id), and that the
 * response nowhere carries a hidden project's content.
 */
async function checkPath(query: string, variables: Record<string, unknown>, pick: (data: any) => { id: string; title: string; status: string }[]) {
  for (const who of WHO) {
    const r = await clients[who](query, variables);
    const data = ok(r);
    const listed = pick(data);
    const mine = listed.map((p) => keyOf(p.id)).filter((k): k is string => k !== undefined);
    expect([...mine].sort(), who).toEqual([...EXPECTED[who]].sort());
    // Whoever may read a project reads all of it.
    for (const p of listed.filter((x) => keyOf(x.id))) expect(p.title, `${who} ${keyOf(p.id)}`).toBe(secretOf(keyOf(p.id)!).title);
    // The same answer as shelfProject(id), project by project.
    for (const [key, id] of Object.entries(projects)) {
      const direct = ok(await clients[who](`query($id: ID!) { shelfProject(id: $id) { id } }`, { id })).shelfProject;
      expect(!!direct, `${who} shelfProject(${key})`).toBe(mine.includes(key));
    }
    // Nothing of a hidden project anywhere in the response.
    const body = JSON.stringify(r);
    for (const key of Object.keys(projects).filter((k) => !EXPECTED[who].includes(k))) {
      expect(body, `${who} sees ${key}`).not.toContain(projects[key]!);
      expect(body, `${who} sees ${key}`).not.toContain(secretOf(key).title);
      expect(body, `${who} sees ${key}`).not.toContain(secretOf(key).description);
      expect(body, `${who} sees ${key}`).not.toContain(`嵌套可见性-${key}-审核意见`);
    }
  }
}

describe('projects reached through other records obey shelfProject(id)', () => {
  it('need.orderedProjects: as the committee, the owning unit, another unit, a grid worker and a viewer', async () => {
    await checkPath(`query($id: ID!) { need(id: $id) { id orderedProjects { ${PROJECT} } } }`, { id: needId }, (d) => d.need.orderedProjects);
    // The same through the list, where the loader answers many needs at once.
    await checkPath(
      `query { needs(first: 100, filter: { status: [ORDERED] }) { nodes { id orderedProjects { ${PROJECT} } } } }`,
      {},
      (d) => d.needs.nodes.find((n: { id: string }) => n.id === needId).orderedProjects,
    );
  });

  it('memberUnit.shelfProjects: as the committee, the owning unit, another unit, a grid worker and a viewer', async () => {
    await checkPath(`query($id: ID!) { memberUnit(id: $id) { id shelfProjects { ${PROJECT} } } }`, { id: unit1Id }, (d) => d.memberUnit.shelfProjects);
    // Asking for a status does not open it: drafts of unit1 only for those who may read them.
    for (const status of ['DRAFT', 'PENDING_REVIEW', 'REJECTED', 'OFF_SHELF']) {
      for (const who of WHO) {
        const r = ok(await clients[who](`query($id: ID!, $st: ShelfStatus) { memberUnit(id: $id) { shelfProjects(status: $st) { id status } } }`, { id: unit1Id, st: status }));
        const mine = r.memberUnit.shelfProjects.map((p: { id: string }) => keyOf(p.id)).filter(Boolean).sort();
        const want = EXPECTED[who].filter((k) => (k === 'edited' ? 'PENDING_REVIEW' : k) === status).sort();
        expect(mine, `${who} ${status}`).toEqual(want);
        expect(r.memberUnit.shelfProjects.every((p: { status: string }) => p.status === status)).toBe(true);
      }
    }
  });

  it('activity.shelfProjects: as the committee, the owning unit, another unit, a grid worker and a viewer', async () => {
    await checkPath(`query($id: ID!) { activity(id: $id) { id shelfProjects { ${PROJECT} } } }`, { id: activityId }, (d) => d.activity.shelfProjects);
    // The same through the list, where the loader answers many activities at once.
    await checkPath(
      `query { activities(first: 100, filter: { status: [DRAFT] }) { nodes { id shelfProjects { ${PROJECT} } } } }`,
      {},
      (d) => d.activities.nodes.find((a: { id: string }) => a.id === activityId).shelfProjects,
    );
  });
});
