import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const GRID = (i: number) => demoId(`songshan:grid:${i}`);
const BRANCH = (i: number) => demoId(`songshan:branch:${i}`);
const ROLES = ['committee', 'unit1', 'grid1', 'viewer'] as const;
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

const MEMBER_FIELDS = `id name gender phone joinedPartyOn gridDuty status version branch { id name } group { name } grid { id } buildings { id } account { username }`;
const CREATE_MEMBER = `mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { ${MEMBER_FIELDS} } }`;
const UPDATE_MEMBER = `mutation($id: ID!, $v: Int!, $input: UpdatePartyMemberInput!) { updatePartyMember(id: $id, version: $v, input: $input) { ${MEMBER_FIELDS} } }`;
const TRANSFER = `mutation($id: ID!, $v: Int!) { transferPartyMember(id: $id, version: $v) { id status transferredOutOn version buildings { id } } }`;
const ASSIGN = `mutation($b: ID!, $m: [ID!]!) { assignBuildingWorkers(buildingId: $b, memberIds: $m) { id covered workers { id } } }`;
const BUILDING = `query($id: ID!) { building(id: $id) { id name covered workers { id name } } }`;
const COVERAGE = `query($g: ID) { coverage(gridId: $g) { buildings buildingsCovered uncoveredBuildings { id name } overloadedWorkers { buildings member { id } } } }`;

let seq = 0;
async function newMember(extra: Record<string, unknown> = {}) {
  seq++;
  const r = await committee(CREATE_MEMBER, {
    input: { name: `测试党员${seq}`, gender: 'FEMALE', phone: '13912345678', branchId: BRANCH(3), gridDuty: 'PART_TIME', joinedPartyOn: '2001-07-01', ...extra },
  });
  expect(r.errors).toBeUndefined();
  return r.data.createPartyMember;
}
async function newBuilding(gridId = GRID(3)) {
  seq++;
  const r = await committee(`mutation($input: BuildingInput!) { createBuilding(input: $input) { id name households covered version grid { id } } }`, {
    input: { name: `测试小区${seq}号楼`, gridId, households: 48 },
  });
  expect(r.errors).toBeUndefined();
  return r.data.createBuilding;
}

