import type { DataSource, EntityManager } from 'typeorm';
import { rebuildDashboardDays } from '../dashboard/dashboard.days.js';
import { addDays, AGREEMENT_EXPIRING_DAYS, localDate, zonedTime, type Role, type ShelfStatus } from '@alliance/shared';
import { Alliance } from '../alliance/alliance.entity.js';
import { Grid } from '../alliance/grid.entity.js';
import { ServiceCategory } from '../alliance/service-category.entity.js';
import { User } from '../auth/user.entity.js';
import { DEMO_PASSWORD, hashPassword } from '../auth/passwords.js';
import { Agreement } from '../member-unit/agreement.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import {
  CATEGORIES,
  gridName,
  MAIN_2020_THEMES,
  MAIN_ACTIVITY_TEMPLATES,
  ARTICLE_ACTIVITY_KINDS,
  ARTICLE_DATE,
  MAIN_ALLIANCE,
  MAIN_FOUNDED,
  MAIN_NEED_THEMES,
  MAIN_PROJECTS,
  MAIN_UNITS,
  NEIGHBOUR_ACTIVITY_TEMPLATES,
  NEIGHBOUR_ALLIANCE,
  NEIGHBOUR_FOUNDED,
  NEIGHBOUR_NEED_THEMES,
  NEIGHBOUR_PROJECTS,
  NEIGHBOUR_UNITS,
  type DemoProject,
  type DemoUnit,
} from './demo-data.js';
import { seedCommunity } from './community-data.js';
import { demoCreditCode, demoId, random } from './ids.js';
import { generateWorkload, insertWorkload, type SeededAlliance, type WorkloadPlan } from './seed-workload.js';
import { seedServices } from './services.js';
import { seedIncubatorAndRedEducation } from './incubator-data.js';

const DAY = 86_400_000;

/** A local date (YYYY-MM-DD) at a local hour, as an instant. */
const atLocal = (day: string, hour = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedTime(y, m, d, hour);
};

