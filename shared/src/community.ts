import type { Role } from './enums.js';
import type { Actor } from './lifecycle.js';
import type { LabelTable } from './labels.js';
import { COMPOUND_SURNAMES } from './access.js';

/*
 * The community itself (docs/adoption.md: The community and its party
 * organisation): "1+7+X" party organisation, party members and their grid
 * duties, buildings and who looks after them, and each member's yearly
 * public commitment (1个承诺).
 */

/** 党支部: one per grid (GRID, the "7"), or by another kind (retired members, red education, two-new organisations). */
export const PartyBranchKind = { GRID: 'GRID', OTHER: 'OTHER' } as const;
export type PartyBranchKind = (typeof PartyBranchKind)[keyof typeof PartyBranchKind];

/** 党小组, the "X": by building, commercial street or construction site. */
export const PartyGroupKind = { BUILDING: 'BUILDING', STREET: 'STREET', SITE: 'SITE', OTHER: 'OTHER' } as const;
export type PartyGroupKind = (typeof PartyGroupKind)[keyof typeof PartyGroupKind];

export const Gender = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

/**
 * 网格长 (a branch committee member leading a grid), 专职红色网格员 (a
 * party-member resident), 兼职红色网格员 (an ordinary member), or none.
 */
export const GridDuty = { NONE: 'NONE', GRID_LEADER: 'GRID_LEADER', FULL_TIME: 'FULL_TIME', PART_TIME: 'PART_TIME' } as const;
export type GridDuty = (typeof GridDuty)[keyof typeof GridDuty];

/** A member who left the community (TRANSFERRED_OUT) is kept in history and counted nowhere. */
export const PartyMemberStatus = { ACTIVE: 'ACTIVE', TRANSFERRED_OUT: 'TRANSFERRED_OUT' } as const;
export type PartyMemberStatus = (typeof PartyMemberStatus)[keyof typeof PartyMemberStatus];

export const CommitmentStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', EVALUATED: 'EVALUATED' } as const;
export type CommitmentStatus = (typeof CommitmentStatus)[keyof typeof CommitmentStatus];

/** 民主评议: 优秀 / 合格 / 基本合格 / 不合格. */
export const CommitmentRating = {
  EXCELLENT: 'EXCELLENT',
  COMPETENT: 'COMPETENT',
  BASICALLY_COMPETENT: 'BASICALLY_COMPETENT',
  INCOMPETENT: 'INCOMPETENT',
} as const;
export type CommitmentRating = (typeof CommitmentRating)[keyof typeof CommitmentRating];

/** What a commitment is about. */
export const CommitmentCategory = {
  SERVE_RESIDENTS: 'SERVE_RESIDENTS',
  VOLUNTEER: 'VOLUNTEER',
  STUDY: 'STUDY',
  JOB_EXCELLENCE: 'JOB_EXCELLENCE',
  NEIGHBOURHOOD: 'NEIGHBOURHOOD',
  OTHER: 'OTHER',
} as const;
export type CommitmentCategory = (typeof CommitmentCategory)[keyof typeof CommitmentCategory];

/** Red grid workers (红色网格员): the members who may look after buildings. */
export const RED_GRID_DUTIES: readonly GridDuty[] = ['FULL_TIME', 'PART_TIME'];

/** "每2名红色网格员联系一个楼栋": a building is covered when at least this many look after it. */
export const BUILDING_COVERAGE_MIN_WORKERS = 2;

/** A red grid worker looking after more buildings than this is listed as overloaded in the coverage view. */
export const MAX_BUILDINGS_PER_WORKER = 3;

export const COMMUNITY_LIMITS = {
  households: { min: 0, max: 1_000_000 },
  residents: { min: 0, max: 10_000_000 },
  foundedYear: { min: 1949, max: 2100 },
  buildingHouseholds: { min: 0, max: 10_000 },
  commitmentYear: { min: 2000, max: 2100 },
  commitmentText: 500,
  progressNote: 1000,
  /** Grid outlines: an SVG polygon's points in a 1000 × 700 drawing, at most this many characters. */
  outline: 4000,
  buildingWorkers: 20,
} as const;

/** Commitments that are public: the others are the committee's drafts. */
export const PUBLIC_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['PUBLISHED', 'EVALUATED'];

/** Who may see a party member's personal data (gender, date joined, phone in clear, linked account): the committee. */
export function seesPartyMemberDetails(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'COMMITTEE_ADMIN';
}