describe('the community as the article tells it', () => {
  it('the dashboard reproduces its figures: 5,061 households, 10,221 residents, 10 branches, 12 groups, 285 members', async () => {
    for (const who of ROLES) {
      const r = await (await s.as(who))(`{ dashboard { community { households residents branches gridBranches groups members redGridWorkers buildings buildingsCovered } } }`);
      expect(r.errors, who).toBeUndefined();
      expect(r.data.dashboard.community, who).toEqual({
        households: 5061,
        residents: 10221,
        branches: 10,
        gridBranches: 7,
        groups: 12,
        members: 285,
        redGridWorkers: 189,
        buildings: 98,
        buildingsCovered: 93,
      });
    }
    // The buildings' households add up to the community's.
    const [{ sum }] = await s.sql(`SELECT sum(households)::int AS sum FROM building WHERE alliance_id = $1`, [demoId('songshan')]);
    expect(sum).toBe(5061);
  });

  it('1+7+X: seven grid branches each with its grid and a grid leader linked to its grid worker account, three others', async () => {
    const r = await committee(`{ partyBranches { name kind memberCount grid { id name } groups { name kind } } }`);
    const branches = r.data.partyBranches;
    expect(branches.map((b: { kind: string }) => b.kind)).toEqual([...Array(7).fill('GRID'), 'OTHER', 'OTHER', 'OTHER']);
    expect(branches[0]).toMatchObject({ name: '第一网格党支部', grid: { id: GRID(0), name: '第一网格' } });
    expect(branches.slice(7).map((b: { name: string }) => b.name)).toEqual(['离退休党员党支部', '红色教育党支部', '两新组织联合党支部']);
    expect(branches.reduce((t: number, b: { memberCount: number }) => t + b.memberCount, 0)).toBe(285);
    const leaders = await committee(`{ partyMembers(filter: { gridDuty: [GRID_LEADER] }, first: 20) { totalCount nodes { name grid { id } account { username } } } }`);
    expect(leaders.data.partyMembers.totalCount).toBe(7);
    expect(leaders.data.partyMembers.nodes.find((m: { name: string }) => m.name === '张建国')).toMatchObject({ grid: { id: GRID(0) }, account: { username: 'grid1' } });
    const groups = await committee(`{ partyGroups { name kind branch { name } } }`);
    expect(groups.data.partyGroups).toHaveLength(12);
    const byBranch = await committee(`query($b: ID) { partyGroups(branchId: $b) { name } }`, { b: BRANCH(0) });
    expect(byBranch.data.partyGroups.map((g: { name: string }) => g.name)).toEqual(['松山小区1号楼党小组', '松山小区5号楼党小组']);
  });

  it('the coverage view lists the deliberately short buildings and the worker with too many', async () => {
    const r = await committee(COVERAGE, {});
    expect(r.errors).toBeUndefined();
    expect(r.data.coverage).toMatchObject({ buildings: 98, buildingsCovered: 93 });
    expect(r.data.coverage.uncoveredBuildings).toHaveLength(5);
    expect(r.data.coverage.overloadedWorkers).toHaveLength(1);
    expect(r.data.coverage.overloadedWorkers[0].buildings).toBe(4);
    const grid4 = await committee(COVERAGE, { g: GRID(4) });
    expect(grid4.data.coverage).toMatchObject({ buildings: 13, buildingsCovered: 11 });
    const pic = await committee(`{ gridOverview { grid { name outline } openNeeds overdueNeeds buildings buildingsCovered members } }`);
    expect(pic.data.gridOverview).toHaveLength(7);
    expect(pic.data.gridOverview.every((g: { grid: { outline: string } }) => /^\d/.test(g.grid.outline))).toBe(true);
    expect(pic.data.gridOverview.reduce((t: number, g: { buildingsCovered: number }) => t + g.buildingsCovered, 0)).toBe(93);
  });

  it("last year's commitments evaluated by rating, this year's published; drafts are the committee's", async () => {
    const y = thisYear();
    const r = await committee(`query($y: Int) { dashboard { commitments(year: $y) { year published evaluated drafts byRating { rating count } } } }`, { y: y - 1 });
    const last = r.data.dashboard.commitments;
    expect(last).toMatchObject({ year: y - 1, published: 285, evaluated: 285, drafts: 0 });
    expect(last.byRating.map((x: { rating: string }) => x.rating)).toEqual(['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT']);
    expect(last.byRating.reduce((t: number, x: { count: number }) => t + x.count, 0)).toBe(285);
    const now = await committee(`query($y: Int) { dashboard { commitments(year: $y) { published evaluated drafts } } }`, { y });
    expect(now.data.dashboard.commitments).toEqual({ published: 285 - 15, evaluated: 0, drafts: 15 });
    const count = async (who: string) => (await (await s.as(who))(`query($y: Int!) { commitments(year: $y) { totalCount } }`, { y })).data.commitments.totalCount;
    expect(await count('committee')).toBe(285);
    expect(await count('viewer')).toBe(270);
    expect(await count('unit1')).toBe(270);
  });
});

