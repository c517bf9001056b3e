import { graphql } from '../gql';

/** The community itself (社区概况, 党组织, 党员, 楼栋, 承诺): docs/web.md. */

export const COMMUNITY_PROFILE = graphql(`
  query CommunityProfile {
    alliance {
      id
      name
      regionName
      households
      residents
      foundedYear
      profileVersion
      maxOpenClaims
    }
    partyBranches {
      id
      name
      kind
      version
      memberCount
      grid {
        id
        name
      }
      groups {
        id
        name
        kind
        version
        memberCount
      }
    }
  }
`);

/** The alliance's rules the committee sets (today: how many open claims a unit may hold). */
export const UPDATE_ALLIANCE_SETTINGS = graphql(`
  mutation UpdateAllianceSettings($maxOpenClaims: Int!) {
    updateAllianceSettings(maxOpenClaims: $maxOpenClaims) {
      id
      maxOpenClaims
    }
  }
`);

export const UPDATE_COMMUNITY_PROFILE = graphql(`
  mutation UpdateCommunityProfile($input: CommunityProfileInput!, $version: Int) {
    updateCommunityProfile(input: $input, version: $version) {
      id
      households
      residents
      foundedYear
      profileVersion
    }
  }
`);

export const CREATE_PARTY_BRANCH = graphql(`
  mutation CreatePartyBranch($input: PartyBranchInput!) {
    createPartyBranch(input: $input) {
      id
    }
  }
`);

export const UPDATE_PARTY_BRANCH = graphql(`
  mutation UpdatePartyBranch($id: ID!, $version: Int!, $input: UpdatePartyBranchInput!) {
    updatePartyBranch(id: $id, version: $version, input: $input) {
      id
      name
      kind
      version
    }
  }
`);

export const CREATE_PARTY_GROUP = graphql(`
  mutation CreatePartyGroup($input: PartyGroupInput!) {
    createPartyGroup(input: $input) {
      id
    }
  }
`);

export const UPDATE_PARTY_GROUP = graphql(`
  mutation UpdatePartyGroup($id: ID!, $version: Int!, $input: UpdatePartyGroupInput!) {
    updatePartyGroup(id: $id, version: $version, input: $input) {
      id
      name
      kind
      version
    }
  }
`);

export const PARTY_BRANCH_OPTIONS = graphql(`
  query PartyBranchOptions {
    partyBranches {
      id
      name
      kind
      grid {
        id
      }
      groups {
        id
        name
      }
    }
  }
`);

export const PARTY_MEMBERS = graphql(`
  query PartyMembers($filter: PartyMemberFilter, $first: Int, $after: String) {
    partyMembers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        gender
        phone
        joinedPartyOn
        gridDuty
        status
        transferredOutOn
        version
        branch {
          id
          name
        }
        group {
          id
          name
        }
        grid {
          id
          name
        }
        account {
          id
          username
        }
        buildings {
          id
          name
        }
      }
    }
  }
`);

export const CREATE_PARTY_MEMBER = graphql(`
  mutation CreatePartyMember($input: CreatePartyMemberInput!) {
    createPartyMember(input: $input) {
      id
    }
  }
`);

export const UPDATE_PARTY_MEMBER = graphql(`
  mutation UpdatePartyMember($id: ID!, $version: Int!, $input: UpdatePartyMemberInput!) {
    updatePartyMember(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

export const TRANSFER_PARTY_MEMBER = graphql(`
  mutation TransferPartyMember($id: ID!, $version: Int!, $on: Date) {
    transferPartyMember(id: $id, version: $version, on: $on) {
      id
      status
      transferredOutOn
      version
    }
  }
`);

/** 楼栋's list: a page of buildings grid by grid, with their red grid workers. */
export const BUILDING_LIST = graphql(`
  query BuildingList($filter: BuildingFilter, $first: Int, $after: String) {
    buildingList(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        households
        covered
        version
        grid {
          id
          name
        }
        workers {
          id
          name
          phone
          gridDuty
        }
      }
    }
  }
