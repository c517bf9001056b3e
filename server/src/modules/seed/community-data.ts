import type { EntityManager } from 'typeorm';
import type { CommitmentCategory, CommitmentRating, GridDuty, PartyGroupKind } from '@alliance/shared';
import { localDate } from '@alliance/shared';
import { demoId, random } from './ids.js';

/*
 * The community itself, as the article reports it (docs/domain.md): 5,061
 * households and 10,221 residents; 10 party branches (7 grid branches and 3
 * others), 12 party groups, 285 party members; every grid led by a branch
 * committee member (网格长), two red grid workers for each building, a few
 * buildings deliberately short of them (so the coverage view has something to
 * show) and one worker with too many; last year's commitments evaluated, this
 * year's published or still drafts. Names and phones are invented.
 */

export const COMMUNITY_FIGURES = {
  households: 5061,
  residents: 10221,
  foundedYear: 2002,
  branches: 10,
  groups: 12,
  members: 285,
} as const;

/** Buildings per grid (98 in all), and their households add up to the community's. */
const BUILDINGS_PER_GRID = [16, 15, 14, 14, 13, 13, 13];
/** Buildings left short of workers: [grid, building index, workers it has]. */
const SHORT_BUILDINGS: [number, number, number][] = [
  [2, 13, 1],
  [4, 11, 0],
  [4, 12, 1],
  [6, 11, 0],
  [6, 12, 1],
];
export const DEMO_BUILDINGS = BUILDINGS_PER_GRID.reduce((a, b) => a + b, 0);
export const DEMO_BUILDINGS_COVERED = DEMO_BUILDINGS - SHORT_BUILDINGS.length;

/**
 * The grids' shapes in the schematic picture (1000 × 700): the community
 * between 松山路 (north) and 河东路 (south), four grids above the commercial
 * street, three below.
 */
const GRID_OUTLINES = [
  '40,40 270,30 285,330 50,345',
  '270,30 520,45 515,320 285,330',
  '520,45 760,35 770,335 515,320',
  '760,35 965,60 950,350 770,335',
  '50,345 285,330 515,320 500,660 60,640',
  '515,320 770,335 745,670 500,660',
  '770,335 950,350 940,655 745,670',
];

const OTHER_BRANCHES = ['离退休党员党支部', '红色教育党支部', '两新组织联合党支部'];

/** The 12 groups (the "X"): [name, kind, branch index (0–6 grid branches, 7–9 the others)]. */
const GROUPS: [string, PartyGroupKind, number][] = [
  ['松山小区1号楼党小组', 'BUILDING', 0],
  ['松山小区5号楼党小组', 'BUILDING', 0],
  ['松山小区18号楼党小组', 'BUILDING', 1],
  ['松山小区26号楼党小组', 'BUILDING', 2],
  ['松山小区33号楼党小组', 'BUILDING', 3],
  ['康馨园2号楼党小组', 'BUILDING', 4],
  ['康馨园9号楼党小组', 'BUILDING', 5],
  ['北山家园3号楼党小组', 'BUILDING', 6],
  ['中央商业街党小组', 'STREET', 9],
  ['松山路商铺党小组', 'STREET', 9],
  ['松山棚改工地党小组', 'SITE', 5],
  ['老干部党小组', 'OTHER', 7],
];

/** Members of no grid duty per branch (0–6 grid branches, then the others): 89 in all. */
const PLAIN_MEMBERS = [5, 5, 5, 5, 5, 5, 5, 30, 10, 14];

const ESTATES = ['松山小区', '松山小区', '松山小区', '松山小区', '康馨园', '康馨园', '北山家园'];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '立新', '玉梅', '春生', '晓光', '丽华', '国庆', '红梅', '德明', '淑珍', '振华', '凤霞', '永刚', '雪梅', '文斌', '秀兰', '明辉', '亚军', '玉珍', '卫东', '晓燕', '宏伟', '金凤', '长林', '素芬', '学军', '爱华', '建平', '丽娟', '志远', '海英', '春华'];

