import type { DataSource, EntityManager } from 'typeorm';
import type { Role, ShelfStatus } from '@alliance/shared';
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
  MAIN_ALLIANCE,
  MAIN_PROJECTS,
  MAIN_UNITS,
  NEIGHBOUR_ALLIANCE,
  NEIGHBOUR_PROJECTS,
  NEIGHBOUR_UNITS,
  type DemoProject,
  type DemoUnit,
} from './demo-data.js';
import { demoCreditCode, demoId, random } from './ids.js';

const DAY = 86_400_000;

/** YYYY-MM-DD of a day relative to `now`, so that "valid today" stays true over time. */
function isoDay(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
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
}

const MAIN_USERS: DemoUser[] = [
  { username: 'committee', displayName: '刘红梅（社区党委）', role: 'COMMITTEE_ADMIN' },
  { username: 'unit1', displayName: '林晓燕（松风小学）', role: 'UNIT_ADMIN', unit: 0 },
  { username: 'unit2', displayName: '赵明远（松林医院）', role: 'UNIT_ADMIN', unit: 1 },
  { username: 'grid1', displayName: '张建国（第一网格）', role: 'GRID_WORKER', grid: 0 },
  { username: 'grid2', displayName: '马丽（第二网格）', role: 'GRID_WORKER', grid: 1 },
  { username: 'viewer', displayName: '王主任（健康街道）', role: 'VIEWER' },
];

const NEIGHBOUR_USERS: DemoUser[] = [
  { username: 'n-committee', displayName: '宋文（松林社区党委）', role: 'COMMITTEE_ADMIN' },
  { username: 'n-unit1', displayName: '秦海波（松林二中）', role: 'UNIT_ADMIN', unit: 0 },
];

export const DEMO_USERNAMES = [...MAIN_USERS, ...NEIGHBOUR_USERS].map((u) => u.username);

interface AllianceSpec {
  key: string;
  name: string;
  regionName: string;
  grids: number;
  units: DemoUnit[];
  projects: DemoProject[];
  statusExceptions: Record<number, ShelfStatus>;
  users: DemoUser[];
}

async function seedAlliance(m: EntityManager, spec: AllianceSpec, passwordHash: string, now: Date, seed: number) {
  const rand = random(seed);
  const allianceId = demoId(`${spec.key}`);
  const id = (kind: string, n: number | string) => demoId(`${spec.key}:${kind}:${n}`);

  await m.insert(Alliance, { id: allianceId, name: spec.name, regionName: spec.regionName });
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
  await m.insert(
    MemberUnit,
    spec.units.map((u, i) => ({
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
      joinedAt: isoDay(now, -Math.round(u.joinedYearsAgo * 365.25) - 30),
      version: 1,
    })),
  );

  const agreements: Partial<Agreement>[] = [];
  spec.units.forEach((u, i) => {
    const responsibilities = `${u.name}与社区党委共建：一、按月提供货架服务项目；二、参与联建活动；三、党员到社区报到服务。`;
    if (u.joinedYearsAgo >= 4) {
      // An earlier agreement, long expired: the history a real unit has.
      agreements.push({ id: id('agreement-old', i), allianceId, unitId: id('unit', i), signedAt: isoDay(now, -6 * 365), validUntil: isoDay(now, -3 * 365), responsibilities });
    }
    if (u.agreement) {
      const signedDaysAgo = 30 + Math.floor(rand() * 600);
      agreements.push({ id: id('agreement', i), allianceId, unitId: id('unit', i), signedAt: isoDay(now, -signedDaysAgo), validUntil: isoDay(now, 3 * 365 - signedDaysAgo), responsibilities });
    } else if (u.joinedYearsAgo >= 1) {
      // Signed once, lapsed and not yet renewed: the committee's to-do.
      agreements.push({ id: id('agreement', i), allianceId, unitId: id('unit', i), signedAt: isoDay(now, -400), validUntil: isoDay(now, -35), responsibilities });
    }
  });
  if (agreements.length) await m.insert(Agreement, agreements);

  await m.insert(
    ShelfProject,
    spec.projects.map((p, i) => {
      const status = spec.statusExceptions[i] ?? 'ON_SHELF';
      const createdAt = new Date(now.getTime() - (700 - i * 12) * DAY - Math.floor(rand() * DAY));
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
    }),
  );

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
    })),
  );
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
      { ...MAIN_ALLIANCE, grids: 7, units: MAIN_UNITS, projects: MAIN_PROJECTS, statusExceptions: MAIN_STATUS_EXCEPTIONS, users: MAIN_USERS },
      passwordHash,
      now,
      1,
    );
    await seedAlliance(
      m,
      { ...NEIGHBOUR_ALLIANCE, grids: 2, units: NEIGHBOUR_UNITS, projects: NEIGHBOUR_PROJECTS, statusExceptions: { 4: 'PENDING_REVIEW' }, users: NEIGHBOUR_USERS },
      passwordHash,
      now,
      2,
    );
    return true;
  });
}