describe('who sees what of a party member', () => {
  it('the committee everything; others names and duties with phones masked; the viewer masked names', async () => {
    const m = await newMember({ name: '欧阳秀英', gridId: GRID(0), branchId: BRANCH(0) });
    const read = async (who: string) => (await (await s.as(who))(`query($id: ID!) { partyMember(id: $id) { name gender phone joinedPartyOn gridDuty account { id } branch { name } } }`, { id: m.id })).data.partyMember;
    expect(await read('committee')).toEqual({ name: '欧阳秀英', gender: 'FEMALE', phone: '13912345678', joinedPartyOn: '2001-07-01', gridDuty: 'PART_TIME', account: null, branch: { name: '第一网格党支部' } });
    // A grid worker of the member's own grid sees its red grid workers' phones; of another grid, masked.
    expect(await read('grid1')).toEqual({ name: '欧阳秀英', gender: null, phone: '13912345678', joinedPartyOn: null, gridDuty: 'PART_TIME', account: null, branch: { name: '第一网格党支部' } });
    expect((await read('grid2')).phone).toBe('139****5678');
    expect(await read('unit1')).toEqual({ name: '欧阳秀英', gender: null, phone: '139****5678', joinedPartyOn: null, gridDuty: 'PART_TIME', account: null, branch: { name: '第一网格党支部' } });
    expect(await read('viewer')).toEqual({ name: '欧阳**', gender: null, phone: '139****5678', joinedPartyOn: null, gridDuty: 'PART_TIME', account: null, branch: { name: '第一网格党支部' } });
    // A member of no duty: the grid's worker sees the phone masked.
    const plain = await newMember({ gridId: GRID(0), branchId: BRANCH(0), gridDuty: 'NONE' });
    expect((await (await s.as('grid1'))(`query($id: ID!) { partyMember(id: $id) { phone } }`, { id: plain.id })).data.partyMember.phone).toBe('139****5678');
  });

  it("the viewer's search matches only a surname, which is all it is shown; the committee finds phones", async () => {
    await newMember({ name: '诸葛明亮', phone: '13600001111' });
    const search = async (who: string, term: string) =>
      (await (await s.as(who))(`query($t: String) { partyMembers(filter: { search: $t }, first: 100) { totalCount nodes { name } } }`, { t: term })).data.partyMembers;
    expect((await search('committee', '诸葛明亮')).totalCount).toBe(1);
    expect((await search('committee', '00001111')).nodes).toEqual([{ name: '诸葛明亮' }]);
    expect((await search('unit1', '00001111')).totalCount).toBe(0);
    expect((await search('viewer', '诸葛明亮')).totalCount).toBe(0);
    expect((await search('viewer', '诸葛')).nodes).toEqual([{ name: '诸葛**' }]);
  });

  it('lists page by name to every role, with filters', async () => {
    for (const who of ROLES) {
      const client = await s.as(who);
      const page1 = await client(`{ partyMembers(filter: { status: ACTIVE }, first: 100) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }`);
      expect(page1.errors, who).toBeUndefined();
      expect(page1.data.partyMembers.totalCount, who).toBeGreaterThanOrEqual(285);
      const page2 = await client(`query($a: String) { partyMembers(filter: { status: ACTIVE }, first: 100, after: $a) { nodes { id } } }`, { a: page1.data.partyMembers.pageInfo.endCursor });
      const ids = new Set(page1.data.partyMembers.nodes.map((n: { id: string }) => n.id));
      expect(page2.data.partyMembers.nodes.some((n: { id: string }) => ids.has(n.id)), who).toBe(false);
    }
    const out = await committee(`{ partyMembers(filter: { status: TRANSFERRED_OUT }) { totalCount } }`);
    expect(out.data.partyMembers.totalCount).toBeGreaterThanOrEqual(3);
    const red = await committee(`query($g: ID) { partyMembers(filter: { gridId: $g, gridDuty: [FULL_TIME, PART_TIME], status: ACTIVE }) { totalCount } }`, { g: GRID(4) });
    expect(red.data.partyMembers.totalCount).toBe(13 * 2 - 3);
  });
});

