import {
  BUILDING_COVERAGE_MIN_WORKERS,
  COMMUNITY_LIMITS,
  checkText,
  LIMITS,
  localDate,
  MAX_BUILDINGS_PER_WORKER,
  RED_GRID_DUTIES,
  seesDraftCommitments,
  viewerNamePrefix,
  type GridDuty,
} from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import { containsPattern } from '../../common/text-search.js';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflict, ensure, notFound, staleVersion } from '../../graphql/errors.js';
import { paginate, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import { Alliance } from '../alliance/alliance.entity.js';
import { Grid } from '../alliance/grid.entity.js';
import { User } from '../auth/user.entity.js';
import { Building } from './building.entity.js';
import { transitionCommitment } from './commitment.transition.js';
import { Commitment, CommitmentNote } from './commitment.entity.js';
import type {
  BuildingFilter,
  BuildingInput,
  CommitmentFilter,
  CommitmentInput,
  CommunityProfileInput,
  CreatePartyMemberInput,
  PartyBranchInput,
  PartyGroupInput,
  PartyMemberFilter,
  UpdateBuildingInput,
  UpdateCommitmentInput,
  UpdatePartyBranchInput,
  UpdatePartyGroupInput,
  UpdatePartyMemberInput,
} from './community.inputs.js';
import { CommunityProfileUpdated } from './events/community-profile-updated.event.js';
import { PartyMemberTransferred } from './events/party-member-transferred.event.js';
import { PartyBranch } from './party-branch.entity.js';
import { PartyGroup } from './party-group.entity.js';
import { PartyMember } from './party-member.entity.js';

/**
 * Who counts as looking after a building, in SQL over `b` (building) and `m`
 * (party_member, joined through building_worker): an ACTIVE red grid worker
 * of the building's own grid. Assignments are also removed when a worker
 * leaves, changes duty or grid, but coverage never trusts that alone.
 */
export const VALID_WORKER_SQL = `m.status = 'ACTIVE' AND m.grid_duty IN ('FULL_TIME','PART_TIME') AND m.grid_id = b.grid_id`;

/** How many red grid workers look after the building `b` (VALID_WORKER_SQL): covered from BUILDING_COVERAGE_MIN_WORKERS on. */
const WORKERS_OF_BUILDING_SQL = `(SELECT count(*) FROM building_worker bw JOIN party_member m ON m.id = bw.member_id WHERE bw.building_id = b.id AND ${VALID_WORKER_SQL})`;

/** The same rule in code, for the loaders' rows. */
export function looksAfter(member: PartyMember, building: Pick<Building, 'gridId'>): boolean {
  return member.status === 'ACTIVE' && RED_GRID_DUTIES.includes(member.gridDuty) && member.gridId === building.gridId;
}

const MEMBERS_BY_NAME: KeysetOrder<PartyMember> = {
  direction: 'ASC',
  keys: [
    { sql: 'm.name', value: (m) => m.name, type: 'string' },
    { sql: 'm.id', value: (m) => m.id, type: 'uuid' },
  ],
};

const COMMITMENTS_IN_ORDER: KeysetOrder<Commitment> = {
  direction: 'ASC',
  keys: [
    { sql: 'c.created_at', value: (c) => c.createdAt, type: 'date' },
    { sql: 'c.id', value: (c) => c.id, type: 'uuid' },
  ],
};

/** What a patch input says: its present fields only (null included). */
function given<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function duplicate(constraint: string, field: string) {
  return (err: unknown): never => {
    if (isUniqueViolation(err, constraint)) throw badInput(field, 'DUPLICATE', `${field}: already exists`);
    throw err;
  };
}

/** A referenced record of this alliance; an unknown or foreign id is bad input on `field`. */
async function reference<T extends { id: string }>(tx: TenantScope, entity: new () => T, id: string, field: string): Promise<T> {
  const row = await tx.find(entity, requireId(id, field), field);
  if (!row) throw badInput(field, 'INVALID_ID', `${field}: no such record`);
  return row;
}

function checkVersion(row: { version: number }, version: number | null | undefined) {
  if (version !== null && version !== undefined && row.version !== version) throw staleVersion();
}

export class CommunityService {
  // ---- the community profile ----

  async updateProfile(ctx: RequestContext, input: CommunityProfileInput, version: number | null | undefined): Promise<Alliance> {
    return ctx.scope.transaction(async (tx) => {
      const alliance = await tx.manager.createQueryBuilder(Alliance, 'a').where('a.id = :id', { id: tx.allianceId }).setLock('pessimistic_write').getOne();
      if (!alliance) throw notFound('Alliance');
      checkVersion({ version: alliance.profileVersion }, version);
      const before = { households: alliance.households, residents: alliance.residents, foundedYear: alliance.foundedYear };
      Object.assign(alliance, given(input));
      alliance.profileVersion += 1;
      await tx.manager.query(
        `UPDATE alliance SET households = $2, residents = $3, founded_year = $4, profile_version = $5 WHERE id = $1`,
        [tx.allianceId, alliance.households, alliance.residents, alliance.foundedYear, alliance.profileVersion],
      );
      const after = { households: alliance.households, residents: alliance.residents, foundedYear: alliance.foundedYear };
      await publish(ctx, tx, new CommunityProfileUpdated({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, before, after));
      return alliance;
    });
  }

  async updateGridOutline(ctx: RequestContext, gridId: string, outline: string | null): Promise<Grid> {
    const text = outline?.trim() || null;
    ensure({ outline: checkText(text, { max: COMMUNITY_LIMITS.outline }) });
    if (text && !/^(-?\d+(\.\d+)?,-?\d+(\.\d+)?\s*){3,}$/.test(text)) throw badInput('outline', 'INVALID_FORMAT', 'outline: SVG polygon points "x,y x,y …", at least three');
    return ctx.scope.transaction(async (tx) => {
      const grid = await tx.lock(Grid, gridId, 'Grid', 'gridId');
      grid.outline = text;
      await tx.manager.query(`UPDATE grid SET outline = $2 WHERE id = $1`, [grid.id, text]);
      return grid;
    });
  }

  // ---- branches and groups ----

  branches(ctx: RequestContext) {
    return ctx.scope.qb(PartyBranch, 'b').orderBy('b.sort_order').addOrderBy('b.name').getMany();
  }

  groups(ctx: RequestContext, branchId: string | null | undefined) {
    const qb = ctx.scope.qb(PartyGroup, 'g');
    if (branchId) qb.andWhere('g.branch_id = :branchId', { branchId: requireId(branchId, 'branchId') });
    return qb.orderBy('g.name').addOrderBy('g.id').getMany();
  }

  /** A GRID branch names its grid (one branch per grid); any other kind none. */
  private async branchGrid(tx: TenantScope, kind: string, gridId: string | null | undefined): Promise<string | null> {
    if (kind !== 'GRID') {
      if (gridId) throw badInput('gridId', 'NOT_FOR_THIS_KIND', 'gridId: only a grid branch has a grid');
      return null;
    }
    if (!gridId) throw badInput('gridId', 'REQUIRED', 'gridId: a grid branch names its grid');
    return (await reference(tx, Grid, gridId, 'gridId')).id;
  }

  async createBranch(ctx: RequestContext, input: PartyBranchInput): Promise<PartyBranch> {
    return ctx.scope
      .transaction(async (tx) => {
        const gridId = await this.branchGrid(tx, input.kind, input.gridId);
        const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM party_branch WHERE alliance_id = $1`, [tx.allianceId]);
        return tx.manager.save(tx.create(PartyBranch, { name: input.name, kind: input.kind, gridId, sortOrder: n }));
      })
      .catch(duplicate('party_branch_alliance_name_key', 'name'))
      .catch(duplicate('party_branch_grid_key', 'gridId'));
  }

  async updateBranch(ctx: RequestContext, id: string, version: number, input: UpdatePartyBranchInput): Promise<PartyBranch> {
    return ctx.scope
      .transaction(async (tx) => {
        const branch = await tx.lock(PartyBranch, id, 'Party branch');
        checkVersion(branch, version);
        const patch = given(input);
        const kind = patch.kind ?? branch.kind;
        const gridId = 'gridId' in patch || patch.kind ? await this.branchGrid(tx, kind, 'gridId' in patch ? patch.gridId : branch.gridId) : branch.gridId;
        Object.assign(branch, { name: patch.name ?? branch.name, kind, gridId });
        return tx.manager.save(branch);
      })
      .catch(duplicate('party_branch_alliance_name_key', 'name'))
      .catch(duplicate('party_branch_grid_key', 'gridId'));
  }

  async createGroup(ctx: RequestContext, input: PartyGroupInput): Promise<PartyGroup> {
    return ctx.scope
      .transaction(async (tx) => {
        const branch = await reference(tx, PartyBranch, input.branchId, 'branchId');
        return tx.manager.save(tx.create(PartyGroup, { name: input.name, kind: input.kind, branchId: branch.id }));
      })
      .catch(duplicate('party_group_alliance_name_key', 'name'));
  }

  async updateGroup(ctx: RequestContext, id: string, version: number, input: UpdatePartyGroupInput): Promise<PartyGroup> {
    return ctx.scope
      .transaction(async (tx) => {
        const group = await tx.lock(PartyGroup, id, 'Party group');
        checkVersion(group, version);
        const patch = given(input);
        if (patch.branchId && patch.branchId !== group.branchId) {
          group.branchId = (await reference(tx, PartyBranch, patch.branchId, 'branchId')).id;
          // The group's members follow it into its new branch.
          await tx.manager.query(`UPDATE party_member SET branch_id = $2, version = version + 1, updated_at = now() WHERE group_id = $1`, [group.id, group.branchId]);
        }
        if (patch.name) group.name = patch.name;
        if (patch.kind) group.kind = patch.kind;
        return tx.manager.save(group);
      })
      .catch(duplicate('party_group_alliance_name_key', 'name'));
  }

  // ---- party members ----

  listMembers(ctx: RequestContext, filter: PartyMemberFilter | null | undefined, page: PageArgs) {
    const qb = ctx.scope.qb(PartyMember, 'm');
    if (filter?.branchId) qb.andWhere('m.branch_id = :branchId', { branchId: requireId(filter.branchId, 'filter.branchId') });
    if (filter?.groupId) qb.andWhere('m.group_id = :groupId', { groupId: requireId(filter.groupId, 'filter.groupId') });
    if (filter?.gridId) qb.andWhere('m.grid_id = :gridId', { gridId: requireId(filter.gridId, 'filter.gridId') });
    if (filter?.gridDuty?.length) qb.andWhere('m.grid_duty IN (:...duties)', { duties: filter.gridDuty });
    if (filter?.status) qb.andWhere('m.status = :status', { status: filter.status });
    const search = filter?.search?.trim();
    if (search) {
      if (ctx.me.role === 'VIEWER') {
        // The viewer is shown surnames only (王**): a surname is all its search can match.
        const prefix = viewerNamePrefix(search);
        if (prefix) qb.andWhere(`m.name LIKE :prefix ESCAPE '\\'`, { prefix: `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
        else qb.andWhere('false');
      } else {
        const pattern = containsPattern(search);
        const digits = search.replace(/\D/g, '');
        // Phones in clear are the committee's; others find members by name only.
        if (ctx.me.role === 'COMMITTEE_ADMIN' && digits.length >= 4) {
          qb.andWhere(`(m.name ILIKE :pattern ESCAPE '\\' OR m.phone LIKE :digits)`, { pattern, digits: `%${digits}%` });
        } else qb.andWhere(`m.name ILIKE :pattern ESCAPE '\\'`, { pattern });
      }
    }
    return paginate(qb, page, MEMBERS_BY_NAME);
  }

  findMember(ctx: RequestContext, id: string) {
    return ctx.scope.find(PartyMember, id);
  }

  /**
   * The member's branch, group, grid and account as they will be: the group
   * must be of the branch; a grid branch's member serves its grid unless told
   * otherwise; a grid duty needs a grid; the account is a GRID_WORKER's.
   */
  private async settle(
    tx: TenantScope,
    m: { branchId: string; groupId: string | null; gridId: string | null; gridDuty: GridDuty; accountId: string | null },
    changed: { branchId?: boolean; groupId?: boolean; gridId?: boolean; accountId?: boolean },
  ) {
    const branch = changed.branchId ? await reference(tx, PartyBranch, m.branchId, 'branchId') : await tx.get(PartyBranch, m.branchId, 'Party branch');
    m.branchId = branch.id;
    if (m.groupId && (changed.groupId || changed.branchId)) {
      const group = await reference(tx, PartyGroup, m.groupId, 'groupId');
      if (group.branchId !== branch.id) throw badInput('groupId', 'GROUP_OF_OTHER_BRANCH', 'groupId: the group belongs to another branch');
      m.groupId = group.id;
    }
    if (changed.gridId && m.gridId) m.gridId = (await reference(tx, Grid, m.gridId, 'gridId')).id;
    if (!m.gridId && !changed.gridId && branch.kind === 'GRID') m.gridId = branch.gridId;
    if (m.gridDuty !== 'NONE' && !m.gridId) throw badInput('gridId', 'REQUIRED', 'gridId: a grid leader or red grid worker serves a grid');
    if (changed.accountId && m.accountId) {
      const account = await reference(tx, User, m.accountId, 'accountId');
      if (account.role !== 'GRID_WORKER') throw badInput('accountId', 'NOT_ALLOWED_FOR_ROLE', 'accountId: only a grid worker account is linked to a party member');
      m.accountId = account.id;
    }
  }

  async createMember(ctx: RequestContext, input: CreatePartyMemberInput): Promise<PartyMember> {
    return ctx.scope
      .transaction(async (tx) => {
        const m = {
          branchId: input.branchId,
          groupId: input.groupId || null,
          gridId: input.gridId || null,
          gridDuty: input.gridDuty ?? 'NONE',
          accountId: input.accountId || null,
        };
        await this.settle(tx, m, { branchId: true, groupId: true, gridId: !!m.gridId, accountId: true });
        return tx.manager.save(
          tx.create(PartyMember, {
            ...m,
            name: input.name,
            gender: input.gender,
            phone: input.phone || null,
            joinedPartyOn: input.joinedPartyOn || null,
            status: 'ACTIVE',
            transferredOutOn: null,
          }),
        );
      })
      .catch(duplicate('party_member_account_key', 'accountId'));
  }

  async updateMember(ctx: RequestContext, id: string, version: number, input: UpdatePartyMemberInput): Promise<PartyMember> {
    return ctx.scope
      .transaction(async (tx) => {
        const member = await tx.lock(PartyMember, id, 'Party member');
        checkVersion(member, version);
        if (member.status !== 'ACTIVE') throw conflict('A member who has left the community is kept as history and not edited');
        const patch = given(input);
        const m = {
          branchId: patch.branchId ?? member.branchId,
          groupId: 'groupId' in patch ? patch.groupId || null : member.groupId,
          gridId: 'gridId' in patch ? patch.gridId || null : member.gridId,
          gridDuty: patch.gridDuty ?? member.gridDuty,
          accountId: 'accountId' in patch ? patch.accountId || null : member.accountId,
        };
        // A new branch without a group named: the old group was the old branch's.
        if (patch.branchId && patch.branchId !== member.branchId && !('groupId' in patch)) m.groupId = null;
        await this.settle(tx, m, {
          branchId: 'branchId' in patch,
          groupId: 'groupId' in patch,
          gridId: 'gridId' in patch,
          accountId: 'accountId' in patch,
        });
        Object.assign(member, m, {
          name: patch.name ?? member.name,
          gender: patch.gender ?? member.gender,
          phone: 'phone' in patch ? patch.phone || null : member.phone,
          joinedPartyOn: 'joinedPartyOn' in patch ? patch.joinedPartyOn || null : member.joinedPartyOn,
          updatedAt: new Date(),
        });
        const saved = await tx.manager.save(member);
        await this.dropAssignmentsNoLongerHeld(tx, saved.id);
        return saved;
      })
      .catch(duplicate('party_member_account_key', 'accountId'));
  }

  /** 转出: the member leaves the community; kept in history, counted nowhere, looks after no building. */
  async transferMember(ctx: RequestContext, id: string, version: number, on: string | null | undefined): Promise<PartyMember> {
    return ctx.scope.transaction(async (tx) => {
      const member = await tx.lock(PartyMember, id, 'Party member');
      checkVersion(member, version);
      if (member.status !== 'ACTIVE') throw conflict('The member has already left the community');
      member.status = 'TRANSFERRED_OUT';
      member.transferredOutOn = on || localDate();
      member.updatedAt = new Date();
      const saved = await tx.manager.save(member);
      await this.dropAssignmentsNoLongerHeld(tx, saved.id);
      await publish(ctx, tx, new PartyMemberTransferred({ allianceId: tx.allianceId, actorId: ctx.me.id, at: member.updatedAt }, saved.id, saved.name, saved.transferredOutOn!));
      return saved;
    });
  }

  /** A worker who left, changed duty or moved to another grid no longer looks after the buildings there. */
  private async dropAssignmentsNoLongerHeld(tx: TenantScope, memberId: string) {
    await tx.manager.query(
      `DELETE FROM building_worker bw USING building b, party_member m
        WHERE bw.member_id = $1 AND bw.alliance_id = $2 AND b.id = bw.building_id AND m.id = bw.member_id AND NOT (${VALID_WORKER_SQL})`,
      [memberId, tx.allianceId],
    );
  }

  // ---- buildings and coverage ----

  buildings(ctx: RequestContext, gridId: string | null | undefined) {
    const qb = ctx.scope.qb(Building, 'b');
    if (gridId) qb.andWhere('b.grid_id = :gridId', { gridId: requireId(gridId, 'gridId') });
    return qb.orderBy('b.sort_order').addOrderBy('b.name').addOrderBy('b.id').getMany();
  }

  /**
   * 楼栋, a page at a time: grid by grid in the grids' order (as the grid
   * pickers list them), then in each grid's own order. The alliance's grids
   * (a handful) are read first: each row's cursor holds its grid's place,
   * and the rows' `grid` is then answered without another read.
   */
  async listBuildings(ctx: RequestContext, filter: BuildingFilter | null | undefined, page: PageArgs) {
    const grids = await ctx.scope.qb(Grid, 'g').getMany();
    for (const g of grids) ctx.loaders.grid.prime(g.id, g);
    const place = new Map(grids.map((g) => [g.id, g.sortOrder]));
    const qb = ctx.scope.qb(Building, 'b').innerJoin(Grid, 'g', 'g.id = b.grid_id');
    if (filter?.gridId) qb.andWhere('b.grid_id = :gridId', { gridId: requireId(filter.gridId, 'filter.gridId') });
    const pattern = containsPattern(filter?.search);
    if (pattern) qb.andWhere(`b.name ILIKE :pattern ESCAPE '\\'`, { pattern });
    if (filter?.uncovered === true) qb.andWhere(`${WORKERS_OF_BUILDING_SQL} < :minWorkers`, { minWorkers: BUILDING_COVERAGE_MIN_WORKERS });
    if (filter?.uncovered === false) qb.andWhere(`${WORKERS_OF_BUILDING_SQL} >= :minWorkers`, { minWorkers: BUILDING_COVERAGE_MIN_WORKERS });
    return paginate(qb, page, {
      direction: 'ASC',
      keys: [
        { sql: 'g.sort_order', value: (b) => place.get(b.gridId) ?? 0, type: 'number' },
        // Grids of the same place stay apart.
        { sql: 'b.grid_id', value: (b) => b.gridId, type: 'uuid' },
        { sql: 'b.sort_order', value: (b) => b.sortOrder, type: 'number' },
        { sql: 'b.name', value: (b) => b.name, type: 'string' },
        { sql: 'b.id', value: (b) => b.id, type: 'uuid' },
      ],
    });
  }

  async createBuilding(ctx: RequestContext, input: BuildingInput): Promise<Building> {
    return ctx.scope
      .transaction(async (tx) => {
        const grid = await reference(tx, Grid, input.gridId, 'gridId');
        const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM building WHERE grid_id = $1`, [grid.id]);
        return tx.manager.save(tx.create(Building, { name: input.name, gridId: grid.id, households: input.households, sortOrder: n }));
      })
      .catch(duplicate('building_alliance_name_key', 'name'));
  }

  async updateBuilding(ctx: RequestContext, id: string, version: number, input: UpdateBuildingInput): Promise<Building> {
    return ctx.scope
      .transaction(async (tx) => {
        const building = await tx.lock(Building, id, 'Building');
        checkVersion(building, version);
        const patch = given(input);
        if (patch.gridId && patch.gridId !== building.gridId) {
          building.gridId = (await reference(tx, Grid, patch.gridId, 'gridId')).id;
          await tx.manager.query(`DELETE FROM building_worker WHERE building_id = $1`, [building.id]);
        }
        if (patch.name) building.name = patch.name;
        if (patch.households !== undefined && patch.households !== null) building.households = patch.households;
        return tx.manager.save(building);
      })
      .catch(duplicate('building_alliance_name_key', 'name'));
  }

  /**
   * The red grid workers who look after a building, replacing those before:
   * each an ACTIVE FULL_TIME or PART_TIME member of the building's grid;
   * anyone else refuses the whole list, nothing written.
   */
  async assignWorkers(ctx: RequestContext, buildingId: string, memberIds: string[]): Promise<Building> {
    const ids = [...new Set(memberIds.map((id) => requireId(id, 'memberIds')))];
    if (ids.length > COMMUNITY_LIMITS.buildingWorkers) throw badInput('memberIds', 'TOO_LONG', `memberIds: at most ${COMMUNITY_LIMITS.buildingWorkers}`);
    return ctx.scope.transaction(async (tx) => {
      const building = await tx.lock(Building, buildingId, 'Building', 'buildingId');
      const members = ids.length ? await tx.qb(PartyMember, 'm').andWhere('m.id IN (:...ids)', { ids }).getMany() : [];
      if (members.length !== ids.length) throw badInput('memberIds', 'INVALID_ID', 'memberIds: no such party member');
      const wrong = members.find((m) => !looksAfter(m, building));
      if (wrong) {
        const reason = wrong.status !== 'ACTIVE' ? 'MEMBER_TRANSFERRED' : 'NOT_RED_GRID_WORKER';
        throw badInput('memberIds', reason, `memberIds: ${wrong.id} is not an active red grid worker of the building's grid`);
      }
      await tx.manager.query(`DELETE FROM building_worker WHERE building_id = $1 AND alliance_id = $2`, [building.id, tx.allianceId]);
      if (ids.length) {
        await tx.manager.query(
          `INSERT INTO building_worker (building_id, member_id, alliance_id) SELECT $1, unnest($2::uuid[]), $3`,
          [building.id, ids, tx.allianceId],
        );
      }
      return building;
    });
  }

  /** The buildings with fewer than two workers, and the workers with more buildings than they can look after. */
  async coverage(ctx: RequestContext, gridId: string | null | undefined) {
    const params: unknown[] = [ctx.scope.allianceId];
    const inGrid = gridId ? `AND b.grid_id = $${params.push(requireId(gridId, 'gridId'))}` : '';
    const perBuilding: { id: string; workers: number }[] = await ctx.scope.manager.query(
      `SELECT b.id, count(m.id)::int AS workers
         FROM building b
         LEFT JOIN building_worker bw ON bw.building_id = b.id
         LEFT JOIN party_member m ON m.id = bw.member_id AND ${VALID_WORKER_SQL}
        WHERE b.alliance_id = $1 ${inGrid}
        GROUP BY b.id`,
      params,
    );
    const uncoveredIds = perBuilding.filter((b) => b.workers < BUILDING_COVERAGE_MIN_WORKERS).map((b) => b.id);
    const overloaded: { member_id: string; buildings: number }[] = await ctx.scope.manager.query(
      `SELECT m.id AS member_id, count(*)::int AS buildings
         FROM building_worker bw JOIN building b ON b.id = bw.building_id JOIN party_member m ON m.id = bw.member_id
        WHERE bw.alliance_id = $1 AND ${VALID_WORKER_SQL} ${inGrid}
        GROUP BY m.id HAVING count(*) > ${MAX_BUILDINGS_PER_WORKER}
        ORDER BY count(*) DESC, m.id`,
      params,
    );
    const uncovered = (await ctx.loaders.building.loadMany(uncoveredIds)).filter((b): b is Building => !!b && !(b instanceof Error));
    uncovered.sort((a, b) => a.gridId.localeCompare(b.gridId) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
    return {
      buildings: perBuilding.length,
      buildingsCovered: perBuilding.length - uncoveredIds.length,
      minWorkers: BUILDING_COVERAGE_MIN_WORKERS,
      maxBuildingsPerWorker: MAX_BUILDINGS_PER_WORKER,
      uncoveredBuildings: uncovered,
      overloadedWorkers: overloaded.map((o) => ({ memberId: o.member_id, buildings: o.buildings })),
    };
  }

  /** Per grid: open and overdue needs, buildings and those covered, active members serving it (the grid picture). */
  async gridOverview(ctx: RequestContext) {
    const rows: { gridId: string; openNeeds: number; overdueNeeds: number; buildings: number; buildingsCovered: number; members: number }[] =
      await ctx.scope.manager.query(
        `SELECT g.id AS "gridId",
                (SELECT count(*)::int FROM need n WHERE n.grid_id = g.id AND n.status IN ('REPORTED','ACCEPTED','ORDERED','PLANNED','IN_PROGRESS')) AS "openNeeds",
                (SELECT count(*)::int FROM need n WHERE n.grid_id = g.id AND n.status NOT IN ('RESOLVED','CLOSED','REJECTED') AND n.due_at < now()) AS "overdueNeeds",
                (SELECT count(*)::int FROM building b WHERE b.grid_id = g.id) AS buildings,
                (SELECT count(*)::int FROM building b WHERE b.grid_id = g.id AND ${WORKERS_OF_BUILDING_SQL} >= ${BUILDING_COVERAGE_MIN_WORKERS}) AS "buildingsCovered",
                (SELECT count(*)::int FROM party_member m WHERE m.grid_id = g.id AND m.status = 'ACTIVE') AS members
           FROM grid g WHERE g.alliance_id = $1
          ORDER BY g.sort_order, g.name`,
        [ctx.scope.allianceId],
      );
    return rows;
  }

  // ---- 1个承诺 ----

  listCommitments(ctx: RequestContext, year: number, filter: CommitmentFilter | null | undefined, page: PageArgs) {
    ensure({ year: year >= COMMUNITY_LIMITS.commitmentYear.min && year <= COMMUNITY_LIMITS.commitmentYear.max ? null : 'OUT_OF_RANGE' });
    const qb = ctx.scope.qb(Commitment, 'c').andWhere('c.year = :year', { year });
    if (!seesDraftCommitments(ctx.me.role)) qb.andWhere(`c.status <> 'DRAFT'`);
    if (filter?.status?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.rating) qb.andWhere('c.rating = :rating', { rating: filter.rating });
    if (filter?.memberId) qb.andWhere('c.member_id = :memberId', { memberId: requireId(filter.memberId, 'filter.memberId') });
    if (filter?.branchId) {
      qb.andWhere('c.member_id IN (SELECT pm.id FROM party_member pm WHERE pm.branch_id = :branchId)', { branchId: requireId(filter.branchId, 'filter.branchId') });
    }
    return paginate(qb, page, COMMITMENTS_IN_ORDER);
  }

  async findCommitment(ctx: RequestContext, id: string) {
    const c = await ctx.scope.find(Commitment, id);
    return c && (c.status !== 'DRAFT' || seesDraftCommitments(ctx.me.role)) ? c : null;
  }

  async createCommitment(ctx: RequestContext, input: CommitmentInput): Promise<Commitment> {
    return ctx.scope
      .transaction(async (tx) => {
        const member = await reference(tx, PartyMember, input.memberId, 'memberId');
        if (member.status !== 'ACTIVE') throw badInput('memberId', 'MEMBER_TRANSFERRED', 'memberId: the member has left the community');
        return tx.manager.save(
          tx.create(Commitment, { memberId: member.id, year: input.year, category: input.category, text: input.text, status: 'DRAFT' }),
        );
      })
      .catch(duplicate('commitment_member_year_key', 'memberId'));
  }

  updateCommitment(ctx: RequestContext, id: string, version: number, input: UpdateCommitmentInput) {
    const patch = given(input);
    return transitionCommitment(ctx, id, 'edit', version, (c) => {
      const before = { category: c.category, text: c.text };
      if (patch.category) c.category = patch.category;
      if (patch.text) c.text = patch.text;
      return { before, after: { category: c.category, text: c.text } };
    });
  }

  publishCommitment(ctx: RequestContext, id: string, version: number) {
    return transitionCommitment(ctx, id, 'publish', version, (c) => {
      c.publishedAt = new Date();
    });
  }

  addProgress(ctx: RequestContext, id: string, text: string) {
    ensure({ text: checkText(text?.trim(), { max: COMMUNITY_LIMITS.progressNote, required: true, multiline: true }) });
    return transitionCommitment(ctx, id, 'addProgress', null, async (c, tx) => {
      const note = await tx.manager.save(tx.create(CommitmentNote, { commitmentId: c.id, authorId: ctx.me.id, text: text.trim() }));
      return { decided: { noteId: note.id } };
    });
  }

  evaluateCommitment(ctx: RequestContext, id: string, version: number, rating: Commitment['rating'] & string, comment: string | null | undefined) {
    ensure({ comment: checkText(comment?.trim(), { max: LIMITS.comment, multiline: true }) });
    return transitionCommitment(ctx, id, 'evaluate', version, (c) => {
      c.rating = rating;
      c.evaluationComment = comment?.trim() || null;
      c.evaluatedAt = new Date();
      return { decided: { rating, comment: c.evaluationComment } };
    });
  }

  // ---- figures ----

  /** The dashboard's community figures: members are the ACTIVE ones; a building is covered with two valid workers. */
  async figures(ctx: RequestContext) {
    const [row] = await ctx.scope.manager.query(
      `SELECT a.households, a.residents,
              (SELECT count(*)::int FROM party_branch WHERE alliance_id = a.id) AS branches,
              (SELECT count(*)::int FROM party_branch WHERE alliance_id = a.id AND kind = 'GRID') AS "gridBranches",
              (SELECT count(*)::int FROM party_group WHERE alliance_id = a.id) AS groups,
              (SELECT count(*)::int FROM party_member WHERE alliance_id = a.id AND status = 'ACTIVE') AS members,
              (SELECT count(*)::int FROM party_member WHERE alliance_id = a.id AND status = 'ACTIVE' AND grid_duty IN ('FULL_TIME','PART_TIME')) AS "redGridWorkers",
              (SELECT count(*)::int FROM building WHERE alliance_id = a.id) AS buildings,
              (SELECT count(*)::int FROM building b WHERE b.alliance_id = a.id AND (
                 SELECT count(*) FROM building_worker bw JOIN party_member m ON m.id = bw.member_id
                  WHERE bw.building_id = b.id AND ${VALID_WORKER_SQL}) >= ${BUILDING_COVERAGE_MIN_WORKERS}) AS "buildingsCovered"
         FROM alliance a WHERE a.id = $1`,
      [ctx.scope.allianceId],
    );
    return row;
  }

  /** For one year: commitments published (public at all: PUBLISHED or EVALUATED), evaluated, and by rating. */
  async commitmentFigures(ctx: RequestContext, year: number) {
    ensure({ year: year >= COMMUNITY_LIMITS.commitmentYear.min && year <= COMMUNITY_LIMITS.commitmentYear.max ? null : 'OUT_OF_RANGE' });
    const rows: { status: string; rating: string | null; n: number }[] = await ctx.scope.manager.query(
      `SELECT status, rating, count(*)::int AS n FROM commitment WHERE alliance_id = $1 AND year = $2 GROUP BY status, rating`,
      [ctx.scope.allianceId, year],
    );
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((t, r) => t + r.n, 0);
    return {
      year,
      drafts: sum((r) => r.status === 'DRAFT'),
      published: sum((r) => r.status !== 'DRAFT'),
      evaluated: sum((r) => r.status === 'EVALUATED'),
      byRating: (['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'] as const).map((rating) => ({
        rating,
        count: sum((r) => r.rating === rating),
      })),
    };
  }
}

export const communityService = new CommunityService();
