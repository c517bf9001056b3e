import {
  ACTIVITY_LIFECYCLE,
  activityPoints,
  creditCodeCheckChar,
  lifecyclePath,
  lifecyclePathThrough,
  localDate,
  NEED_LIFECYCLE,
  needPoints,
  type ActivityStatus,
  type NeedStatus,
  type PointsRow,
} from '@alliance/shared';

/*
 * The city-scale data set, generated in memory one alliance at a time from a
 * seeded pseudo-random sequence and `now`, and written as PostgreSQL COPY text.
 * Per alliance at scale 1: 200 units, 1,000 shelf projects, 5,000 needs with
 * their histories, 2,000 activities and about 20,000 sign-ups, with the points
 * ledger those earn. L is 50 such alliances.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface SizeSpec {
  alliances: number;
  /** Rows per alliance relative to the city shape (1 = 200 units, 1,000 projects ...). */
  scale: number;
  grids: number;
}

export const SIZES: Record<string, SizeSpec> = {
  /** One alliance of a city: the size of one community's admin. */
  S: { alliances: 1, scale: 1, grids: 8 },
  M: { alliances: 10, scale: 1, grids: 8 },
  /** 10,000 units, 50,000 projects, 250,000 needs, 100,000 activities, 1,000,000 sign-ups. */
  L: { alliances: 50, scale: 1, grids: 8 },
  /** For the CI smoke test only. */
  tiny: { alliances: 2, scale: 0.1, grids: 3 },
};

/** The bench accounts' password (not the demo one: production refuses that). */
export const BENCH_PASSWORD = 'bench-password-city-scale';
export const committeeName = (a: number) => `bench-a${a}-committee`;
export const unitAdminName = (a: number, u: number) => `bench-a${a}-unit${u}`;

/** The word the shelf scenario (Q1) searches for; about a third of the projects mention it. */
export const SEARCH_WORD = '志愿';
export const Q1_CATEGORY = 'LIVELIHOOD_SECURITY';

