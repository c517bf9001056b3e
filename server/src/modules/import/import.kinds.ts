import { COMMUNITY_LIMITS, GENDER_LABELS, GRID_DUTY_LABELS, LIMITS, type Gender, type GridDuty } from '@alliance/shared';
import type { RequestContext } from '../../graphql/context.js';
import { choice, day, integer, namesOf, phone, text } from './import.cells.js';
import type { ImportKind } from './import.types.js';
import { MEMBER_UNIT_IMPORT, SHELF_PROJECT_IMPORT } from './import.alliance-kinds.js';

interface Places {
  grids: Map<string, string>;
  branches: Map<string, { id: string; gridId: string | null }>;
  groups: Map<string, { id: string; branchId: string }>;
  buildings: Set<string>;
}

/** The alliance's grids, branches, groups and building names, by name: what a spreadsheet names. */
async function places(ctx: RequestContext): Promise<Places> {
  const q = (sql: string) => ctx.scope.manager.query(sql, [ctx.scope.allianceId]);
  const [grids, branches, groups, buildings] = await Promise.all([
    q(`SELECT id, name FROM grid WHERE alliance_id = $1 ORDER BY sort_order`),
    q(`SELECT id, name, grid_id FROM party_branch WHERE alliance_id = $1 ORDER BY sort_order`),
    q(`SELECT id, name, branch_id FROM party_group WHERE alliance_id = $1 ORDER BY name`),
    q(`SELECT name FROM building WHERE alliance_id = $1`),
  ]);
  return {
    grids: new Map(grids.map((g: { id: string; name: string }) => [g.name, g.id])),
    branches: new Map(branches.map((b: { id: string; name: string; grid_id: string | null }) => [b.name, { id: b.id, gridId: b.grid_id }])),
    groups: new Map(groups.map((g: { id: string; name: string; branch_id: string }) => [g.name, { id: g.id, branchId: g.branch_id }])),
    buildings: new Set(buildings.map((b: { name: string }) => b.name)),
  };
}

const GENDERS = namesOf<Gender>(GENDER_LABELS);
const DUTIES = namesOf<GridDuty>(GRID_DUTY_LABELS);

interface MemberRow {
  name: string;
  gender: Gender;
  phone: string | null;
  branchId: string;
  groupId: string | null;
  gridId: string | null;
  joinedPartyOn: string | null;
  gridDuty: GridDuty;
}

/** 党员: the same rules as createPartyMember (a group of the branch; a grid duty needs a grid; a grid branch's grid by default). */
export const PARTY_MEMBER_IMPORT: ImportKind<MemberRow, Places> = {
  kind: 'party-members',
  title: '党员名册',
  columns: [
    { key: 'name', header: '姓名', required: true, example: '王秀英', width: 12 },
    { key: 'gender', header: '性别', required: true, example: '女', width: 8, choices: () => Object.values(GENDER_LABELS['zh-CN']) },
    { key: 'phone', header: '手机号', example: '13912345678', width: 16 },
    { key: 'branch', header: '党支部', required: true, example: '第一网格党支部', width: 22, choices: (l) => [...(l as Places).branches.keys()] },
    { key: 'group', header: '党小组', example: '松山小区1号楼党小组', width: 22, choices: (l) => [...(l as Places).groups.keys()] },
    { key: 'grid', header: '服务网格', example: '第一网格', width: 12, choices: (l) => [...(l as Places).grids.keys()] },
    { key: 'duty', header: '网格职责', example: '兼职红色网格员', width: 16, choices: () => Object.values(GRID_DUTY_LABELS['zh-CN']) },
    { key: 'joined', header: '入党日期', example: '2001-07-01', width: 14 },
  ],
  load: places,
  parse(c, l, complain) {
    const name = text(c.name ?? null, '姓名', { max: LIMITS.personName, required: true }, complain);
    const gender = choice(c.gender ?? null, '性别', GENDERS, complain, true);
    const ph = phone(c.phone ?? null, '手机号', complain);
    const branchName = text(c.branch ?? null, '党支部', { max: LIMITS.name, required: true }, complain);
    const branch = branchName ? l.branches.get(branchName) : undefined;
    if (branchName && !branch) complain('党支部', { text: `没有名为“${branchName}”的党支部` });
    let groupId: string | null = null;
    if (c.group !== null && c.group !== undefined) {
      const group = l.groups.get(String(c.group).trim());
      if (!group) complain('党小组', { text: `没有名为“${String(c.group).trim()}”的党小组` });
      else if (branch && group.branchId !== branch.id) complain('党小组', 'GROUP_OF_OTHER_BRANCH');
      else groupId = group.id;
    }
    let gridId: string | null = branch?.gridId ?? null;
    if (c.grid !== null && c.grid !== undefined) {
      gridId = l.grids.get(String(c.grid).trim()) ?? null;
      if (!gridId) complain('服务网格', { text: `没有名为“${String(c.grid).trim()}”的网格` });
    }
    const duty = choice(c.duty ?? null, '网格职责', DUTIES, complain, false) ?? 'NONE';
    if (duty !== 'NONE' && !gridId && (c.grid === null || c.grid === undefined)) complain('服务网格', { text: '担任网格职责的党员须填写服务网格' });
    const joined = day(c.joined ?? null, '入党日期', complain);
    if (!name || !gender || ph === undefined || !branch || joined === undefined) return null;
    return { name, gender, phone: ph, branchId: branch.id, groupId, gridId, joinedPartyOn: joined, gridDuty: duty };
  },
  async write(tx, rows) {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await tx.manager.query(
        `INSERT INTO party_member (alliance_id, name, gender, phone, branch_id, group_id, grid_id, joined_party_on, grid_duty)
         SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[], $6::uuid[], $7::uuid[], $8::date[], $9::varchar[])`,
        [
          tx.allianceId,
          chunk.map((r) => r.name),
          chunk.map((r) => r.gender),
          chunk.map((r) => r.phone),
          chunk.map((r) => r.branchId),
          chunk.map((r) => r.groupId),
          chunk.map((r) => r.gridId),
          chunk.map((r) => r.joinedPartyOn),
          chunk.map((r) => r.gridDuty),
        ],
      );
    }
    return rows.length;
  },
};