/**
 * A party member's phone: clear for the committee, and for a grid worker when
 * the member is a red grid worker (or grid leader) of that worker's own grid;
 * masked for everyone else.
 */
export function seesPartyMemberPhone(
  actor: Pick<Actor, 'role' | 'gridId'>,
  member: { gridId: string | null; gridDuty: GridDuty },
): boolean {
  if (actor.role === 'COMMITTEE_ADMIN') return true;
  return actor.role === 'GRID_WORKER' && !!actor.gridId && actor.gridId === member.gridId && member.gridDuty !== 'NONE';
}

/** The viewer sees members' names masked (王**); everyone else as written. */
export function seesPartyMemberName(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'VIEWER';
}

/** Draft commitments are the committee's; the public ones everyone's. */
export function seesDraftCommitments(role: Role): boolean {
  return role === 'COMMITTEE_ADMIN';
}

/**
 * The viewer's search matches only what it is shown: a surname (one
 * character, or a known compound surname), matched at the start of the name.
 * null: the term cannot match anything the viewer sees.
 */
export function viewerNamePrefix(term: string): string | null {
  const t = term.trim();
  if (Array.from(t).length === 1 || COMPOUND_SURNAMES.includes(t)) return t;
  return null;
}

export const PARTY_BRANCH_KIND_LABELS: LabelTable<PartyBranchKind> = {
  'zh-CN': { GRID: '网格党支部', OTHER: '其他党支部' },
  en: { GRID: 'Grid branch', OTHER: 'Other branch' },
};

export const PARTY_GROUP_KIND_LABELS: LabelTable<PartyGroupKind> = {
  'zh-CN': { BUILDING: '楼栋党小组', STREET: '商业街党小组', SITE: '工地党小组', OTHER: '其他党小组' },
  en: { BUILDING: 'Building group', STREET: 'Commercial street group', SITE: 'Construction site group', OTHER: 'Other group' },
};

export const GENDER_LABELS: LabelTable<Gender> = {
  'zh-CN': { MALE: '男', FEMALE: '女' },
  en: { MALE: 'Male', FEMALE: 'Female' },
};

export const GRID_DUTY_LABELS: LabelTable<GridDuty> = {
  'zh-CN': { NONE: '无', GRID_LEADER: '网格长', FULL_TIME: '专职红色网格员', PART_TIME: '兼职红色网格员' },
  en: { NONE: 'None', GRID_LEADER: 'Grid leader', FULL_TIME: 'Full-time red grid worker', PART_TIME: 'Part-time red grid worker' },
};

export const PARTY_MEMBER_STATUS_LABELS: LabelTable<PartyMemberStatus> = {
  'zh-CN': { ACTIVE: '在册', TRANSFERRED_OUT: '已转出' },
  en: { ACTIVE: 'Active', TRANSFERRED_OUT: 'Transferred out' },
};

export const COMMITMENT_STATUS_LABELS: LabelTable<CommitmentStatus> = {
  'zh-CN': { DRAFT: '草稿', PUBLISHED: '已公开承诺', EVALUATED: '已评议' },
  en: { DRAFT: 'Draft', PUBLISHED: 'Published', EVALUATED: 'Evaluated' },
};

export const COMMITMENT_RATING_LABELS: LabelTable<CommitmentRating> = {
  'zh-CN': { EXCELLENT: '优秀', COMPETENT: '合格', BASICALLY_COMPETENT: '基本合格', INCOMPETENT: '不合格' },
  en: { EXCELLENT: 'Excellent', COMPETENT: 'Competent', BASICALLY_COMPETENT: 'Basically competent', INCOMPETENT: 'Incompetent' },
};

export const COMMITMENT_CATEGORY_LABELS: LabelTable<CommitmentCategory> = {
  'zh-CN': {
    SERVE_RESIDENTS: '服务群众',
    VOLUNTEER: '志愿服务',
    STUDY: '学习提升',
    JOB_EXCELLENCE: '岗位建功',
    NEIGHBOURHOOD: '邻里互助',
    OTHER: '其他',
  },
  en: {
    SERVE_RESIDENTS: 'Serving residents',
    VOLUNTEER: 'Volunteering',
    STUDY: 'Study',
    JOB_EXCELLENCE: 'Excellence at work',
    NEIGHBOURHOOD: 'Helping neighbours',
    OTHER: 'Other',
  },
};
