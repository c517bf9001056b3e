import type { EntityManager } from 'typeorm';
import { activityPoints, addDays, localDate, zonedTime, type ActivityKind, type IncubationStage, type PointsRow } from '@alliance/shared';
import { MAIN_FOUNDED } from './demo-data.js';
import { demoCreditCode, demoId, random } from './ids.js';

/*
 * The main alliance's 阳光驿站 and 红色驿站 (docs/domain.md "Demo data";
 * docs/adoption.md, Services): all names, people and phones invented.
 *
 * - 17 social organisations have been through the incubator: the two that
 *   were member units already (星火志愿者协会, 红石书画社) and 15 that joined
 *   the alliance when they applied, every one after the article's date
 *   (2 August 2021), so the article's figures on that day stay as they were
 *   (12 member units). 15 were taken in (9 graduated 出壳, 6 incubating), one
 *   application waits, one left. None holds a co-building agreement yet.
 * - The 红色驿站's red education (红色教育) and party history (党史学习) events
 *   from three weeks after the founding to last week, more of them in the
 *   party's centenary year 2021 and around 1 July: 320 completed, over 40,000
 *   beneficiaries. The incubated organisations helped run some of those held
 *   during their stay (a confirmed sign-up, and its completion points): their
 *   services given.
 */

const KEY = 'songshan';
const id = (kind: string, n: number | string) => demoId(`${KEY}:${kind}:${n}`);
/** A local day at a local hour, as an instant. */
const at = (day: string, hour: number, minute = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedTime(y, m, d, hour, minute);
};

interface DemoOrg {
  name: string;
  contactName: string;
  contactPhone: string;
  address: string;
  partyOrgName: string | null;
  /** The day it applied (and, for the new ones, joined); or days before today. */
  applied: string | { daysAgo: number };
  stage: IncubationStage;
  /** Days after applying it was taken in; then days it stayed (graduated or left). */
  startAfter?: number;
  stay?: number;
  /** Index of its mentor among the main alliance's first 12 units. */
  mentor: number;
  notes: string;
  endComment?: string;
}

/** The incubated organisations already among the 12 units: unit index -> its stay. */
const EXISTING: (DemoOrg & { unit: number })[] = [
  { unit: 5, name: '星火志愿者协会', contactName: '', contactPhone: '', address: '', partyOrgName: null, applied: '2019-09-12', stage: 'GRADUATED', startAfter: 20, stay: 460, mentor: 1, notes: '志愿者骨干多，缺项目管理经验。', endComment: '已能独立承接助老、助学项目' },
  { unit: 11, name: '红石书画社', contactName: '', contactPhone: '', address: '', partyOrgName: null, applied: '2021-06-20', stage: 'GRADUATED', startAfter: 11, stay: 430, mentor: 0, notes: '书画公益课为主，需场地与宣传支持。', endComment: '固定开设少儿书画公益课' },
];