interface BuildingRow {
  name: string;
  gridId: string;
  households: number;
}

/** 楼栋: a name unique in the alliance (and in the file), its grid, its households. */
export const BUILDING_IMPORT: ImportKind<BuildingRow, Places> = {
  kind: 'buildings',
  title: '楼栋清单',
  columns: [
    { key: 'name', header: '楼栋名称', required: true, example: '松山小区1号楼', width: 20 },
    { key: 'grid', header: '网格', required: true, example: '第一网格', width: 12, choices: (l) => [...(l as Places).grids.keys()] },
    { key: 'households', header: '户数', required: true, example: 48, width: 8 },
  ],
  load: places,
  parse(c, l, complain, seen) {
    const name = text(c.name ?? null, '楼栋名称', { max: LIMITS.name, required: true }, complain);
    if (name && (l.buildings.has(name) || seen.has(name))) complain('楼栋名称', { text: l.buildings.has(name) ? `楼栋“${name}”已存在` : `楼栋“${name}”在表中重复` });
    const gridName = text(c.grid ?? null, '网格', { max: LIMITS.name, required: true }, complain);
    const gridId = gridName ? l.grids.get(gridName) : undefined;
    if (gridName && !gridId) complain('网格', { text: `没有名为“${gridName}”的网格` });
    const households = integer(c.households ?? null, '户数', COMMUNITY_LIMITS.buildingHouseholds, complain);
    if (name) seen.add(name);
    if (!name || !gridId || households === null || l.buildings.has(name)) return null;
    return { name, gridId, households };
  },
  async write(tx, rows) {
    await tx.manager.query(
      `INSERT INTO building (alliance_id, name, grid_id, households, sort_order)
       SELECT $1, n, g, h, 1000 + o FROM unnest($2::varchar[], $3::uuid[], $4::int[]) WITH ORDINALITY AS t(n, g, h, o)`,
      [tx.allianceId, rows.map((r) => r.name), rows.map((r) => r.gridId), rows.map((r) => r.households)],
    );
    return rows.length;
  },
};

export const IMPORT_KINDS: Record<string, ImportKind<unknown, unknown>> = Object.fromEntries(
  [PARTY_MEMBER_IMPORT, BUILDING_IMPORT, MEMBER_UNIT_IMPORT, SHELF_PROJECT_IMPORT].map((k) => [k.kind, k as unknown as ImportKind<unknown, unknown>]),
);