`);

/** 楼栋's coverage card: of one grid or all, whatever page of the list is shown. */
export const BUILDING_COVERAGE = graphql(`
  query BuildingCoverage($gridId: ID) {
    coverage(gridId: $gridId) {
      buildings
      buildingsCovered
      minWorkers
      maxBuildingsPerWorker
      uncoveredBuildings {
        id
        name
      }
      overloadedWorkers {
        buildings
        member {
          id
          name
        }
      }
    }
  }
`);

export const GRID_WORKERS = graphql(`
  query GridRedWorkers($gridId: ID!) {
    partyMembers(filter: { gridId: $gridId, gridDuty: [FULL_TIME, PART_TIME], status: ACTIVE }, first: 100) {
      nodes {
        id
        name
        gridDuty
        buildings {
          id
        }
      }
    }
  }
`);

export const ASSIGN_BUILDING_WORKERS = graphql(`
  mutation AssignBuildingWorkers($buildingId: ID!, $memberIds: [ID!]!) {
    assignBuildingWorkers(buildingId: $buildingId, memberIds: $memberIds) {
      id
      covered
      workers {
        id
        name
      }
    }
  }
`);

export const CREATE_BUILDING = graphql(`
  mutation CreateBuilding($input: BuildingInput!) {
    createBuilding(input: $input) {
      id
    }
  }
`);

export const COMMITMENTS = graphql(`
  query Commitments($year: Int!, $filter: CommitmentFilter, $first: Int, $after: String) {
    commitments(year: $year, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        year
        category
        text
        status
        rating
        evaluationComment
        publishedAt
        version
        member {
          id
          name
          branch {
            id
            name
          }
        }
        notes {
          at
          text
        }
      }
    }
  }
`);

export const CREATE_COMMITMENT = graphql(`
  mutation CreateCommitment($input: CommitmentInput!) {
    createCommitment(input: $input) {
      id
    }
  }
`);

export const PUBLISH_COMMITMENT = graphql(`
  mutation PublishCommitment($id: ID!, $version: Int!) {
    publishCommitment(id: $id, version: $version) {
      id
      status
      publishedAt
      version
    }
  }
`);

export const ADD_COMMITMENT_PROGRESS = graphql(`
  mutation AddCommitmentProgress($id: ID!, $text: String!) {
    addCommitmentProgress(id: $id, text: $text) {
      id
      version
      notes {
        at
        text
      }
    }
  }
`);

export const EVALUATE_COMMITMENT = graphql(`
  mutation EvaluateCommitment($id: ID!, $version: Int!, $rating: CommitmentRating!, $comment: String) {
    evaluateCommitment(id: $id, version: $version, rating: $rating, comment: $comment) {
      id
      status
      rating
      evaluationComment
      version
    }
  }
`);

/** The community on the dashboard: its figures, a year's commitments, and the grid picture. */
export const COMMUNITY_DASHBOARD = graphql(`
  query CommunityDashboard($year: Int) {
    dashboard {
      community {
        households
        residents
        branches
        gridBranches
        groups
        members
        redGridWorkers
        buildings
        buildingsCovered
      }
      commitments(year: $year) {
        year
        published
        evaluated
        byRating {
          rating
          count
        }
      }
    }
    gridOverview {
      openNeeds
      overdueNeeds
      buildings
      buildingsCovered
      members
      grid {
        id
        name
        branchName
        outline
      }
    }
  }
`);

/** What the picture opens for one grid: its open needs (overdue first) and its buildings. */
export const GRID_DETAIL = graphql(`
  query GridDetail($gridId: ID!) {
    needs(filter: { gridId: $gridId, status: [REPORTED, ACCEPTED, ORDERED, PLANNED, IN_PROGRESS] }, first: 20) {
      totalCount
      nodes {
        id
        title
        status
        dueAt
      }
    }
    buildings(gridId: $gridId) {
      id
      name
      households
      covered
      workers {
        id
        name
      }
    }
  }
`);