/** Grid leaders carry the names of the demo grid workers' accounts they are linked to. */
const LEADERS: [string, string][] = [
  ['张建国', 'grid1'],
  ['马丽', 'grid2'],
  ['高玉兰', 'songshan-grid3'],
  ['邓海军', 'songshan-grid4'],
  ['彭晓梅', 'songshan-grid5'],
  ['曹志强', 'songshan-grid6'],
  ['蒋桂芳', 'songshan-grid7'],
];

const COMMITMENTS: Record<CommitmentCategory, string[]> = {
  SERVE_RESIDENTS: ['每月走访联系楼栋住户不少于2次，及时收集反映群众诉求', '为楼栋独居老人每周上门问候一次，帮助解决生活困难', '协助网格员做好楼道安全隐患排查，发现问题当天上报'],
  VOLUNTEER: ['全年参加社区志愿服务不少于40小时', '参与创城创卫楼道清理和环境整治活动每月不少于1次', '加入社区疫情防控志愿队，随时响应社区号召'],
  STUDY: ['坚持每日学习“学习强国”，全年积分不少于8000分', '每季度参加一次党史学习教育专题讨论并交流心得', '认真参加“三会一课”，全年无故缺席不超过1次'],
  JOB_EXCELLENCE: ['立足岗位作表率，全年服务群众零投诉', '发挥专业特长，为居民提供免费法律咨询不少于6次', '带头参与单位技术攻关，争创岗位能手'],
  NEIGHBOURHOOD: ['调解邻里矛盾纠纷，做到小事不出楼栋', '组织楼栋居民开展“邻里节”活动，促进邻里和睦', '帮助楼栋困难家庭子女课业辅导，每周一次'],
  OTHER: ['带头践行垃圾分类，带动本单元住户分类投放', '带头文明养犬、文明停车，劝导不文明行为'],
};
const CATEGORY_LIST = Object.keys(COMMITMENTS) as CommitmentCategory[];

const EVALUATION_COMMENTS: Record<CommitmentRating, string> = {
  EXCELLENT: '承诺事项全部兑现，群众评价高，评为优秀。',
  COMPETENT: '承诺事项基本兑现，发挥了党员作用。',
  BASICALLY_COMPETENT: '部分承诺事项未完成，需进一步加强。',
  INCOMPETENT: '承诺事项大部分未兑现，组织谈话提醒。',
};

