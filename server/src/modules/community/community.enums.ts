import { registerEnumType } from 'type-graphql';
import {
  CommitmentCategory,
  CommitmentRating,
  CommitmentStatus,
  Gender,
  GridDuty,
  PartyBranchKind,
  PartyGroupKind,
  PartyMemberStatus,
} from '@alliance/shared';

// From @alliance/shared, like the others in graphql/enums.ts: the web labels the same values.
registerEnumType(PartyBranchKind, { name: 'PartyBranchKind', description: 'GRID: one of the grid branches (the "7"); OTHER: by another kind.' });
registerEnumType(PartyGroupKind, { name: 'PartyGroupKind', description: 'The "X": by building, commercial street, construction site, or other.' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(GridDuty, { name: 'GridDuty', description: 'NONE, GRID_LEADER 网格长, FULL_TIME 专职红色网格员, PART_TIME 兼职红色网格员.' });
registerEnumType(PartyMemberStatus, { name: 'PartyMemberStatus' });
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus', description: 'DRAFT -> PUBLISHED (公开承诺) -> EVALUATED (民主评议).' });
registerEnumType(CommitmentRating, { name: 'CommitmentRating', description: '优秀 / 合格 / 基本合格 / 不合格.' });
registerEnumType(CommitmentCategory, { name: 'CommitmentCategory' });

export { CommitmentCategory, CommitmentRating, CommitmentStatus, Gender, GridDuty, PartyBranchKind, PartyGroupKind, PartyMemberStatus };
