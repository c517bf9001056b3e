import { aggregateLoader, byIdLoader, groupLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Building } from './building.entity.js';
import { CommitmentNote } from './commitment.entity.js';
import { PartyBranch } from './party-branch.entity.js';
import { PartyGroup } from './party-group.entity.js';
import { PartyMember } from './party-member.entity.js';

export function createCommunityLoaders(scope: TenantScope) {
  return {
    partyBranch: byIdLoader(scope, PartyBranch),
    partyGroup: byIdLoader(scope, PartyGroup),
    partyMember: byIdLoader(scope, PartyMember),
    building: byIdLoader(scope, Building),
    /** A building's assigned members by name; the resolver keeps those who still look after it (looksAfter). */
    buildingWorkers: throughJoinLoader(scope, PartyMember, {
      table: 'building_worker',
      rowColumn: 'member_id',
      keyColumn: 'building_id',
      orderBy: 'e.name, e.id',
    }),
    /** The buildings a member is assigned to. */
    memberBuildings: throughJoinLoader(scope, Building, {
      table: 'building_worker',
      rowColumn: 'building_id',
      keyColumn: 'member_id',
      orderBy: 'e.sort_order, e.name, e.id',
    }),
    groupsOfBranch: groupLoader(scope, PartyGroup, 'branch_id', 'e.name, e.id'),
    commitmentNotes: groupLoader(scope, CommitmentNote, 'commitment_id', 'e.at, e.id'),
    /** ACTIVE members per branch and per group. */
    branchMemberCount: aggregateLoader(
      scope,
      `SELECT branch_id AS key, count(*) AS value FROM party_member WHERE branch_id = ANY($1) AND alliance_id = $2 AND status = 'ACTIVE' GROUP BY branch_id`,
    ),
    groupMemberCount: aggregateLoader(
      scope,
      `SELECT group_id AS key, count(*) AS value FROM party_member WHERE group_id = ANY($1) AND alliance_id = $2 AND status = 'ACTIVE' GROUP BY group_id`,
    ),
  };
}