/** Loads the main demo alliance's community; runs inside the demo seed's transaction, once. */
export async function seedCommunity(m: EntityManager, now: Date): Promise<void> {
  const rand = random(1101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const key = 'songshan';
  const allianceId = demoId(key);
  const id = (kind: string, n: number | string) => demoId(`${key}:${kind}:${n}`);
  const gridId = (g: number) => id('grid', g);

  await m.query(`UPDATE alliance SET households = $2, residents = $3, founded_year = $4 WHERE id = $1`, [
    allianceId,
    COMMUNITY_FIGURES.households,
    COMMUNITY_FIGURES.residents,
    COMMUNITY_FIGURES.foundedYear,
  ]);
  for (const [g, outline] of GRID_OUTLINES.entries()) await m.query(`UPDATE grid SET outline = $2 WHERE id = $1`, [gridId(g), outline]);

  // 1 + 7 + X: seven grid branches named as their grids' branches, three others.
  const gridNames: { id: string; branch_name: string }[] = await m.query(`SELECT id, branch_name FROM grid WHERE alliance_id = $1`, [allianceId]);
  const branchNameOf = new Map(gridNames.map((g) => [g.id, g.branch_name]));
  const branches = [
    ...BUILDINGS_PER_GRID.map((_, g) => ({ id: id('branch', g), name: branchNameOf.get(gridId(g))!, kind: 'GRID', gridId: gridId(g) })),
    ...OTHER_BRANCHES.map((name, i) => ({ id: id('branch', 7 + i), name, kind: 'OTHER', gridId: null })),
  ];
  await bulk(m, 'party_branch', ['id', 'alliance_id', 'name', 'kind', 'grid_id', 'sort_order'], branches.map((b, i) => [b.id, allianceId, b.name, b.kind, b.gridId, i]));
  await bulk(m, 'party_group', ['id', 'alliance_id', 'branch_id', 'name', 'kind'], GROUPS.map(([name, kind, b], i) => [id('group', i), allianceId, branches[b]!.id, name, kind]));
  const groupsOf = (b: number) => GROUPS.flatMap(([, , branch], i) => (branch === b ? [id('group', i)] : []));

  // Buildings, their households adding up to the community's.
  const buildings: { id: string; grid: number; index: number; name: string; households: number }[] = [];
  let number = 1;
  BUILDINGS_PER_GRID.forEach((count, g) => {
    for (let i = 0; i < count; i++) buildings.push({ id: id('building', `${g}:${i}`), grid: g, index: i, name: `${ESTATES[g]}${number++}号楼`, households: 0 });
  });
  let left: number = COMMUNITY_FIGURES.households;
  buildings.forEach((b, i) => {
    const share = i === buildings.length - 1 ? left : Math.round(left / (buildings.length - i) + (rand() - 0.5) * 24);
    b.households = share;
    left -= share;
  });
  await bulk(m, 'building', ['id', 'alliance_id', 'grid_id', 'name', 'households', 'sort_order'], buildings.map((b) => [b.id, allianceId, gridId(b.grid), b.name, b.households, b.index]));

  // Members: a leader per grid, two red grid workers per building (fewer for the short ones), the rest without duty.
  interface Member { id: string; name: string; gender: string; phone: string; branchId: string; groupId: string | null; gridId: string | null; joined: string; duty: GridDuty; status: string; out: string | null; accountId: string | null }
  const members: Member[] = [];
  const usedNames = new Set(LEADERS.map(([n]) => n));
  const newName = () => {
    for (;;) {
      const n = `${pick(Array.from(SURNAMES))}${pick(GIVEN)}`;
      if (!usedNames.has(n)) return usedNames.add(n), n;
    }
  };
  const joined = () => {
    const y = 1965 + Math.floor(rand() * 56);
    return `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  };
  const member = (o: Partial<Member> & { branch: number; duty: GridDuty; grid: number | null }): Member => {
    const n = members.length;
    const row: Member = {
      id: id('member', n),
      name: o.name ?? newName(),
      gender: rand() < 0.52 ? 'FEMALE' : 'MALE',
      phone: `1${pick(['39', '58', '86', '37', '52'])}${String(4701000 + n * 37 + Math.floor(rand() * 30)).padStart(8, '0')}`,
      branchId: branches[o.branch]!.id,
      groupId: o.groupId === undefined ? (groupsOf(o.branch).length && rand() < 0.6 ? pick(groupsOf(o.branch)) : null) : o.groupId,
      gridId: o.grid === null ? null : gridId(o.grid),
      joined: joined(),
      duty: o.duty,
      status: o.status ?? 'ACTIVE',
      out: o.out ?? null,
      accountId: o.accountId ?? null,
    };
    members.push(row);
    return row;
  };
  const assignments: [string, string][] = [];
  BUILDINGS_PER_GRID.forEach((count, g) => {
    member({ name: LEADERS[g]![0], branch: g, duty: 'GRID_LEADER', grid: g, accountId: id('user', LEADERS[g]![1]) });
    for (let i = 0; i < count; i++) {
      const short = SHORT_BUILDINGS.find(([sg, si]) => sg === g && si === i);
      const workers = short ? short[2] : 2;
      for (let w = 0; w < workers; w++) {
        const worker = member({ branch: g, duty: rand() < 0.35 ? 'FULL_TIME' : 'PART_TIME', grid: g });
        assignments.push([id('building', `${g}:${i}`), worker.id]);
      }
    }
  });
  // One full-time worker of the first grid also looks after three more buildings: too many (the coverage view lists him).
  const busy = members.find((x) => x.gridId === gridId(0) && x.duty !== 'GRID_LEADER')!;
  busy.duty = 'FULL_TIME';
  for (const i of [5, 6, 7]) assignments.push([id('building', `0:${i}`), busy.id]);
  PLAIN_MEMBERS.forEach((count, b) => {
    for (let i = 0; i < count; i++) member({ branch: b, duty: 'NONE', grid: b < 7 ? b : null });
  });
  // History: members who moved away, kept and counted nowhere.
  for (const b of [1, 7, 9]) member({ branch: b, duty: 'NONE', grid: b < 7 ? b : null, status: 'TRANSFERRED_OUT', out: localDate(new Date(now.getTime() - (40 + b * 20) * 86_400_000)) });
  await bulk(
    m,
    'party_member',
    ['id', 'alliance_id', 'name', 'gender', 'phone', 'branch_id', 'group_id', 'grid_id', 'joined_party_on', 'grid_duty', 'status', 'transferred_out_on', 'account_id'],
    members.map((x) => [x.id, allianceId, x.name, x.gender, x.phone, x.branchId, x.groupId, x.gridId, x.joined, x.duty, x.status, x.out, x.accountId]),
  );
  await bulk(m, 'building_worker', ['building_id', 'member_id', 'alliance_id'], assignments.map(([b, w]) => [b, w, allianceId]));

  // 1个承诺: last year's all evaluated at the democratic evaluation; this year's published, a few still drafts, with progress notes.
  const thisYear = Number(localDate(now).slice(0, 4));
  const active = members.filter((x) => x.status === 'ACTIVE');
  const commitments: unknown[][] = [];
  const notes: unknown[][] = [];
  const committee = id('user', 'committee');
  const at = (y: number, month: number, day: number) => new Date(Date.UTC(y, month - 1, day, 2, 0));
  active.forEach((x, n) => {
    const lastCategory = pick(CATEGORY_LIST);
    const r = rand();
    const rating: CommitmentRating = r < 0.3 ? 'EXCELLENT' : r < 0.9 ? 'COMPETENT' : r < 0.98 ? 'BASICALLY_COMPETENT' : 'INCOMPETENT';
    const last = id('commitment', `${thisYear - 1}:${n}`);
    commitments.push([last, allianceId, x.id, thisYear - 1, lastCategory, pick(COMMITMENTS[lastCategory]), 'EVALUATED', at(thisYear - 1, 3, 1), rating, EVALUATION_COMMENTS[rating], at(thisYear - 1, 12, 20)]);
    if (n % 3 === 0) notes.push([id('commitment-note', `${thisYear - 1}:${n}`), allianceId, last, committee, at(thisYear - 1, 7, 1), '上半年承诺事项推进顺利，已完成过半。']);
    const category = pick(CATEGORY_LIST);
    const draft = n % 19 === 0;
    const current = id('commitment', `${thisYear}:${n}`);
    const published = at(thisYear, 3, 1);
    commitments.push([current, allianceId, x.id, thisYear, category, pick(COMMITMENTS[category]), draft ? 'DRAFT' : 'PUBLISHED', draft || published > now ? null : published, null, null, null]);
    if (!draft && n % 4 === 0 && published < now) notes.push([id('commitment-note', `${thisYear}:${n}`), allianceId, current, committee, published, '承诺已在楼栋公示栏公开，正在按计划推进。']);
  });
  await bulk(m, 'commitment', ['id', 'alliance_id', 'member_id', 'year', 'category', 'text', 'status', 'published_at', 'rating', 'evaluation_comment', 'evaluated_at'], commitments);
  await bulk(m, 'commitment_note', ['id', 'alliance_id', 'commitment_id', 'author_id', 'at', 'text'], notes);
}

/** One INSERT per 500 rows: the demo seed stays fast. */
async function bulk(m: EntityManager, table: string, columns: string[], rows: unknown[][]) {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`).join(', ');
    await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, params);
  }
}