/** The term of a co-building agreement (共建协议 + 责任书): three years, renewed when it ends. */
const AGREEMENT_TERM_YEARS = 3;
const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`.replace(/-02-29$/, '-02-28');

/**
 * A unit's agreements from joining to today (see DemoAgreementHistory): the
 * past is continuous (each term signed the day after the previous one ends,
 * the first two weeks after joining), the present relative to today so that
 * "valid" and "expiring" stay true whenever the seed runs.
 */
export function agreementTerms(u: DemoUnit, today: string, rand: () => number): { signedAt: string; validUntil: string }[] {
  switch (u.agreement) {
    case 'NONE':
      return [];
    case 'LAPSED':
      return [{ signedAt: addDays(today, -400), validUntil: addDays(today, -35) }];
    case 'HELD':
    case 'EXPIRING': {
      const first = addDays(u.joinedAt, 14);
      let until =
        u.agreement === 'EXPIRING'
          ? addDays(today, 5 + Math.floor(rand() * (AGREEMENT_EXPIRING_DAYS - 10)))
          : addDays(today, AGREEMENT_EXPIRING_DAYS + 30 + Math.floor(rand() * 900));
      const terms: { signedAt: string; validUntil: string }[] = [];
      for (;;) {
        const signed = addDays(yearsBefore(until, AGREEMENT_TERM_YEARS), 1);
        // The first term runs from two weeks after joining (one to four years).
        if (signed <= addDays(first, 365)) {
          terms.unshift({ signedAt: first, validUntil: until });
          return terms;
        }
        terms.unshift({ signedAt: signed, validUntil: until });
        until = addDays(signed, -1);
      }
    }
  }
}

// Projects of the main alliance left in the other statuses, so each shows up in the admin.
const MAIN_STATUS_EXCEPTIONS: Record<number, ShelfStatus> = {
  41: 'DRAFT',
  44: 'PENDING_REVIEW',
  45: 'PENDING_REVIEW',
  46: 'REJECTED',
  53: 'OFF_SHELF',
};

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit?: number;
  grid?: number;
  /** Accounts in the other states an alliance has (docs/adoption.md: Accounts). */
  disabledReason?: string;
  mustChangePassword?: boolean;
}

const MAIN_USERS: DemoUser[] = [
  { username: 'committee', displayName: '刘红梅（社区党委）', role: 'COMMITTEE_ADMIN' },
  { username: 'unit1', displayName: '林晓燕（松风小学）', role: 'UNIT_ADMIN', unit: 0 },
  { username: 'unit2', displayName: '赵明远（松林医院）', role: 'UNIT_ADMIN', unit: 1 },
  { username: 'grid1', displayName: '张建国（第一网格）', role: 'GRID_WORKER', grid: 0 },
  { username: 'grid2', displayName: '马丽（第二网格）', role: 'GRID_WORKER', grid: 1 },
  { username: 'viewer', displayName: '王主任（健康街道）', role: 'VIEWER' },
  // A newly created account that has not yet replaced its temporary password.
  { username: 'grid-new', displayName: '孙悦（第一网格，新到岗）', role: 'GRID_WORKER', grid: 0, mustChangePassword: true },
  // A liaison who moved on: the account is disabled, its history stays.
  { username: 'unit-left', displayName: '何晓东（原松风小学联络员）', role: 'UNIT_ADMIN', unit: 0, disabledReason: '已调离松风小学，账号停用' },
];

const NEIGHBOUR_USERS: DemoUser[] = [
  { username: 'n-committee', displayName: '宋文（松林社区党委）', role: 'COMMITTEE_ADMIN' },
  { username: 'n-unit1', displayName: '秦海波（松林二中）', role: 'UNIT_ADMIN', unit: 0 },
];

/** The demo logins the login page offers: every account that can sign in. */
export const DEMO_USERNAMES = [...MAIN_USERS, ...NEIGHBOUR_USERS].filter((u) => !u.disabledReason).map((u) => u.username);

/**
 * The other units' liaisons and the other grids' workers, so that every unit
 * can claim needs and every grid has its worker. Not demo logins (same
 * password, but not listed in the README).
 */
const MAIN_STAFF: DemoUser[] = [
  ...MAIN_UNITS.slice(2).map((u, i) => ({
    username: `songshan-unit${String(i + 3).padStart(2, '0')}`,
    displayName: `${u.contactName}（${u.name}）`,
    role: 'UNIT_ADMIN' as const,
    unit: i + 2,
  })),
  ...['高玉兰', '邓海军', '彭晓梅', '曹志强', '蒋桂芳'].map((name, i) => ({
    username: `songshan-grid${i + 3}`,
    displayName: `${name}（${gridName(i + 2)}）`,
    role: 'GRID_WORKER' as const,
    grid: i + 2,
  })),
];

/*
 * The main alliance's history (docs/domain.md "Demo data"). Needs: a steady
 * flow from the founding to 2019; in calendar 2020 (local time) the article's
 * 107, 96 of them RESOLVED or CLOSED within the year (37 gates replaced,
 * 12 charging piles, 1 youth counselling station, 46 others), 9 turned down,
 * 2 long jobs still open; a steady flow from 2021 to a year ago; and the
 * current workload of the last 12 months in every status, some overdue.
 * Activities: from the founding to the article's date 2 August 2021, 300
 * completed, 258 of them 创城创卫/帮扶助困/疫情防控 (the article's 240+ joint
 * actions); then about 8 a month up to the last two years' recent ones.
 */
const OTHERS_2020 = ['LIGHT', 'DRAIN', 'ELDER_CHECK', 'ADS', 'NOISE', 'CLUTTER', 'STREETLIGHT', 'GAS', 'LEAK', 'SNOW', 'LONELY', 'KIDS', 'LEGAL', 'POOR', 'GREEN', 'GARBAGE', 'HEATING', 'DISINFECT', 'HANDRAIL', 'FRAUD'];
const MAIN_PLAN: Omit<WorkloadPlan, 'seed'> = {
  placePrefix: '松山小区',
  themes: MAIN_NEED_THEMES,
  namedOnlyThemes: MAIN_2020_THEMES,
  needBlocks: [
    {
      // The first eighteen months (the New Year's Eve before 2020 stays empty: the boundary needs below).
      reported: { from: '2018-07-10', to: '2019-12-31' },
      items: [
        { status: 'CLOSED', count: 80 },
        { status: 'REJECTED', count: 7 },
      ],
    },
    {
      reported: { year: 2020 },
      items: [
        { status: 'CLOSED', count: 35, themes: ['GATE'] },
        { status: 'RESOLVED', count: 2, themes: ['GATE'] },
        { status: 'CLOSED', count: 12, themes: ['CHARGER'] },
        { status: 'CLOSED', count: 1, themes: ['COUNSEL'] },
        { status: 'CLOSED', count: 43, themes: OTHERS_2020 },
        { status: 'RESOLVED', count: 1, themes: OTHERS_2020 },
        { status: 'REJECTED', count: 9 },
        { status: 'IN_PROGRESS', count: 2, themes: ['ELEVATOR', 'ROOF'] },
      ],
    },
    {
      // From 2021 (New Year's Day left to the boundary need below) to a year ago, however long ago that is.
      reported: { from: '2021-01-02', to: { daysAgo: 370 } },
      items: [
        { status: 'CLOSED', perYear: 58 },
        { status: 'REJECTED', perYear: 6 },
      ],
    },
    {
      reported: { daysAgo: [0, 360] },
      items: [
        { status: 'REPORTED', count: 12 },
        { status: 'ACCEPTED', count: 9 },
        { status: 'REJECTED', count: 8 },
        { status: 'ORDERED', count: 10 },
        { status: 'PLANNED', count: 9, overdue: 3 },
        { status: 'IN_PROGRESS', count: 14, overdue: 6 },
        { status: 'RESOLVED', count: 10 },
        { status: 'CLOSED', count: 58 },
      ],
    },
  ],
  boundaryNeeds: [
    // Reported in 2020 local time, still 2019 in UTC; and the reverse on the next New Year's morning.
    { local: [2020, 1, 1, 6, 40], status: 'CLOSED', theme: 'HEATING' },
    { local: [2020, 1, 1, 7, 15], status: 'CLOSED', theme: 'DRAIN' },
    { local: [2021, 1, 1, 7, 20], status: 'CLOSED', theme: 'HEATING' },
  ],
  templates: MAIN_ACTIVITY_TEMPLATES,
  activityEras: [
    // The article's 240+ joint actions: every 7th of the era is of another kind (a service day, a meeting).
    // From three weeks after the founding, so that each was prepared (created) after it.
    { from: addDays(MAIN_FOUNDED, 21), to: ARTICLE_DATE, completed: 300, kinds: ARTICLE_ACTIVITY_KINDS, otherEvery: 7, cancelled: 6 },
    { from: addDays(ARTICLE_DATE, 1), to: { daysAgo: 707 }, completed: { perMonth: 8 }, cancelled: { perMonth: 0.25 } },
  ],
  activities: { completed: 256, linkedToNeeds: 12, cancelled: 14, ongoing: 3, open: 8, full: 3, draft: 5, spanDays: 705 },
  unitEngagement: [1.0, 1.3, 0.9, 0.6, 1.5, 1.8, 0.8, 1.1, 0.7, 0.5, 0.6, 0.4],
  unitQuality: [4.7, 4.8, 4.5, 4.6, 4.0, 4.7, 4.4, 4.5, 4.3, 4.2, 3.9, 4.5],
  gridWeights: [3, 3, 1.5, 1.5, 1.5, 1, 1],
};

const NEIGHBOUR_PLAN: Omit<WorkloadPlan, 'seed'> = {
  placePrefix: '松林小区',
  themes: NEIGHBOUR_NEED_THEMES,
  namedOnlyThemes: [],
  needBlocks: [
    {
      reported: { daysAgo: [0, 360] },
      items: [
        { status: 'REPORTED', count: 2 },
        { status: 'ACCEPTED', count: 1 },
        { status: 'REJECTED', count: 1 },
        { status: 'ORDERED', count: 1 },
        { status: 'PLANNED', count: 1 },
        { status: 'IN_PROGRESS', count: 2, overdue: 1 },
        { status: 'RESOLVED', count: 1 },
        { status: 'CLOSED', count: 5 },
      ],
    },
  ],
  boundaryNeeds: [],
  templates: NEIGHBOUR_ACTIVITY_TEMPLATES,
  activityEras: [],
  activities: { completed: 6, linkedToNeeds: 1, cancelled: 1, ongoing: 0, open: 1, full: 0, draft: 1, spanDays: 400 },
  unitEngagement: [1, 1, 1],
  unitQuality: [4.6, 4.3, 4.8],
  gridWeights: [1, 1],
};

interface AllianceSpec {
  key: string;
  /** YYYY-MM-DD: the first day of its history. */
  founded: string;
  name: string;
  regionName: string;
  grids: number;
  units: DemoUnit[];
  projects: DemoProject[];
  statusExceptions: Record<number, ShelfStatus>;
  users: DemoUser[];
  workload: Omit<WorkloadPlan, 'seed'>;
}

async function seedAlliance(m: EntityManager, spec: AllianceSpec, passwordHash: string, now: Date, seed: number) {
  const rand = random(seed);
  const allianceId = demoId(`${spec.key}`);
  const id = (kind: string, n: number | string) => demoId(`${spec.key}:${kind}:${n}`);

  const today = localDate(now);
  const foundedAt = atLocal(spec.founded, 9);
  await m.insert(Alliance, { id: allianceId, code: spec.key, name: spec.name, regionName: spec.regionName, createdAt: foundedAt });
  await m.insert(
    Grid,
    Array.from({ length: spec.grids }, (_, i) => ({
      id: id('grid', i),
      allianceId,
      name: gridName(i),
      branchName: `${gridName(i)}党支部`,
      sortOrder: i,
    })),
  );
  await m.insert(
    ServiceCategory,
    CATEGORIES.map((c, i) => ({ id: id('category', c.code), allianceId, code: c.code, name: c.name, sortOrder: i })),
  );
  const unitRows = spec.units.map((u, i) => ({
    id: id('unit', i),
    allianceId,
    name: u.name,
    kind: u.kind,
    creditCode: u.creditPrefix ? demoCreditCode(u.creditPrefix, seed * 100 + i) : null,
    partyOrgName: u.partyOrgName,
    partyMemberCount: u.partyMemberCount,
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    address: u.address,
    status: 'ACTIVE' as const,
    joinedAt: u.joinedAt,
    createdAt: atLocal(u.joinedAt, 10),
    updatedAt: atLocal(u.joinedAt, 10),
    version: 1,
  }));
  await m.insert(MemberUnit, unitRows);

  const agreements: Partial<Agreement>[] = [];
  spec.units.forEach((u, i) => {
    const responsibilities = `${u.name}与社区党委共建：一、按月提供货架服务项目；二、参与联建活动；三、党员到社区报到服务。`;
    // The current (latest) term keeps the id `agreement:i`; earlier ones are `agreement-old:i:k`.
    const terms = agreementTerms(u, today, rand);
    terms.forEach((t, k) =>
      agreements.push({
        id: k === terms.length - 1 ? id('agreement', i) : id('agreement-old', `${i}:${k}`),
        allianceId,
        unitId: id('unit', i),
        ...t,
        responsibilities,
        createdAt: atLocal(t.signedAt, 10),
      }),
    );
  });
  if (agreements.length) await m.insert(Agreement, agreements);

  // Put on the shelf one after another from the founding to a month ago, each after its unit joined.
  const shelfFrom = foundedAt.getTime() + 20 * DAY;
  const shelfSpan = now.getTime() - 40 * DAY - shelfFrom;
  const projectRows = spec.projects.map((p, i) => {
    const status = spec.statusExceptions[i] ?? 'ON_SHELF';
    const spread = shelfFrom + Math.floor((i / spec.projects.length) * shelfSpan);
    const createdAt = new Date(Math.max(spread, atLocal(spec.units[p.unit]!.joinedAt).getTime() + 10 * DAY) + Math.floor(rand() * DAY));
    return {
      id: id('project', i),
      allianceId,
      unitId: id('unit', p.unit),
      categoryId: id('category', p.category),
      title: p.title,
      description: p.description,
      status,
      reviewComment:
        status === 'REJECTED' ? '服务内容与已有项目重复，请补充差异化说明后再提交。' : status === 'OFF_SHELF' ? '季节性项目，暂时下架。' : null,
      capacityPerMonth: p.capacityPerMonth,
      tags: p.tags,
      createdAt,
      updatedAt: new Date(createdAt.getTime() + 3 * DAY),
      version: 1,
    };
  });
  await m.insert(ShelfProject, projectRows);

  await m.insert(
    User,
    spec.users.map((u) => ({
      id: id('user', u.username),
      allianceId,
      username: u.username,
      passwordHash,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unit === undefined ? null : id('unit', u.unit),
      gridId: u.grid === undefined ? null : id('grid', u.grid),
      status: u.disabledReason ? ('DISABLED' as const) : ('ACTIVE' as const),
      disabledReason: u.disabledReason ?? null,
      disabledAt: u.disabledReason ? new Date(now.getTime() - 30 * DAY) : null,
      mustChangePassword: u.mustChangePassword ?? false,
    })),
  );

  // The work in the demo history was done by the accounts that are in their ordinary state.
  const workers = spec.users.filter((u) => !u.disabledReason && !u.mustChangePassword);
  const userOf = (u: DemoUser) => ({ id: id('user', u.username), displayName: u.displayName });
  const seeded: SeededAlliance = {
    allianceId,
    id,
    gridCount: spec.grids,
    foundedAt,
    units: unitRows.map((u) => ({ id: u.id, name: u.name, joinedAt: atLocal(u.joinedAt) })),
    // Approved (put on the shelf) when last updated.
    projects: projectRows.map((p, i) => ({ id: p.id, title: p.title, unit: spec.projects[i]!.unit, status: p.status, onShelfAt: p.updatedAt })),
    categoryId: (code) => id('category', code),
    committee: userOf(spec.users.find((u) => u.role === 'COMMITTEE_ADMIN')!),
    unitAdmins: new Map(workers.filter((u) => u.role === 'UNIT_ADMIN').map((u) => [u.unit!, userOf(u)])),
    gridWorkers: new Map(workers.filter((u) => u.role === 'GRID_WORKER').map((u) => [u.grid!, userOf(u)])),
  };
  // Its own pseudo-random sequence, so the records above stay exactly as they were.
  const workload = generateWorkload(seeded, { ...spec.workload, seed: seed * 7919 + 101 }, now);
  await insertWorkload(m, allianceId, workload);
  return { allianceId, id };
}

/**
 * Loads the demo alliances into an empty database and returns true; returns
 * false (and changes nothing) when any alliance exists. Safe to call on every
 * start, also from several servers at once.
 */
export async function seedDemoData(dataSource: DataSource, now = new Date()): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('alliance-demo-seed'))`);
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM alliance`);
    if (count > 0) return false;
    await seedAlliance(
      m,
      {
        ...MAIN_ALLIANCE,
        founded: MAIN_FOUNDED,
        grids: 7,
        units: MAIN_UNITS,
        projects: MAIN_PROJECTS,
        statusExceptions: MAIN_STATUS_EXCEPTIONS,
        users: [...MAIN_USERS, ...MAIN_STAFF],
        workload: MAIN_PLAN,
      },
      passwordHash,
      now,
      1,
    );
    await seedServices(m, MAIN_ALLIANCE.key, now);
    await seedIncubatorAndRedEducation(m, now);
    await seedAlliance(
      m,
      {
        ...NEIGHBOUR_ALLIANCE,
        founded: NEIGHBOUR_FOUNDED,
        grids: 2,
        units: NEIGHBOUR_UNITS,
        projects: NEIGHBOUR_PROJECTS,
        statusExceptions: { 4: 'PENDING_REVIEW' },
        users: NEIGHBOUR_USERS,
        workload: NEIGHBOUR_PLAN,
      },
      passwordHash,
      now,
      2,
    );
    await seedCommunity(m, now);
    // The demo's records are written without their events: the dashboard's days are counted from them once.
    await rebuildDashboardDays(m);
    return true;
  });
}