export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }
  float() {
    return this.next();
  }
  int(lo: number, hi: number) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number) {
    return this.next() < p;
  }
  /** A version-4-shaped UUID from the sequence: random like gen_random_uuid(), but reproducible. */
  uuid(): string {
    const h = [0, 1, 2, 3].map(() => ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  /** k distinct indexes of 0..n-1. */
  sample(n: number, k: number): number[] {
    k = Math.min(k, n);
    const seen = new Set<number>();
    while (seen.size < k) seen.add(Math.floor(this.next() * n));
    return [...seen];
  }
}

// ---------------------------------------------------------------- vocabulary

const CATEGORIES = [
  { code: 'PARTY_MASS_SERVICE', name: '党群服务' },
  { code: 'ENVIRONMENT_SANITATION', name: '环境卫生' },
  { code: 'LIVELIHOOD_SECURITY', name: '民生保障' },
] as const;

const PROJECT_THEMES: Record<string, string[]> = {
  PARTY_MASS_SERVICE: ['政策宣讲', '党员志愿服务', '法律咨询', '红色观影', '理论学习辅导', '心理疏导', '读书分享会', '便民理发', '书法进社区', '亲子阅读'],
  ENVIRONMENT_SANITATION: ['楼道清理', '垃圾分类宣传', '绿化养护', '小广告清除', '楼道照明维修', '下水道疏通', '环境整治', '病媒消杀', '冬季清雪', '车棚整理'],
  LIVELIHOOD_SECURITY: ['义诊', '老人助餐', '家电维修', '儿童托管', '就业指导', '燃气安全检查', '助残服务', '用电安全检查', '代购代办', '上门护理'],
};
const TAGS = ['老年人', '儿童', '残疾人', '困难家庭', '上门', '免费', '每周', '每月', '节假日', '夜间', '冬季', '党员'];
const UNIT_KINDS = [
  { kind: 'GOVERNMENT_AGENCY', nouns: ['税务所', '派出所', '市场监管所', '司法所', '街道办'], prefix: '11' },
  { kind: 'PUBLIC_INSTITUTION', nouns: ['小学', '中学', '医院', '幼儿园', '图书馆', '卫生院'], prefix: '12' },
  { kind: 'STATE_ENTERPRISE', nouns: ['供电服务站', '燃气公司', '自来水公司', '银行支行', '邮政所'], prefix: '91' },
  { kind: 'PRIVATE_ENTERPRISE', nouns: ['物业公司', '律师事务所', '超市', '家政服务社', '药房', '餐饮公司'], prefix: '91' },
  { kind: 'SOCIAL_ORGANIZATION', nouns: ['志愿者协会', '书画社', '老年协会', '社工服务中心'], prefix: '51' },
  { kind: 'OTHER', nouns: ['商会', '联合会'], prefix: '93' },
] as const;
const PLACES = ['松山', '松林', '健康', '北山', '河东', '南门', '新华', '中央', '平安', '胜利', '光明', '友谊', '民主', '和平', '幸福', '青年'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建国红梅晓燕志刚海波文春华立新国强丽萍'.split('');
const ADDRESS_FORMS = ['先生', '女士', '阿姨', '大爷', '奶奶', '师傅', '大姐'];
const NEED_THEMES: Record<string, { title: string; detail: string }[]> = {
  PARTY_MASS_SERVICE: [
    { title: '独居老人希望有人陪伴聊天', detail: '老人子女在外地，平时一个人在家，希望有志愿者定期上门陪伴。' },
    { title: '居民咨询退休手续办理', detail: '想了解退休手续需要准备哪些材料，希望有人讲解。' },
    { title: '楼栋需要政策宣讲', detail: '很多居民不了解新出台的医保政策，希望组织一次宣讲。' },
  ],
  ENVIRONMENT_SANITATION: [
    { title: '楼道灯坏了', detail: '单元楼道的声控灯坏了一个多星期，晚上上下楼很不方便。' },
    { title: '楼道堆放杂物', detail: '楼道里堆了很多纸箱和旧家具，存在消防隐患。' },
    { title: '下水道堵塞返味', detail: '小区下水道堵塞，雨后污水外溢，气味很大。' },
    { title: '冬季路面结冰', detail: '小区主路结冰，老人出行容易滑倒，希望清理。' },
  ],
  LIVELIHOOD_SECURITY: [
    { title: '老人需要上门理发', detail: '行动不便的老人很久没有理发，希望有人上门服务。' },
    { title: '家中燃气灶打不着火', detail: '燃气灶点火困难，担心有安全隐患，希望有人上门检查。' },
    { title: '残疾人家庭需要助餐', detail: '家中有重度残疾人，做饭困难，希望纳入助餐服务。' },
    { title: '孩子放学后无人照看', detail: '双职工家庭，孩子放学后没人照看，希望有托管服务。' },
  ],
};
const ACTIVITY_KINDS = ['CIVILIZED_CITY', 'ASSISTANCE', 'EPIDEMIC_PREVENTION', 'SERVICE', 'SERVICE', 'SERVICE', 'OTHER'] as const;
const ACTIVITY_TITLES: Record<string, string[]> = {
  CIVILIZED_CITY: ['创城志愿清扫行动', '文明交通劝导', '小区环境大扫除'],
  ASSISTANCE: ['困难家庭走访慰问', '助老帮扶日', '爱心义卖'],
  EPIDEMIC_PREVENTION: ['疫苗接种引导', '防疫知识宣传', '核酸检测志愿服务'],
  SERVICE: ['便民服务集市', '共驻共建服务日', '党员进社区服务'],
  OTHER: ['联建单位座谈会', '主题党日联学', '邻里节'],
};
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const gridName = (i: number) => `第${CN_NUMBERS[i] ?? i + 1}网格`;

// ---------------------------------------------------------------- COPY text

/** One value in COPY's text format. */
function v(x: string | number | boolean | Date | null | undefined): string {
  if (x === null || x === undefined) return '\\N';
  if (x instanceof Date) return x.toISOString();
  if (typeof x !== 'string') return String(x);
  return x.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
const arr = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
/** The alliance's local date of an instant (Asia/Shanghai), as the server counts days. */
const day = (t: number) => localDate(new Date(t));

export interface TableData {
  table: string;
  columns: string[];
  lines: string[];
}

export const TABLES: { table: string; columns: string[] }[] = [
  { table: 'alliance', columns: ['id', 'name', 'region_name', 'created_at'] },
  { table: 'grid', columns: ['id', 'alliance_id', 'name', 'branch_name', 'sort_order'] },
  { table: 'service_category', columns: ['id', 'alliance_id', 'code', 'name', 'sort_order'] },
  {
    table: 'member_unit',
    columns: ['id', 'alliance_id', 'name', 'kind', 'credit_code', 'party_org_name', 'party_member_count', 'contact_name', 'contact_phone', 'address', 'status', 'joined_at', 'created_at', 'updated_at', 'version'],
  },
  { table: 'agreement', columns: ['id', 'alliance_id', 'unit_id', 'signed_at', 'valid_until', 'responsibilities', 'created_at'] },
  { table: 'app_user', columns: ['id', 'alliance_id', 'username', 'password_hash', 'display_name', 'role', 'unit_id', 'grid_id', 'created_at'] },
  {
    table: 'shelf_project',
    columns: ['id', 'alliance_id', 'unit_id', 'category_id', 'title', 'description', 'status', 'review_comment', 'capacity_per_month', 'tags', 'created_at', 'updated_at', 'version'],
  },
  {
    table: 'need',
    columns: ['id', 'alliance_id', 'grid_id', 'category_id', 'title', 'description', 'location', 'requester_name', 'requester_phone', 'status', 'plan', 'due_at', 'assignee_id', 'resolution', 'satisfaction', 'reported_by', 'reported_at', 'resolved_at', 'followed_up_at', 'created_at', 'updated_at', 'version'],
  },
  { table: 'need_project', columns: ['need_id', 'shelf_project_id', 'alliance_id', 'created_at'] },
  { table: 'need_claim', columns: ['need_id', 'unit_id', 'alliance_id', 'claimed_by', 'created_at'] },
  { table: 'need_delivery', columns: ['need_id', 'unit_id', 'alliance_id', 'created_at'] },
  { table: 'need_event', columns: ['alliance_id', 'need_id', 'actor_id', 'at', 'from_status', 'to_status', 'comment'] },
  {
    table: 'activity',
    columns: ['id', 'alliance_id', 'title', 'description', 'kind', 'category_id', 'status', 'starts_at', 'ends_at', 'location', 'max_units', 'confirmed_count', 'outcome_participants', 'outcome_volunteer_hours', 'outcome_beneficiaries', 'outcome_summary', 'cancel_reason', 'created_at', 'updated_at', 'version'],
  },
  { table: 'activity_project', columns: ['activity_id', 'shelf_project_id', 'alliance_id'] },
  { table: 'activity_need', columns: ['activity_id', 'need_id', 'alliance_id'] },
  { table: 'signup', columns: ['id', 'alliance_id', 'activity_id', 'unit_id', 'status', 'headcount', 'note', 'created_at', 'updated_at'] },
  { table: 'points_entry', columns: ['alliance_id', 'unit_id', 'points', 'source', 'source_id', 'note', 'earned_at'] },
];

/*
 * Histories are written by the rules the demo seed uses too (shared/): a
 * need's events walk NEED_LIFECYCLE from REPORTED (lifecyclePath), an
 * activity's version counts its steps through ACTIVITY_LIFECYCLE, points are
 * what needPoints/activityPoints give.
 */
const needPath = (status: NeedStatus): NeedStatus[] => ['REPORTED', ...lifecyclePath(NEED_LIFECYCLE, 'REPORTED', status).map((s) => s.to)];
const activityVersion = (status: ActivityStatus) =>
  1 + lifecyclePathThrough(ACTIVITY_LIFECYCLE, status === 'CANCELLED' ? ['DRAFT', 'OPEN', 'CANCELLED'] : ['DRAFT', status]).length;
const pointsLine = (allianceId: string, p: PointsRow, note: string) => [allianceId, p.unitId, p.points, p.source, p.sourceId, note, p.earnedAt];

function creditCode(rng: Rng, prefix: string): string {
  let body = `${prefix}150702`;
  while (body.length < 17) body += String(rng.int(0, 9));
  return body + creditCodeCheckChar(body)!;
}

const phone = (rng: Rng) => `1${rng.pick(['3', '5', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
const person = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');

/**
 * All rows of alliance number `a` (0-based), as COPY text lines per table, in
 * TABLES order (parents before children). Sign-ups are decided in time order
 * exactly as the server would: CONFIRMED while confirmed < max_units, else
 * WAITLISTED; activity.confirmed_count is the number of CONFIRMED rows.
 */
export function generateAlliance(a: number, spec: SizeSpec, now: number, passwordHash: string): TableData[] {
  const rng = new Rng(1_000_003 * (a + 1) + 7);
  const n = (x: number) => Math.max(1, Math.round(x * spec.scale));
  const out = new Map<string, string[]>(TABLES.map((t) => [t.table, []]));
  const emit = (table: string, values: unknown[]) => out.get(table)!.push(values.map((x) => v(x as never)).join('\t'));
  const allianceId = rng.uuid();
  const place = PLACES[a % PLACES.length]! + (a >= PLACES.length ? String(Math.floor(a / PLACES.length) + 1) : '');
  const created = new Date(now - 6 * 365 * DAY);
  emit('alliance', [allianceId, `${place}社区区域化党建联盟`, `呼伦贝尔市海拉尔区${place}街道${place}社区`, created]);

  const grids = Array.from({ length: spec.grids }, (_, i) => rng.uuid());
  grids.forEach((id, i) => emit('grid', [id, allianceId, gridName(i), `${gridName(i)}党支部`, i]));
  const categories = CATEGORIES.map((c) => ({ ...c, id: rng.uuid() }));
  categories.forEach((c, i) => emit('service_category', [c.id, allianceId, c.code, c.name, i]));

  // Member units, their agreements and their admins.
  const unitCount = n(200);
  const units: { id: string; name: string; status: string; joined: number; adminId: string }[] = [];
  for (let u = 0; u < unitCount; u++) {
    const k = rng.pick(UNIT_KINDS);
    const name = `${rng.pick(PLACES)}${rng.pick(k.nouns)}${u + 1}`;
    const joined = now - rng.int(30, 6 * 365) * DAY;
    const status = rng.chance(0.95) ? 'ACTIVE' : rng.chance(0.6) ? 'SUSPENDED' : 'WITHDRAWN';
    const id = rng.uuid();
    units.push({ id, name, status, joined, adminId: rng.uuid() });
    emit('member_unit', [
      id, allianceId, name, k.kind, rng.chance(0.9) ? creditCode(rng, k.prefix) : null, `${name}党支部`, rng.int(3, 80),
      person(rng), phone(rng), `${rng.pick(PLACES)}路${rng.int(1, 200)}号`, status, day(joined), new Date(joined), new Date(joined), 1,
    ]);
    const text = `${name}与社区党委共建：一、按月提供货架服务项目；二、参与联建活动；三、党员到社区报到服务。`;
    if (now - joined > 3 * 365 * DAY && rng.chance(0.5)) {
      const signed = joined + 10 * DAY;
      emit('agreement', [rng.uuid(), allianceId, id, day(signed), day(signed + 2 * 365 * DAY), text, new Date(signed)]);
    }
    if (rng.chance(0.8)) {
      const signed = now - rng.int(10, 700) * DAY;
      emit('agreement', [rng.uuid(), allianceId, id, day(signed), day(signed + rng.int(1, 3) * 365 * DAY), text, new Date(signed)]);
    }
  }
  const committeeId = rng.uuid();
  emit('app_user', [committeeId, allianceId, committeeName(a), passwordHash, `社区党委管理员${a}`, 'COMMITTEE_ADMIN', null, null, created]);
  units.forEach((u, i) => emit('app_user', [u.adminId, allianceId, unitAdminName(a, i), passwordHash, `${person(rng)}（${u.name}）`, 'UNIT_ADMIN', u.id, null, created]));
  const gridWorkers = grids.map((g, i) => {
    const id = rng.uuid();
    emit('app_user', [id, allianceId, `bench-a${a}-grid${i}`, passwordHash, `${person(rng)}（${gridName(i)}）`, 'GRID_WORKER', null, g, created]);
    return id;
  });
  emit('app_user', [rng.uuid(), allianceId, `bench-a${a}-viewer`, passwordHash, '街道领导', 'VIEWER', null, null, created]);

  // The shelf: a third of the projects mention volunteers (the Q1 search word).
  const projectCount = n(1000);
  const onShelf: Record<string, { id: string; unit: number }[]> = Object.fromEntries(CATEGORIES.map((c) => [c.code, []]));
  for (let p = 0; p < projectCount; p++) {
    const unit = rng.int(0, unitCount - 1);
    const cat = rng.pick(categories);
    const theme = rng.pick(PROJECT_THEMES[cat.code]!);
    const r = rng.float();
    const status = r < 0.75 ? 'ON_SHELF' : r < 0.83 ? 'DRAFT' : r < 0.88 ? 'PENDING_REVIEW' : r < 0.93 ? 'OFF_SHELF' : 'REJECTED';
    const at = now - rng.int(1, 3 * 365) * DAY - rng.int(0, DAY);
    const volunteers = rng.chance(0.33);
    const description =
      `${units[unit]!.name}为辖区居民提供${theme}服务，` +
      (volunteers ? `由单位党员志愿者组成服务队，` : `由专业人员负责，`) +
      `每月${rng.int(1, 8)}次，服务对象以${rng.pick(TAGS)}为主，需提前三天预约。`;
    const id = rng.uuid();
    const tags = rng.sample(TAGS.length, rng.int(0, 3)).map((i) => TAGS[i]!);
    emit('shelf_project', [
      id, allianceId, units[unit]!.id, cat.id, `${theme}（${units[unit]!.name}）`, description, status,
      status === 'REJECTED' ? '服务内容不够具体，请补充时间和对象' : status === 'OFF_SHELF' ? '单位暂停提供该服务' : null,
      rng.chance(0.3) ? null : rng.int(1, 20), arr(tags), new Date(at), new Date(at + rng.int(0, 30) * DAY), rng.int(1, 4),
    ]);
    if (status === 'ON_SHELF') onShelf[cat.code]!.push({ id, unit });
  }
  const anyOnShelf = Object.values(onShelf).flat();

  // Needs over the last two years, with their whole history and the points they earned.
  const needCount = n(5000);
  const needIds: string[] = [];
  for (let i = 0; i < needCount; i++) {
    const g = rng.int(0, spec.grids - 1);
    const cat = rng.chance(0.9) ? rng.pick(categories) : null;
    const theme = rng.pick(NEED_THEMES[cat?.code ?? rng.pick(CATEGORIES).code]!);
    const reported = now - rng.int(0, 730 * 24) * HOUR - rng.int(0, HOUR);
    const age = (now - reported) / DAY;
    const r = rng.float();
    let status: NeedStatus;
    if (age > 60) status = r < 0.55 ? 'CLOSED' : r < 0.7 ? 'RESOLVED' : r < 0.8 ? 'REJECTED' : r < 0.88 ? 'IN_PROGRESS' : r < 0.93 ? 'PLANNED' : r < 0.97 ? 'ORDERED' : r < 0.99 ? 'ACCEPTED' : 'REPORTED';
    else status = r < 0.15 ? 'REPORTED' : r < 0.3 ? 'ACCEPTED' : r < 0.45 ? 'ORDERED' : r < 0.6 ? 'PLANNED' : r < 0.75 ? 'IN_PROGRESS' : r < 0.9 ? 'RESOLVED' : r < 0.95 ? 'CLOSED' : 'REJECTED';
    const id = rng.uuid();
    needIds.push(id);
    const reporter = rng.chance(0.85) ? gridWorkers[g]! : committeeId;
    // Walk the lifecycle up to the status, one event per step.
    const path = needPath(status);
    const span = Math.max(HOUR, Math.min(now - reported, 40 * DAY));
    const times = path.map((_, k) => reported + Math.floor((span * k) / path.length) + (k ? rng.int(0, HOUR) : 0));
    const step = (s: NeedStatus) => times[path.indexOf(s)] ?? null;
    const ordered = path.includes('ORDERED');
    const projects = ordered && cat && onShelf[cat.code]!.length ? rng.sample(onShelf[cat.code]!.length, rng.int(1, 2)).map((k) => onShelf[cat.code]![k]!) : [];
    const claimers = path.includes('ACCEPTED') && (projects.length === 0 || rng.chance(0.25)) ? rng.sample(unitCount, rng.int(1, 2)) : [];
    if (ordered && projects.length === 0 && claimers.length === 0) claimers.push(rng.int(0, unitCount - 1));
    const helping = [...new Set([...projects.map((p) => p.unit), ...claimers])];
    // The plan names the delivering units, who alone earn the need's points: all the helping units by
    // default; where claimers helped beside the projects' units, every other such need is delivered by
    // the projects' units alone (decided by the need's number: no draw, so the rest of the data stays as it was).
    const projectUnits = new Set(projects.map((p) => p.unit));
    const delivering = i % 2 === 1 && projectUnits.size ? helping.filter((u) => projectUnits.has(u)) : helping;
    const assignee = path.includes('IN_PROGRESS') ? (rng.chance(0.5) ? units[helping[0]!]!.adminId : gridWorkers[g]!) : null;
    const dueAt = path.includes('PLANNED') ? step('PLANNED')! + rng.int(3, 30) * DAY : null;
    const resolvedAt = step('RESOLVED');
    const followedAt = step('CLOSED');
    const satisfaction = followedAt ? rng.pick([3, 4, 4, 5, 5, 5]) : null;
    const last = times[times.length - 1]!;
    emit('need', [
      id, allianceId, grids[g], cat?.id ?? null, theme.title, theme.detail, `${rng.pick(PLACES)}小区${rng.int(1, 30)}号楼${rng.int(1, 6)}单元`,
      rng.pick(SURNAMES) + rng.pick(ADDRESS_FORMS), phone(rng), status,
      dueAt ? `联系${helping.length}家共建单位上门处理，预计${rng.int(1, 5)}天完成` : null, dueAt ? new Date(dueAt) : null, assignee,
      resolvedAt ? '已上门处理完毕，居民确认' : null, satisfaction, reporter, new Date(reported),
      resolvedAt ? new Date(resolvedAt) : null, followedAt ? new Date(followedAt) : null, new Date(reported), new Date(last), path.length,
    ]);
    for (const p of projects) emit('need_project', [id, p.id, allianceId, new Date(step('ORDERED')!)]);
    for (const u of claimers) emit('need_claim', [id, units[u]!.id, allianceId, units[u]!.adminId, new Date(step('ACCEPTED')! + rng.int(0, HOUR))]);
    if (path.includes('PLANNED')) for (const u of delivering) emit('need_delivery', [id, units[u]!.id, allianceId, new Date(step('PLANNED')!)]);
    path.forEach((to, k) => {
      const actor = k === 0 ? reporter : to === 'RESOLVED' ? assignee! : to === 'CLOSED' ? gridWorkers[g]! : committeeId;
      const comment = to === 'REJECTED' ? '不属于联盟服务范围，已转交相关部门' : to === 'CLOSED' ? `回访满意度${satisfaction}` : null;
      emit('need_event', [allianceId, id, actor, new Date(times[k]!), k === 0 ? null : path[k - 1], to, comment]);
    });
    const earned = needPoints(
      { id, status, satisfaction, resolvedAt: resolvedAt === null ? null : new Date(resolvedAt), followedUpAt: followedAt === null ? null : new Date(followedAt) },
      delivering.map((u) => units[u]!.id),
    );
    for (const p of earned) emit('points_entry', pointsLine(allianceId, p, theme.title));
  }

  // Activities over the last year and the next six weeks, with their sign-ups.
  const activityCount = n(2000);
  const plans = Array.from({ length: activityCount }, () => {
    const starts = now + rng.int(-365 * 24, 45 * 24) * HOUR;
    const ends = starts + rng.int(2, rng.chance(0.1) ? 72 : 8) * HOUR;
    const status: ActivityStatus =
      ends < now ? (rng.chance(0.9) ? 'COMPLETED' : 'CANCELLED') : starts < now ? 'ONGOING' : rng.chance(0.85) ? 'OPEN' : 'DRAFT';
    return { starts, ends, status };
  });
  const taking = plans.filter((p) => p.status !== 'DRAFT').length;
  const meanSignups = (20_050 * spec.scale) / Math.max(1, taking);
  const activeUnits = units.map((u, i) => (u.status === 'ACTIVE' ? i : -1)).filter((i) => i >= 0);
  for (const plan of plans) {
    const id = rng.uuid();
    const kind = rng.pick(ACTIVITY_KINDS);
    const cat = kind === 'SERVICE' ? rng.pick(categories) : rng.chance(0.3) ? rng.pick(categories) : null;
    const maxUnits = rng.chance(0.3) ? null : rng.int(5, 15);
    const title = `${rng.pick(ACTIVITY_TITLES[kind]!)}（${rng.pick(PLACES)}片区）`;
    // Sign-ups in time order, decided as the server decides them.
    const count = plan.status === 'DRAFT' ? 0 : Math.min(activeUnits.length, Math.max(1, Math.round(meanSignups * (0.5 + rng.float()))));
    const opened = plan.starts - rng.int(7, 20) * DAY;
    const closes = plan.status === 'OPEN' ? Math.min(now, plan.starts) : plan.starts;
    let confirmed = 0;
    let participants = 0;
    const confirmedUnits: number[] = [];
    const times = Array.from({ length: count }, () => opened + Math.floor(rng.float() * Math.max(HOUR, closes - opened))).sort((x, y) => x - y);
    const signups = rng.sample(activeUnits.length, count).map((k, j) => {
      const unit = activeUnits[k]!;
      const r = rng.float();
      let status: string;
      if (r < 0.06) status = 'WITHDRAWN';
      else if (r < 0.08) status = 'REJECTED';
      else if (maxUnits === null || confirmed < maxUnits) status = 'CONFIRMED';
      else status = 'WAITLISTED';
      const headcount = rng.int(1, 12);
      if (status === 'CONFIRMED') {
        confirmed++;
        participants += headcount;
        confirmedUnits.push(unit);
      }
      return [rng.uuid(), allianceId, id, units[unit]!.id, status, headcount, rng.chance(0.2) ? '请提前联系现场负责人' : null, new Date(times[j]!), new Date(times[j]! + (status === 'WITHDRAWN' ? DAY : 0))];
    });
    const done = plan.status === 'COMPLETED';
    const hours = (plan.ends - plan.starts) / HOUR;
    emit('activity', [
      id, allianceId, title, `联盟成员单位共同开展${title}，请各单位组织党员参加。`, kind, cat?.id ?? null, plan.status,
      new Date(plan.starts), new Date(plan.ends), `${rng.pick(PLACES)}社区党群服务中心`, maxUnits, confirmed,
      done ? participants : null, done ? Math.round(participants * Math.min(hours, 8) * 10) / 10 : null, done ? rng.int(10, 300) : null,
      done ? `共有${confirmed}家单位${participants}名党员参加。` : null, plan.status === 'CANCELLED' ? '天气原因取消' : null,
      new Date(opened - DAY), new Date(done ? plan.ends : opened), activityVersion(plan.status),
    ]);
    if (cat && onShelf[cat.code]!.length) {
      for (const k of rng.sample(onShelf[cat.code]!.length, kind === 'SERVICE' ? rng.int(1, 3) : rng.int(0, 1))) {
        emit('activity_project', [id, onShelf[cat.code]![k]!.id, allianceId]);
      }
    } else if (kind === 'OTHER' && anyOnShelf.length && rng.chance(0.2)) {
      emit('activity_project', [id, rng.pick(anyOnShelf).id, allianceId]);
    }
    if (rng.chance(0.15)) emit('activity_need', [id, needIds[rng.int(0, needIds.length - 1)], allianceId]);
    for (const s of signups) emit('signup', s);
    for (const p of activityPoints({ id, status: plan.status, endsAt: new Date(plan.ends) }, confirmedUnits.map((u) => units[u]!.id))) {
      emit('points_entry', pointsLine(allianceId, p, title));
    }
  }

  return TABLES.map((t) => ({ ...t, lines: out.get(t.table)! }));
}