/** The 15 that joined when they applied (all after 2 August 2021). */
const NEWCOMERS: DemoOrg[] = [
  { name: '松山邻里互助会', contactName: '高淑兰', contactPhone: '13614701301', address: '松山小区5号楼1单元101', partyOrgName: '邻里互助会党小组', applied: '2021-09-06', stage: 'GRADUATED', startAfter: 14, stay: 400, mentor: 5, notes: '楼栋互助为主。', endComment: '楼栋互助网络覆盖12栋楼' },
  { name: '银发乐龄服务队', contactName: '孟庆华', contactPhone: '13614701302', address: '松山社区老年活动室', partyOrgName: null, applied: '2021-11-15', stage: 'GRADUATED', startAfter: 10, stay: 380, mentor: 1, notes: '退休党员发起的助老队伍。', endComment: '助老服务形成固定排班' },
  { name: '小橘灯青少年成长社', contactName: '田雨', contactPhone: '13614701303', address: '松风路22号2楼', partyOrgName: null, applied: '2022-03-08', stage: 'GRADUATED', startAfter: 12, stay: 420, mentor: 0, notes: '课后托管与阅读陪伴。', endComment: '注册为民办非企业单位' },
  { name: '绿色家园环保社', contactName: '邵凯', contactPhone: '13614701304', address: '松山小区物业楼2层', partyOrgName: null, applied: '2022-05-20', stage: 'GRADUATED', startAfter: 15, stay: 365, mentor: 4, notes: '垃圾分类宣传。', endComment: '垃圾分类督导队伍稳定' },
  { name: '暖心调解工作室', contactName: '钱玉梅', contactPhone: '13614701305', address: '健康街道中央大街66号', partyOrgName: '调解工作室党小组', applied: '2022-08-30', stage: 'GRADUATED', startAfter: 9, stay: 400, mentor: 3, notes: '邻里纠纷调解，律所结对。', endComment: '调解成功率稳定在九成以上' },
  { name: '夕阳红合唱团', contactName: '常桂英', contactPhone: '13614701306', address: '松山社区文化活动室', partyOrgName: null, applied: '2023-02-14', stage: 'GRADUATED', startAfter: 10, stay: 350, mentor: 11, notes: '红歌合唱，常参加红色驿站活动。', endComment: '自主承办社区文艺汇演' },
  { name: '康宁助残服务社', contactName: '鲁晓东', contactPhone: '13614701307', address: '健康街道北山路7号', partyOrgName: null, applied: '2023-06-01', stage: 'GRADUATED', startAfter: 14, stay: 420, mentor: 1, notes: '助残康复，医院结对。', endComment: '取得残联购买服务资质' },
  { name: '书香松山读书会', contactName: '魏佳', contactPhone: '13614701308', address: '松山社区党群服务中心图书室', partyOrgName: null, applied: '2024-03-12', stage: 'INCUBATING', startAfter: 12, mentor: 0, notes: '共读与红色经典分享。' },
  { name: '安居楼道自治会', contactName: '廉红军', contactPhone: '13614701309', address: '松山小区9号楼', partyOrgName: null, applied: '2024-06-18', stage: 'INCUBATING', startAfter: 10, mentor: 4, notes: '老旧楼道自治。' },
  { name: '巧手妈妈公益坊', contactName: '梁秀云', contactPhone: '13614701310', address: '健康街道菜市场北侧', partyOrgName: null, applied: '2024-09-09', stage: 'INCUBATING', startAfter: 14, mentor: 10, notes: '手工义卖助困。' },
  { name: '晨光健身志愿队', contactName: '邢志远', contactPhone: '13614701311', address: '松山社区篮球馆', partyOrgName: null, applied: '2025-01-06', stage: 'INCUBATING', startAfter: 20, mentor: 2, notes: '全民健身，夜间篮球馆带练。' },
  { name: '红色记忆口述史小组', contactName: '白立群', contactPhone: '13614701312', address: '松山社区红色驿站', partyOrgName: '口述史小组临时党支部', applied: '2025-04-21', stage: 'INCUBATING', startAfter: 9, mentor: 5, notes: '采集老党员口述史，服务红色驿站展陈。' },
  { name: '护苗法治宣传社', contactName: '杜文静', contactPhone: '13614701313', address: '健康街道平安路9号', partyOrgName: null, applied: '2025-07-15', stage: 'INCUBATING', startAfter: 12, mentor: 7, notes: '青少年法治宣传，派出所结对。' },
  { name: '阳光助学服务队', contactName: '汤明', contactPhone: '13614701314', address: '松风路18号', partyOrgName: null, applied: '2023-09-18', stage: 'LEFT', startAfter: 15, stay: 150, mentor: 0, notes: '大学生志愿者为主。', endComment: '骨干毕业离开，暂停运营' },
  { name: '邻家宠物文明养犬协会', contactName: '严冬梅', contactPhone: '13614701315', address: '松山小区3号楼', partyOrgName: null, applied: { daysAgo: 12 }, stage: 'APPLIED', mentor: 4, notes: '文明养犬宣传，待社区党委研究。' },
];