describe('the committee keeps the party organisation', () => {
  it('creates and edits branches and groups; a grid branch names its grid, one per grid', async () => {
    const noGrid = await committee(`mutation { createPartyBranch(input: { name: "新网格支部", kind: GRID }) { id } }`);
    expect(noGrid.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gridId', reason: 'REQUIRED' });
    const taken = await committee(`mutation($g: ID) { createPartyBranch(input: { name: "新网格支部", kind: GRID, gridId: $g }) { id } }`, { g: GRID(0) });
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gridId', reason: 'DUPLICATE' });
    const dup = await committee(`mutation { createPartyBranch(input: { name: "离退休党员党支部", kind: OTHER }) { id } }`);
    expect(dup.errors![0]!.extensions).toMatchObject({ field: 'name', reason: 'DUPLICATE' });
    const created = await committee(`mutation { createPartyBranch(input: { name: "  社区志愿者党支部 ", kind: OTHER }) { id name kind version grid { id } } }`);
    expect(created.data.createPartyBranch).toMatchObject({ name: '社区志愿者党支部', kind: 'OTHER', version: 1, grid: null });
    const b = created.data.createPartyBranch;
    const renamed = await committee(`mutation($id: ID!) { updatePartyBranch(id: $id, version: 1, input: { name: "社区志愿服务党支部" }) { name version } }`, { id: b.id });
    expect(renamed.data.updatePartyBranch).toEqual({ name: '社区志愿服务党支部', version: 2 });
    const stale = await committee(`mutation($id: ID!) { updatePartyBranch(id: $id, version: 1, input: { name: "又改名" }) { name } }`, { id: b.id });
    expect(codeOf(stale)).toBe('CONFLICT');
    const group = await committee(`mutation($b: ID!) { createPartyGroup(input: { name: "志愿者党小组", kind: OTHER, branchId: $b }) { id version branch { id } } }`, { b: b.id });
    expect(group.data.createPartyGroup.branch.id).toBe(b.id);
    const moved = await committee(`mutation($id: ID!, $b: ID) { updatePartyGroup(id: $id, version: 1, input: { kind: STREET, branchId: $b }) { kind version branch { id } } }`, {
      id: group.data.createPartyGroup.id,
      b: BRANCH(9),
    });
    expect(moved.data.updatePartyGroup).toEqual({ kind: 'STREET', version: 2, branch: { id: BRANCH(9) } });
    expect((await s.sql(`SELECT name FROM party_branch WHERE id = $1`, [b.id]))[0].name).toBe('社区志愿服务党支部');
  });

  it('community profile: the committee edits it, with its version; bad values write nothing', async () => {
    const before = (await committee(`{ alliance { households residents foundedYear profileVersion } }`)).data.alliance;
    expect(before).toMatchObject({ households: 5061, residents: 10221, foundedYear: 2002 });
    const bad = await committee(`mutation { updateCommunityProfile(input: { households: -1 }) { households } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'households' });
    const ok = await committee(`mutation($v: Int) { updateCommunityProfile(input: { residents: 10300 }, version: $v) { households residents profileVersion } }`, { v: before.profileVersion });
    expect(ok.data.updateCommunityProfile).toEqual({ households: 5061, residents: 10300, profileVersion: before.profileVersion + 1 });
    const stale = await committee(`mutation($v: Int) { updateCommunityProfile(input: { residents: 1 }, version: $v) { residents } }`, { v: before.profileVersion });
    expect(codeOf(stale)).toBe('CONFLICT');
    const [row] = await s.sql(`SELECT residents FROM alliance WHERE id = $1`, [demoId('songshan')]);
    expect(row.residents).toBe(10300);
    const audit = await s.sql(`SELECT summary FROM audit_entry WHERE action = 'COMMUNITY_PROFILE' ORDER BY at`);
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ before: { residents: 10221 }, after: { residents: 10300 } });
    await committee(`mutation { updateCommunityProfile(input: { residents: 10221 }) { residents } }`);
  });

  it('members: a group of another branch, a duty without a grid, a non-grid-worker account, a bad phone are refused, nothing written', async () => {
    const [{ n: before }] = await s.sql(`SELECT count(*)::int AS n FROM party_member`);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ groupId: demoId('songshan:group:0') }, 'groupId', 'GROUP_OF_OTHER_BRANCH'],
      [{ branchId: BRANCH(8), gridDuty: 'FULL_TIME' }, 'gridId', 'REQUIRED'],
      [{ accountId: demoId('songshan:user:unit1') }, 'accountId', 'NOT_ALLOWED_FOR_ROLE'],
      [{ accountId: demoId('songshan:user:grid1') }, 'accountId', 'DUPLICATE'],
      [{ phone: '12345' }, 'phone', 'INVALID_PHONE'],
      [{ branchId: 'nope' }, 'branchId', 'INVALID_ID'],
      [{ branchId: demoId('songlin:branch:0') }, 'branchId', 'INVALID_ID'],
      [{ name: '' }, 'name', 'REQUIRED'],
    ];
    for (const [extra, field, reason] of cases) {
      const r = await committee(CREATE_MEMBER, { input: { name: '某党员', gender: 'MALE', branchId: BRANCH(3), gridDuty: 'PART_TIME', ...extra } });
      expect(r.errors?.[0]?.extensions, JSON.stringify(extra)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const [{ n: after }] = await s.sql(`SELECT count(*)::int AS n FROM party_member`);
    expect(after).toBe(before);
  });

  it('updates with its version; a grid branch member serves its grid by default; a linked account shows', async () => {
    const m = await newMember({ branchId: BRANCH(2), gridDuty: 'NONE' });
    expect(m.grid.id).toBe(GRID(2));
    const r = await committee(UPDATE_MEMBER, { id: m.id, v: m.version, input: { phone: null, gridDuty: 'FULL_TIME', accountId: demoId('songshan:user:grid-new') } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updatePartyMember).toMatchObject({ phone: null, gridDuty: 'FULL_TIME', version: m.version + 1, account: { username: 'grid-new' } });
    expect(codeOf(await committee(UPDATE_MEMBER, { id: m.id, v: m.version, input: { name: '改名' } }))).toBe('CONFLICT');
    expect((await s.sql(`SELECT name FROM party_member WHERE id = $1`, [m.id]))[0].name).toBe(m.name);
  });
});

describe('buildings and coverage', () => {
  it('two red grid workers of its own grid cover a building; anyone else is refused and nothing is written', async () => {
    const b = await newBuilding(GRID(3));
    expect(b.covered).toBe(false);
    const [w1, w2] = [await newMember({ gridId: GRID(3) }), await newMember({ gridId: GRID(3), gridDuty: 'FULL_TIME' })];
    const leader = await newMember({ gridId: GRID(3), gridDuty: 'GRID_LEADER' });
    const plain = await newMember({ gridId: GRID(3), gridDuty: 'NONE' });
    const otherGrid = await newMember({ gridId: GRID(4), branchId: BRANCH(4) });
    for (const wrong of [leader, plain, otherGrid]) {
      const r = await committee(ASSIGN, { b: b.id, m: [w1.id, wrong.id] });
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberIds', reason: 'NOT_RED_GRID_WORKER' });
    }
    expect(await s.sql(`SELECT * FROM building_worker WHERE building_id = $1`, [b.id])).toEqual([]);
    const before = (await committee(COVERAGE, { g: GRID(3) })).data.coverage;
    const one = await committee(ASSIGN, { b: b.id, m: [w1.id] });
    expect(one.data.assignBuildingWorkers).toMatchObject({ covered: false, workers: [{ id: w1.id }] });
    const two = await committee(ASSIGN, { b: b.id, m: [w1.id, w2.id, w2.id] });
    expect(two.data.assignBuildingWorkers.covered).toBe(true);
    expect(two.data.assignBuildingWorkers.workers.map((w: { id: string }) => w.id).sort()).toEqual([w1.id, w2.id].sort());
    const after = (await committee(COVERAGE, { g: GRID(3) })).data.coverage;
    expect(after).toMatchObject({ buildings: before.buildings, buildingsCovered: before.buildingsCovered + 1 });
    expect(after.uncoveredBuildings.map((x: { id: string }) => x.id)).not.toContain(b.id);
  });

  it('coverage follows workers who move: a transfer, a change of duty, a move to another grid uncover the building', async () => {
    const covered = async (id: string) => (await committee(BUILDING, { id })).data.building.covered;
    const dashboardCovered = async () => (await committee(`{ dashboard { community { buildingsCovered members } } }`)).data.dashboard.community;
    for (const move of ['transfer', 'duty', 'grid'] as const) {
      const b = await newBuilding(GRID(5));
      const w1 = await newMember({ gridId: GRID(5), branchId: BRANCH(5) });
      const w2 = await newMember({ gridId: GRID(5), branchId: BRANCH(5) });
      await committee(ASSIGN, { b: b.id, m: [w1.id, w2.id] });
      expect(await covered(b.id), move).toBe(true);
      const figures = await dashboardCovered();
      const r =
        move === 'transfer'
          ? await committee(TRANSFER, { id: w2.id, v: w2.version })
          : await committee(UPDATE_MEMBER, { id: w2.id, v: w2.version, input: move === 'duty' ? { gridDuty: 'NONE' } : { gridId: GRID(6) } });
      expect(r.errors, move).toBeUndefined();
      expect(await covered(b.id), move).toBe(false);
      const worker = await committee(`query($id: ID!) { partyMember(id: $id) { status buildings { id } } }`, { id: w2.id });
      expect(worker.data.partyMember.buildings, move).toEqual([]);
      expect(await dashboardCovered(), move).toEqual({
        buildingsCovered: figures.buildingsCovered - 1,
        members: figures.members - (move === 'transfer' ? 1 : 0),
      });
      expect(await s.sql(`SELECT member_id FROM building_worker WHERE building_id = $1`, [b.id]), move).toEqual([{ member_id: w1.id }]);
    }
  });

  it('a transferred member stays in history, cannot be transferred or edited again, and cannot be assigned', async () => {
    const m = await newMember({ gridId: GRID(3) });
    const t = await committee(TRANSFER, { id: m.id, v: m.version });
    expect(t.data.transferPartyMember).toMatchObject({ status: 'TRANSFERRED_OUT', version: m.version + 1 });
    expect(t.data.transferPartyMember.transferredOutOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(codeOf(await committee(TRANSFER, { id: m.id, v: m.version + 1 }))).toBe('CONFLICT');
    expect(await s.sql(`SELECT action, summary->>'name' AS name FROM audit_entry WHERE subject_id = $1`, [m.id])).toEqual([{ action: 'PARTY_MEMBER_TRANSFER', name: m.name }]);
    expect(codeOf(await committee(UPDATE_MEMBER, { id: m.id, v: m.version + 1, input: { name: '回来' } }))).toBe('CONFLICT');
    const b = await newBuilding(GRID(3));
    const r = await committee(ASSIGN, { b: b.id, m: [m.id] });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MEMBER_TRANSFERRED' });
  });

  it('moving a building to another grid releases its workers; buildings list by grid to every role', async () => {
    const b = await newBuilding(GRID(3));
    const w = [await newMember({ gridId: GRID(3) }), await newMember({ gridId: GRID(3) })];
    await committee(ASSIGN, { b: b.id, m: w.map((x) => x.id) });
    const moved = await committee(`mutation($id: ID!, $g: ID) { updateBuilding(id: $id, version: 1, input: { gridId: $g, households: 60 }) { households covered version grid { id } workers { id } } }`, { id: b.id, g: GRID(2) });
    expect(moved.data.updateBuilding).toEqual({ households: 60, covered: false, version: 2, grid: { id: GRID(2) }, workers: [] });
    for (const who of ROLES) {
      const r = await (await s.as(who))(`query($g: ID) { buildings(gridId: $g) { name households covered workers { name phone } } }`, { g: GRID(0) });
      expect(r.errors, who).toBeUndefined();
      expect(r.data.buildings, who).toHaveLength(16);
      const phones = r.data.buildings.flatMap((x: { workers: { phone: string }[] }) => x.workers.map((y) => y.phone));
      // Grid 0's own worker and the committee read them; the others masked.
      expect(phones.every((p: string) => p.includes('****')), who).toBe(who !== 'committee' && who !== 'grid1');
      if (who === 'viewer') expect(r.data.buildings[0].workers[0].name).toMatch(/\*\*$/);
    }
  });
});

describe('1个承诺: the yearly commitment', () => {
  const CREATE = `mutation($input: CommitmentInput!) { createCommitment(input: $input) { id status version year category text publishedAt rating } }`;
  const FIELDS = `id status version rating evaluationComment publishedAt evaluatedAt notes { text }`;

  it('DRAFT -> PUBLISHED (progress notes) -> EVALUATED, each step once, with its version', async () => {
    const m = await newMember({ gridDuty: 'NONE' });
    const year = thisYear() + 1;
    const c = (await committee(CREATE, { input: { memberId: m.id, year, category: 'VOLUNTEER', text: '全年参加志愿服务不少于40小时' } })).data.createCommitment;
    expect(c).toMatchObject({ status: 'DRAFT', version: 1, publishedAt: null, rating: null });
    const dup = await committee(CREATE, { input: { memberId: m.id, year, category: 'STUDY', text: '另一个' } });
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', reason: 'DUPLICATE' });
    // Not yet public: only the committee sees the draft.
    expect((await (await s.as('viewer'))(`query($id: ID!) { commitment(id: $id) { id } }`, { id: c.id })).data.commitment).toBeNull();
    // Progress and evaluation wait for publication.
    expect(codeOf(await committee(`mutation($id: ID!) { addCommitmentProgress(id: $id, text: "进展") { id } }`, { id: c.id }))).toBe('CONFLICT');
    expect(codeOf(await committee(`mutation($id: ID!) { evaluateCommitment(id: $id, version: 1, rating: EXCELLENT) { id } }`, { id: c.id }))).toBe('CONFLICT');
    const edited = await committee(`mutation($id: ID!) { updateCommitment(id: $id, version: 1, input: { text: "全年志愿服务不少于50小时" }) { text version } }`, { id: c.id });
    expect(edited.data.updateCommitment).toEqual({ text: '全年志愿服务不少于50小时', version: 2 });
    expect(codeOf(await committee(`mutation($id: ID!) { publishCommitment(id: $id, version: 1) { id } }`, { id: c.id }))).toBe('CONFLICT');
    const published = (await committee(`mutation($id: ID!) { publishCommitment(id: $id, version: 2) { ${FIELDS} } }`, { id: c.id })).data.publishCommitment;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 3 });
    expect(published.publishedAt).not.toBeNull();
    expect(codeOf(await committee(`mutation($id: ID!) { updateCommitment(id: $id, version: 3, input: { text: "改" }) { id } }`, { id: c.id }))).toBe('CONFLICT');
    const bad = await committee(`mutation($id: ID!) { addCommitmentProgress(id: $id, text: "  ") { id } }`, { id: c.id });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', reason: 'REQUIRED' });
    const noted = (await committee(`mutation($id: ID!) { addCommitmentProgress(id: $id, text: "上半年已服务26小时") { ${FIELDS} } }`, { id: c.id })).data.addCommitmentProgress;
    expect(noted).toMatchObject({ status: 'PUBLISHED', notes: [{ text: '上半年已服务26小时' }] });
    const evaluated = (
      await committee(`mutation($id: ID!, $v: Int!) { evaluateCommitment(id: $id, version: $v, rating: BASICALLY_COMPETENT, comment: "部分完成") { ${FIELDS} } }`, { id: c.id, v: noted.version })
    ).data.evaluateCommitment;
    expect(evaluated).toMatchObject({ status: 'EVALUATED', rating: 'BASICALLY_COMPETENT', evaluationComment: '部分完成' });
    expect(codeOf(await committee(`mutation($id: ID!, $v: Int!) { evaluateCommitment(id: $id, version: $v, rating: EXCELLENT) { id } }`, { id: c.id, v: evaluated.version }))).toBe('CONFLICT');
    // The committee's decision is in the audit log, written with it; the refused second one wrote nothing.
    expect(await s.sql(`SELECT action, subject_type, summary FROM audit_entry WHERE subject_id = $1`, [c.id])).toEqual([
      { action: 'COMMITMENT_EVALUATE', subject_type: 'COMMITMENT', summary: { year, rating: 'BASICALLY_COMPETENT', comment: '部分完成' } },
    ]);
    const figures = (await committee(`query($y: Int) { dashboard { commitments(year: $y) { published evaluated byRating { rating count } } } }`, { y: year })).data.dashboard.commitments;
    expect(figures).toEqual({
      published: 1,
      evaluated: 1,
      byRating: [
        { rating: 'EXCELLENT', count: 0 },
        { rating: 'COMPETENT', count: 0 },
        { rating: 'BASICALLY_COMPETENT', count: 1 },
        { rating: 'INCOMPETENT', count: 0 },
      ],
    });
    // Now public, with the member's name masked for the viewer.
    const seen = await (await s.as('viewer'))(`query($y: Int!) { commitments(year: $y) { totalCount nodes { rating member { name } } } }`, { y: year });
    expect(seen.data.commitments).toEqual({ totalCount: 1, nodes: [{ rating: 'BASICALLY_COMPETENT', member: { name: '测**' } }] });
  });

  it('a member who left makes no commitment; a year out of range is bad input', async () => {
    const m = await newMember({ gridDuty: 'NONE' });
    await committee(TRANSFER, { id: m.id, v: m.version });
    const r = await committee(CREATE, { input: { memberId: m.id, year: thisYear(), category: 'OTHER', text: '承诺' } });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', reason: 'MEMBER_TRANSFERRED' });
    const year = await committee(`{ commitments(year: 1800) { totalCount } }`);
    expect(year.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const filtered = await committee(`query($y: Int!, $b: ID) { commitments(year: $y, filter: { rating: EXCELLENT, branchId: $b }) { totalCount nodes { rating member { branch { id } } } } }`, { y: thisYear() - 1, b: BRANCH(7) });
    expect(filtered.data.commitments.totalCount).toBeGreaterThan(0);
    expect(filtered.data.commitments.nodes.every((n: { rating: string; member: { branch: { id: string } } }) => n.rating === 'EXCELLENT' && n.member.branch.id === BRANCH(7))).toBe(true);
  });
});

describe('roles', () => {
  it('every community mutation is the committee\'s alone', async () => {
    const mutations = [
      `mutation { updateCommunityProfile(input: { households: 1 }) { id } }`,
      `mutation($g: ID!) { updateGridOutline(gridId: $g, outline: "0,0 1,0 1,1") { id } }`,
      `mutation { createPartyBranch(input: { name: "x", kind: OTHER }) { id } }`,
      `mutation($b: ID!) { assignBuildingWorkers(buildingId: $b, memberIds: []) { id } }`,
      `mutation($b: ID!) { createPartyMember(input: { name: "x", gender: MALE, branchId: $b }) { id } }`,
    ];
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const client = await s.as(who);
      for (const doc of mutations) {
        const r = await client(doc, { g: GRID(0), b: BRANCH(0) });
        expect(codeOf(r), `${who} ${doc}`).toBe('FORBIDDEN');
      }
    }
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM party_branch WHERE name = 'x'`);
    expect(n).toBe(0);
  });

  it('another alliance sees none of it', async () => {
    const n = await s.as('n-committee');
    const r = await n(`{ partyBranches { id } buildings { id } partyMembers { totalCount } dashboard { community { members buildings households } } }`);
    expect(r.data.partyBranches).toEqual([]);
    expect(r.data.buildings).toEqual([]);
    expect(r.data.partyMembers.totalCount).toBe(0);
    expect(r.data.dashboard.community).toEqual({ members: 0, buildings: 0, households: null });
    const foreign = await n(`query($id: ID!) { building(id: $id) { id } }`, { id: demoId('songshan:building:0:0') });
    expect(foreign.data.building).toBeNull();
  });

  it('the committee draws a grid outline; a malformed one is refused', async () => {
    const bad = await committee(`mutation($g: ID!) { updateGridOutline(gridId: $g, outline: "M 0 0 L 10 10") { id } }`, { g: GRID(6) });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outline', reason: 'INVALID_FORMAT' });
    const ok = await committee(`mutation($g: ID!) { updateGridOutline(gridId: $g, outline: "770,335 950,350 940,655 745,670") { outline } }`, { g: GRID(6) });
    expect(ok.data.updateGridOutline.outline).toBe('770,335 950,350 940,655 745,670');
  });
});
