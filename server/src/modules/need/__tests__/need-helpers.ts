import { expect } from 'vitest';
import type { NeedStatus } from '@alliance/shared';
import { codeOf, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/** What the tests read back of a need. */
export const NEED = `id status version title plan dueAt resolution satisfaction resolvedAt followedUpAt overdue requesterPhone
  grid { id name } category { code } assignee { id username }
  orderedProjects { id unit { id } } claimedBy { id name }
  history { at from to comment actor { username } }`;

export const M = {
  report: `mutation($input: ReportNeedInput!) { reportNeed(input: $input) { ${NEED} } }`,
  screen: `mutation($id: ID!, $accept: Boolean!, $comment: String) { screenNeed(id: $id, accept: $accept, comment: $comment) { ${NEED} } }`,
  order: `mutation($id: ID!, $ids: [ID!]!, $comment: String) { orderNeed(id: $id, shelfProjectIds: $ids, comment: $comment) { ${NEED} } }`,
  claim: `mutation($id: ID!) { claimNeed(id: $id) { ${NEED} } }`,
  plan: `mutation($id: ID!, $plan: String!, $dueAt: DateTime!) { planNeed(id: $id, plan: $plan, dueAt: $dueAt) { ${NEED} } }`,
  assign: `mutation($id: ID!, $assigneeId: ID!) { assignNeed(id: $id, assigneeId: $assigneeId) { ${NEED} } }`,
  resolve: `mutation($id: ID!, $resolution: String!) { resolveNeed(id: $id, resolution: $resolution) { ${NEED} } }`,
  followUp: `mutation($id: ID!, $satisfaction: Int!, $comment: String) { followUpNeed(id: $id, satisfaction: $satisfaction, comment: $comment) { ${NEED} } }`,
  replan: `mutation($id: ID!, $version: Int!, $plan: String!, $dueAt: DateTime!, $reason: String!) {
    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) { ${NEED} } }`,
  reassign: `mutation($id: ID!, $version: Int!, $assigneeId: ID!, $reason: String!) {
    reassignNeed(id: $id, version: $version, assigneeId: $assigneeId, reason: $reason) { ${NEED} } }`,
  withdrawOrder: `mutation($id: ID!, $version: Int!, $reason: String!) { withdrawNeedOrder(id: $id, version: $version, reason: $reason) { ${NEED} } }`,
  reopen: `mutation($id: ID!, $version: Int!, $reason: String!) { reopenNeed(id: $id, version: $version, reason: $reason) { ${NEED} } }`,
};

/** The same operations with `version` (optional on the loop's steps, required on the corrections). */
export const MV = {
  screen: `mutation($id: ID!, $accept: Boolean!, $comment: String, $version: Int) { screenNeed(id: $id, accept: $accept, comment: $comment, version: $version) { ${NEED} } }`,
  order: `mutation($id: ID!, $ids: [ID!]!, $version: Int) { orderNeed(id: $id, shelfProjectIds: $ids, version: $version) { ${NEED} } }`,
  claim: `mutation($id: ID!, $version: Int) { claimNeed(id: $id, version: $version) { ${NEED} } }`,
  plan: `mutation($id: ID!, $plan: String!, $dueAt: DateTime!, $version: Int) { planNeed(id: $id, plan: $plan, dueAt: $dueAt, version: $version) { ${NEED} } }`,
  assign: `mutation($id: ID!, $assigneeId: ID!, $version: Int) { assignNeed(id: $id, assigneeId: $assigneeId, version: $version) { ${NEED} } }`,
  resolve: `mutation($id: ID!, $resolution: String!, $version: Int) { resolveNeed(id: $id, resolution: $resolution, version: $version) { ${NEED} } }`,
  followUp: `mutation($id: ID!, $satisfaction: Int!, $version: Int) { followUpNeed(id: $id, satisfaction: $satisfaction, version: $version) { ${NEED} } }`,
};

export const Q = {
  need: `query($id: ID!) { need(id: $id) { ${NEED} } }`,
  needs: `query($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id status reportedAt overdue dueAt requesterPhone title } } }`,
};

/** The data of a result that must have succeeded. */
export function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

export function expectError(r: GqlResult, code: string, field?: string) {
  expect(codeOf(r), JSON.stringify(r.errors)).toBe(code);
  if (field !== undefined) expect(r.errors![0]!.extensions!.field).toBe(field);
  expect(r.data == null || Object.values(r.data).every((v) => v === null)).toBe(true);
}

export interface World {
  s: TestServer;
  committee: Client;
  unit1: Client;
  unit2: Client;
  grid1: Client;
  grid2: Client;
  viewer: Client;
  nCommittee: Client;
  nUnit1: Client;
  userId: Record<'committee' | 'unit1' | 'unit2' | 'grid1' | 'grid2' | 'viewer' | 'nCommittee', string>;
  unitId: { unit1: string; unit2: string };
  /** grids[0] is grid1's, grids[1] grid2's. */
  grids: { id: string; name: string }[];
  /** ON_SHELF projects of the alliance with their unit. */
  onShelf: { id: string; unit: { id: string; name: string } }[];
  offShelf: { id: string }[];
  neighbourProject: string;
}

export async function world(s: TestServer): Promise<World> {
  const [committee, unit1, unit2, grid1, grid2, viewer, nCommittee, nUnit1] = await Promise.all(
    ['committee', 'unit1', 'unit2', 'grid1', 'grid2', 'viewer', 'n-committee', 'n-unit1'].map((u) => s.as(u)),
  );
  const me = async (c: Client) => ok(await c(`{ me { id unit { id } grid { id } } }`)).me;
  const [mc, mu1, mu2, mg1, mg2, mv, mn] = await Promise.all([committee, unit1, unit2, grid1, grid2, viewer, nCommittee].map((c) => me(c!)));
  const grids = ok(await committee!(`{ alliance { grids { id name } } }`)).alliance.grids as { id: string; name: string }[];
  // grid1 and grid2 work in the first two grids.
  const g = [grids.find((x) => x.id === mg1.grid.id)!, grids.find((x) => x.id === mg2.grid.id)!, ...grids.filter((x) => x.id !== mg1.grid.id && x.id !== mg2.grid.id)];
  const shelf = async (c: Client, status: string) =>
    ok(await c(`query($s: ShelfStatus) { shelfProjects(filter: { status: $s }, first: 100) { nodes { id unit { id name } } } }`, { s: status })).shelfProjects.nodes;
  return {
    s,
    committee: committee!,
    unit1: unit1!,
    unit2: unit2!,
    grid1: grid1!,
    grid2: grid2!,
    viewer: viewer!,
    nCommittee: nCommittee!,
    nUnit1: nUnit1!,
    userId: { committee: mc.id, unit1: mu1.id, unit2: mu2.id, grid1: mg1.id, grid2: mg2.id, viewer: mv.id, nCommittee: mn.id },
    unitId: { unit1: mu1.unit.id, unit2: mu2.unit.id },
    grids: g,
    onShelf: await shelf(committee!, 'ON_SHELF'),
    offShelf: await shelf(committee!, 'OFF_SHELF'),
    neighbourProject: (await shelf(nCommittee!, 'ON_SHELF'))[0]!.id,
  };
}

let counter = 0;

export function reportInput(w: World, extra: Record<string, unknown> = {}) {
  counter++;
  return {
    title: `楼道灯坏了（测试${counter}）`,
    description: '3号楼2单元楼道灯不亮，老人夜间上下楼不便。',
    gridId: w.grids[0]!.id,
    location: '3号楼2单元',
    categoryCode: 'LIVELIHOOD_SECURITY',
    requesterName: '居民甲',
    requesterPhone: '13912345678',
    ...extra,
  };
}

export const DAY = 86_400_000;

/** The order of the loop, and how the committee (or the assignee) takes each step. */
export const PATH: NeedStatus[] = ['REPORTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];

export interface DriveOptions {
  input?: Record<string, unknown>;
  /** Shelf projects to order against (default: the first ON_SHELF one). */
  projects?: string[];
  /** Units claiming while ACCEPTED. */
  claimers?: Client[];
  assignee?: { client: Client; id: string };
  dueAt?: Date;
  satisfaction?: number;
}

/** A new need taken through the loop up to `status` (REJECTED: screened out). Returns the last response's need. */
export async function driveTo(w: World, status: NeedStatus, o: DriveOptions = {}): Promise<any> {
  let need = ok(await w.committee(M.report, { input: reportInput(w, o.input) })).reportNeed;
  if (status === 'REPORTED') return need;
  if (status === 'REJECTED') return ok(await w.committee(M.screen, { id: need.id, accept: false, comment: '不属于社区受理范围' })).screenNeed;
  need = ok(await w.committee(M.screen, { id: need.id, accept: true })).screenNeed;
  for (const c of o.claimers ?? []) need = ok(await c(M.claim, { id: need.id })).claimNeed;
  if (status === 'ACCEPTED') return need;
  need = ok(await w.committee(M.order, { id: need.id, ids: o.projects ?? [w.onShelf[0]!.id] })).orderNeed;
  if (status === 'ORDERED') return need;
  const dueAt = o.dueAt ?? new Date(Date.now() + 7 * DAY);
  // A due date must lie ahead when planned: a past one is planned ahead, then moved back
  // with SQL, as if the days had gone by (the version stays, as time changes nothing).
  const past = dueAt.getTime() <= Date.now();
  need = ok(await w.committee(M.plan, { id: need.id, plan: '联系供电服务站更换灯具', dueAt: past ? new Date(Date.now() + DAY).toISOString() : dueAt.toISOString() })).planNeed;
  if (past) {
    await w.s.sql(`UPDATE need SET due_at = $2 WHERE id = $1`, [need.id, dueAt]);
    need = { ...need, dueAt: dueAt.toISOString(), overdue: true };
  }
  if (status === 'PLANNED') return need;
  const assignee = o.assignee ?? { client: w.grid1, id: w.userId.grid1 };
  need = ok(await w.committee(M.assign, { id: need.id, assigneeId: assignee.id })).assignNeed;
  if (status === 'IN_PROGRESS') return need;
  need = ok(await assignee.client(M.resolve, { id: need.id, resolution: '已更换LED灯具' })).resolveNeed;
  if (status === 'RESOLVED') return need;
  need = ok(await w.committee(M.followUp, { id: need.id, satisfaction: o.satisfaction ?? 4, comment: '居民满意' })).followUpNeed;
  return need;
}

/** Everything a need step may write, to show that a refused step wrote nothing. */
export async function snapshot(s: TestServer, needId: string) {
  const [row] = await s.sql(
    `SELECT status, version, plan, due_at, assignee_id, resolution, satisfaction, resolved_at, followed_up_at, updated_at,
            (SELECT count(*)::int FROM need_event e WHERE e.need_id = n.id) AS events,
            (SELECT count(*)::int FROM need_claim c WHERE c.need_id = n.id) AS claims,
            (SELECT count(*)::int FROM need_project p WHERE p.need_id = n.id) AS projects,
            (SELECT count(*)::int FROM points_entry pe WHERE pe.source_id = n.id) AS points,
            (SELECT count(*)::int FROM audit_entry a WHERE a.subject_id = n.id::text) AS audits
       FROM need n WHERE n.id = $1`,
    [needId],
  );
  return row;
}

export async function pointsOf(c: Client, unitId: string): Promise<number> {
  return ok(await c(`query($id: ID!) { memberUnit(id: $id) { points } }`, { id: unitId })).memberUnit.points;
}

export async function needCount(s: TestServer): Promise<number> {
  const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM need`);
  return n;
}