/** What the 红色驿站 holds: kind, title, where, beneficiaries per event (min, max). */
const RED_TEMPLATES: { kind: ActivityKind; title: string; location: string; reach: [number, number]; summary: string }[] = [
  { kind: 'RED_EDUCATION', title: '红色驿站·流动展览进校园', location: '海拉尔区松风小学', reach: [150, 320], summary: '师生参观流动展板，聆听红色故事' },
  { kind: 'RED_EDUCATION', title: '红色驿站·红色故事宣讲进机关', location: '健康街道办事处', reach: [60, 140], summary: '机关干部集中学习红色故事' },
  { kind: 'RED_EDUCATION', title: '红色驿站·流动展览进军营', location: '驻区部队营区', reach: [120, 260], summary: '官兵参观流动展览' },
  { kind: 'RED_EDUCATION', title: '红色驿站·初心主题展开放日', location: '松山社区红色驿站', reach: [80, 220], summary: '居民参观主题展，老党员现场讲解' },
  { kind: 'RED_EDUCATION', title: '红色家书诵读会', location: '松山社区党群服务中心', reach: [40, 110], summary: '党员群众诵读红色家书' },
  { kind: 'RED_EDUCATION', title: '红色经典电影进小区', location: '松山小区中心广场', reach: [90, 240], summary: '露天放映红色经典电影' },
  { kind: 'PARTY_HISTORY', title: '党史知识竞赛', location: '松山社区党群服务中心多功能厅', reach: [50, 150], summary: '各支部、驻区单位组队参赛' },
  { kind: 'PARTY_HISTORY', title: '党史学习教育专题讲座', location: '松山社区党群服务中心多功能厅', reach: [60, 160], summary: '邀请党校教师讲授党史' },
  { kind: 'PARTY_HISTORY', title: '“学党史、跟党走”线上知识问答', location: '线上（社区微信群）', reach: [120, 300], summary: '居民线上答题' },
  { kind: 'PARTY_HISTORY', title: '党史读书分享会', location: '松山社区党群服务中心图书室', reach: [30, 80], summary: '党员分享党史读书心得' },
];

/** 320 completed events, spread by month: more in the centenary year 2021, around 1 July, fewer at the Spring Festival. */
const RED_EVENTS = 320;
const monthWeight = (y: number, m: number) => (y === 2021 ? 2.2 : 1) * (m === 7 ? 1.6 : m === 6 ? 1.3 : m === 2 ? 0.5 : 1);

function months(from: string, to: string): [number, number][] {
  const out: [number, number][] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push([y, m]);
    if (++m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The red education events' days: `count` spread over the months by weight (largest remainder), each on a random day of its month within [first, last]. */
function eventDays(count: number, first: string, last: string, rand: () => number): string[] {
  const all = months(first, last);
  const weights = all.map(([y, m]) => monthWeight(y, m));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * count);
  const per = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; per.reduce((a, b) => a + b, 0) < count; k++) per[order[k]![1]]!++;
  const days: string[] = [];
  all.forEach(([y, m], i) => {
    const monthStart = `${y}-${String(m).padStart(2, '0')}-01`;
    const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let n = 0; n < per[i]!; n++) {
      let day = addDays(monthStart, Math.floor(rand() * length));
      if (day < first) day = first;
      if (day > last) day = last;
      days.push(day);
    }
  });
  return days.sort();
}

interface Stay {
  unitId: string;
  startedOn: string | null;
  endedOn: string | null;
  counted: boolean;
}

/** Loads the incubator and the 红色驿站 into the main alliance. Rows are named (demoId) and left alone when there: safe to run again. */
export async function seedIncubatorAndRedEducation(m: EntityManager, now: Date): Promise<void> {
  const rand = random(1765958400);
  const today = localDate(now);
  const allianceId = demoId(KEY);
  const committee = id('user', 'committee');

  // The newcomers join the alliance the day they apply.
  const applied = (o: DemoOrg) => (typeof o.applied === 'string' ? o.applied : addDays(today, -o.applied.daysAgo));
  const units = NEWCOMERS.map((o, i) => ({
    id: id('incubated-unit', i),
    allianceId,
    name: o.name,
    kind: 'SOCIAL_ORGANIZATION',
    creditCode: o.stage === 'GRADUATED' ? demoCreditCode('52', 5000 + i) : null,
    partyOrgName: o.partyOrgName,
    partyMemberCount: o.partyOrgName ? 3 + (i % 4) : i % 3,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    address: o.address,
    joinedAt: applied(o),
    createdAt: at(applied(o), 10).toISOString(),
  }));
  await m.query(
    `INSERT INTO member_unit (id, alliance_id, name, kind, credit_code, party_org_name, party_member_count, contact_name, contact_phone, address, status, joined_at, created_at, updated_at)
     SELECT x.id, x."allianceId", x.name, x.kind, x."creditCode", x."partyOrgName", x."partyMemberCount", x."contactName", x."contactPhone", x.address, 'ACTIVE', x."joinedAt", x."createdAt", x."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "allianceId" uuid, name text, kind text, "creditCode" text, "partyOrgName" text, "partyMemberCount" int,
                                               "contactName" text, "contactPhone" text, address text, "joinedAt" date, "createdAt" timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(units)],
  );

  const orgs = [...EXISTING.map((o) => ({ ...o, unitId: id('unit', o.unit) })), ...NEWCOMERS.map((o, i) => ({ ...o, unitId: id('incubated-unit', i) }))];
  const incubations: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const stays: Stay[] = [];
  orgs.forEach((o, i) => {
    const appliedOn = applied(o);
    const startedOn = o.startAfter !== undefined && o.stage !== 'APPLIED' ? addDays(appliedOn, o.startAfter) : null;
    const endedOn = startedOn && o.stay !== undefined && (o.stage === 'GRADUATED' || o.stage === 'LEFT') ? addDays(startedOn, o.stay) : null;
    const incubationId = id('incubation', i);
    const mentorUnitId = id('unit', o.mentor);
    incubations.push({ id: incubationId, unitId: o.unitId, mentorUnitId, stage: o.stage, appliedOn, startedOn, endedOn, notes: o.notes, createdAt: at(appliedOn, 10).toISOString(), updatedAt: at(endedOn ?? startedOn ?? appliedOn, 11).toISOString() });
    const move = (k: number, action: string, fromStage: string | null, toStage: string, day: string, comment: string | null) =>
      history.push({ id: id('incubation-event', `${i}:${k}`), incubationId, at: at(day, 10, 30).toISOString(), action, fromStage, toStage, comment });
    move(0, 'apply', null, 'APPLIED', appliedOn, null);
    if (startedOn) move(1, 'start', 'APPLIED', 'INCUBATING', startedOn, '结对导师单位，签订孵化协议');
    if (endedOn) move(2, o.stage === 'GRADUATED' ? 'graduate' : 'leave', 'INCUBATING', o.stage, endedOn, o.endComment ?? null);
    stays.push({ unitId: o.unitId, startedOn, endedOn, counted: o.stage === 'INCUBATING' || o.stage === 'GRADUATED' || o.stage === 'LEFT' });
  });
  await m.query(
    `INSERT INTO incubation (id, alliance_id, unit_id, mentor_unit_id, stage, applied_on, started_on, ended_on, notes, created_at, updated_at)
     SELECT x.id, $2, x."unitId", x."mentorUnitId", x.stage, x."appliedOn", x."startedOn", x."endedOn", x.notes, x."createdAt", x."updatedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "unitId" uuid, "mentorUnitId" uuid, stage text, "appliedOn" date, "startedOn" date, "endedOn" date, notes text, "createdAt" timestamptz, "updatedAt" timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(incubations), allianceId],
  );
  await m.query(
    `INSERT INTO incubation_event (id, alliance_id, incubation_id, at, actor_id, action, from_stage, to_stage, comment)
     SELECT x.id, $2, x."incubationId", x.at, $3, x.action, x."fromStage", x."toStage", x.comment
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "incubationId" uuid, at timestamptz, action text, "fromStage" text, "toStage" text, comment text)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(history), allianceId, committee],
  );

  // The 红色驿站's events, and the incubated organisations that helped run them during their stay.
  const [category] = await m.query(`SELECT id FROM service_category WHERE alliance_id = $1 AND code = 'PARTY_MASS_SERVICE'`, [allianceId]);
  const days = eventDays(RED_EVENTS, addDays(MAIN_FOUNDED, 21), addDays(today, -7), rand);
  const activities: Record<string, unknown>[] = [];
  const signups: Record<string, unknown>[] = [];
  const points: (PointsRow & { note: string })[] = [];
  days.forEach((day, n) => {
    // 党史学习 weighs more in the centenary year 2021 (党史学习教育).
    const pool = RED_TEMPLATES.filter((t) => (day.startsWith('2021') ? rand() < 0.55 : rand() < 0.3) === (t.kind === 'PARTY_HISTORY'));
    const t = pool[Math.floor(rand() * pool.length)]!;
    const hour = 9 + Math.floor(rand() * 6);
    const startsAt = at(day, hour);
    const endsAt = new Date(startsAt.getTime() + (2 + Math.floor(rand() * 2)) * 3_600_000);
    const beneficiaries = t.reach[0] + Math.floor(rand() * (t.reach[1] - t.reach[0] + 1));
    const activityId = id('red-activity', n);
    const helpers = stays.filter((s) => s.counted && s.startedOn && s.startedOn <= day && (!s.endedOn || day <= s.endedOn) && rand() < 0.3);
    const participants = 8 + Math.floor(rand() * 20) + helpers.length * 4;
    activities.push({
      id: activityId,
      title: t.title,
      description: `${t.title}：松山社区红色驿站组织，面向驻区单位、学校和居民开展${t.kind === 'RED_EDUCATION' ? '红色教育' : '党史学习教育'}。`,
      kind: t.kind,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      location: t.location,
      participants,
      hours: participants * 2,
      beneficiaries,
      summary: `${t.summary}，受益${beneficiaries}人次。`,
      createdAt: new Date(Math.max(startsAt.getTime() - 10 * 86_400_000, at(addDays(MAIN_FOUNDED, 14), 9).getTime())).toISOString(),
    });
    helpers.forEach((h, k) =>
      signups.push({ id: id('red-signup', `${n}:${k}`), activityId, unitId: h.unitId, headcount: 2 + Math.floor(rand() * 4), createdAt: new Date(startsAt.getTime() - 5 * 86_400_000).toISOString() }),
    );
    for (const p of activityPoints({ id: activityId, status: 'COMPLETED', endsAt }, helpers.map((h) => h.unitId))) points.push({ ...p, note: `完成联建活动：${t.title}`.slice(0, 200) });
  });
  await m.query(
    `INSERT INTO activity (id, alliance_id, title, description, kind, category_id, status, starts_at, ends_at, location,
                           outcome_participants, outcome_volunteer_hours, outcome_beneficiaries, outcome_summary, created_at, updated_at)
     SELECT x.id, $2, x.title, x.description, x.kind, $3, 'COMPLETED', x."startsAt", x."endsAt", x.location,
            x.participants, x.hours, x.beneficiaries, x.summary, x."createdAt", x."endsAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, title text, description text, kind text, "startsAt" timestamptz, "endsAt" timestamptz, location text,
                                               participants int, hours numeric, beneficiaries int, summary text, "createdAt" timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(activities), allianceId, category?.id ?? null],
  );
  await m.query(
    `INSERT INTO signup (id, alliance_id, activity_id, unit_id, status, headcount, created_at, updated_at)
     SELECT x.id, $2, x."activityId", x."unitId", 'CONFIRMED', x.headcount, x."createdAt", x."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "activityId" uuid, "unitId" uuid, headcount int, "createdAt" timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(signups), allianceId],
  );
  // The completion points every confirmed unit earns (docs/adoption.md, Points), as the ledger would have written them.
  await m.query(
    `INSERT INTO points_entry (alliance_id, unit_id, points, source, source_id, note, earned_at)
     SELECT $2, x."unitId", x.points, x.source, x."sourceId", x.note, x."earnedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x("unitId" uuid, points int, source text, "sourceId" uuid, note text, "earnedAt" timestamptz)
     ON CONFLICT (unit_id, source, source_id) DO NOTHING`,
    [JSON.stringify(points), allianceId],
  );
}
