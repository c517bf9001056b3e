import { graphql } from '../gql';

export const NEED_CARD = graphql(`
  fragment NeedCard on Need {
    id
    title
    status
    source
    verifiedAt
    location
    reportedAt
    dueAt
    version
    grid {
      id
      name
    }
    category {
      id
      code
      name
    }
    assignee {
      id
      displayName
    }
    claimedBy {
      id
      name
    }
  }
`);

/** The board: one column per status, in one request. */
export const NEEDS_BOARD = graphql(`
  query NeedsBoard($gridId: ID, $search: String, $first: Int = 20) {
    reported: needs(filter: { status: [REPORTED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    accepted: needs(filter: { status: [ACCEPTED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    ordered: needs(filter: { status: [ORDERED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    planned: needs(filter: { status: [PLANNED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    inProgress: needs(filter: { status: [IN_PROGRESS], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    resolved: needs(filter: { status: [RESOLVED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    closed: needs(filter: { status: [CLOSED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
    rejected: needs(filter: { status: [REJECTED], gridId: $gridId, search: $search }, first: $first) {
      totalCount
      nodes {
        ...NeedCard
      }
    }
  }
`);

export const NEED_FIELDS = graphql(`
  fragment NeedFields on Need {
    ...NeedCard
    description
    requesterName
    requesterPhone
    plan
    resolution
    satisfaction
    orderedProjects {
      id
      title
      unit {
        id
        name
      }
    }
    deliveringUnits {
      id
      name
    }
    verifiedBy {
      id
      displayName
    }
    history {
      at
      from
      to
      comment
      actor {
        id
        displayName
        role
      }
    }
  }
`);

export const NEED_DETAIL = graphql(`
  query Need($id: ID!) {
    need(id: $id) {
      ...NeedFields
    }
  }
`);

export const MATCH_SUGGESTIONS = graphql(`
  query MatchSuggestions($needId: ID!, $first: Int = 5) {
    matchSuggestions(needId: $needId, first: $first) {
      score
      strength
      reasonCodes {
        code
        params {
          words
          from
          to
          category
          n
          avg
        }
      }
      project {
        id
        title
        capacityPerMonth
        orderCount
        category {
          id
          code
          name
        }
        unit {
          id
          name
          agreementStatus
        }
      }
    }
  }
`);

/** 开单子's search among the shelf's other projects, with each unit's agreement (the form warns). */
export const ORDERABLE_PROJECTS = graphql(`
  query OrderableProjects($search: String, $first: Int = 20) {
    shelfProjects(filter: { status: ON_SHELF, search: $search }, first: $first) {
      nodes {
        id
        title
        unit {
          id
          name
          agreementStatus
        }
      }
    }
  }
`);

export const REPORT_NEED = graphql(`
  mutation ReportNeed($input: ReportNeedInput!) {
    reportNeed(input: $input) {
      ...NeedFields
    }
  }
`);

/** 核实: the grid worker has called back the resident who reported it on the residents' page. */
export const VERIFY_RESIDENT_NEED = graphql(`
  mutation VerifyResidentNeed($id: ID!, $comment: String) {
    verifyResidentNeed(id: $id, comment: $comment) {
      ...NeedFields
    }
  }
`);

export const SCREEN_NEED = graphql(`
  mutation ScreenNeed($id: ID!, $version: Int, $accept: Boolean!, $comment: String) {
    screenNeed(id: $id, version: $version, accept: $accept, comment: $comment) {
      ...NeedFields
    }
  }
`);

export const ORDER_NEED = graphql(`
  mutation OrderNeed($id: ID!, $version: Int, $shelfProjectIds: [ID!]!, $comment: String) {
    orderNeed(id: $id, version: $version, shelfProjectIds: $shelfProjectIds, comment: $comment) {
      ...NeedFields
    }
  }
`);

export const CLAIM_NEED = graphql(`
  mutation ClaimNeed($id: ID!, $version: Int, $note: String) {
    claimNeed(id: $id, version: $version, note: $note) {
      ...NeedFields
    }
  }
`);

export const PLAN_NEED = graphql(`
  mutation PlanNeed($id: ID!, $version: Int, $plan: String!, $dueAt: DateTime!, $deliveringUnitIds: [ID!]) {
    planNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $deliveringUnitIds) {
      ...NeedFields
    }
  }
`);

export const ASSIGN_NEED = graphql(`
  mutation AssignNeed($id: ID!, $version: Int, $assigneeId: ID!) {
    assignNeed(id: $id, version: $version, assigneeId: $assigneeId) {
      ...NeedFields
    }
  }
`);

/** The one order form: 开单子, 定方案 and 派单 of an ACCEPTED need in one transaction. */
export const ORDER_PLAN_ASSIGN_NEED = graphql(`
  mutation OrderPlanAssignNeed(
    $id: ID!
    $version: Int
    $shelfProjectIds: [ID!]!
    $comment: String
    $plan: String!
    $dueAt: DateTime!
    $deliveringUnitIds: [ID!]
    $assigneeId: ID!
  ) {
    orderPlanAssignNeed(
      id: $id
      version: $version
      shelfProjectIds: $shelfProjectIds
      comment: $comment
      plan: $plan
      dueAt: $dueAt
      deliveringUnitIds: $deliveringUnitIds
      assigneeId: $assigneeId
    ) {
      ...NeedFields
    }
  }
`);

export const RESOLVE_NEED = graphql(`
  mutation ResolveNeed($id: ID!, $version: Int, $resolution: String!) {
    resolveNeed(id: $id, version: $version, resolution: $resolution) {
      ...NeedFields
    }
  }
`);

export const FOLLOW_UP_NEED = graphql(`
  mutation FollowUpNeed($id: ID!, $version: Int, $satisfaction: Int!, $comment: String) {
    followUpNeed(id: $id, version: $version, satisfaction: $satisfaction, comment: $comment) {
      ...NeedFields
    }
  }
`);

/** Corrections (the committee's, each with a reason and the version read). */
export const REPLAN_NEED = graphql(`
  mutation ReplanNeed($id: ID!, $version: Int!, $plan: String, $dueAt: DateTime, $reason: String!) {
    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) {
      ...NeedFields
    }
  }
`);

export const REASSIGN_NEED = graphql(`
  mutation ReassignNeed($id: ID!, $version: Int!, $assigneeId: ID!, $reason: String!) {
    reassignNeed(id: $id, version: $version, assigneeId: $assigneeId, reason: $reason) {
      ...NeedFields
    }
  }
`);

export const WITHDRAW_NEED_ORDER = graphql(`
  mutation WithdrawNeedOrder($id: ID!, $version: Int!, $reason: String!) {
    withdrawNeedOrder(id: $id, version: $version, reason: $reason) {
      ...NeedFields
    }
  }
`);

export const REOPEN_NEED = graphql(`
  mutation ReopenNeed($id: ID!, $version: Int!, $reason: String!) {
    reopenNeed(id: $id, version: $version, reason: $reason) {
      ...NeedFields
    }
  }
`);

/**
 * 我的待办: how many each of my queues holds (the tabs' counts); the filters are lib/queues.ts's
 * (MY_TASK_FILTERS), the lists NeedsListPanel's.
 */
export const MY_TASK_COUNTS = graphql(`
  query MyTaskCounts($assigned: NeedFilter!, $followUps: NeedFilter!, $toVerify: NeedFilter!, $withFollowUps: Boolean!) {
    assigned: needs(filter: $assigned, first: 1) {
      totalCount
    }
    followUps: needs(filter: $followUps, first: 1) @include(if: $withFollowUps) {
      totalCount
    }
    toVerify: needs(filter: $toVerify, first: 1) @include(if: $withFollowUps) {
      totalCount
    }
  }
`);

/** 认领大厅: how many open claims a unit may hold (the list itself is NeedsListPanel's, claimable: true). */
export const CLAIM_CAP = graphql(`
  query ClaimCap {
    alliance {
      id
      maxOpenClaims
    }
  }
`);

/** 派单: the alliance's accounts (the committee only may list them); the dialog keeps those who may be assignees. */
export const ASSIGNABLE_USERS = graphql(`
  query AssignableUsers {
    users(status: ACTIVE) {
      id
      displayName
      role
      grid {
        id
        name
      }
      unit {
        id
        name
      }
    }
  }
`);

/** The committee's queues: how many each holds (the tabs' counts; the filters are lib/queues.ts's QUEUE_FILTERS). */
export const COMMITTEE_QUEUE_COUNTS = graphql(`
  query CommitteeQueueCounts($toScreen: NeedFilter!, $toOrder: NeedFilter!, $overdue: NeedFilter!) {
    toScreen: needs(filter: $toScreen, first: 1) {
      totalCount
    }
    toOrder: needs(filter: $toOrder, first: 1) {
      totalCount
    }
    overdue: needs(filter: $overdue, first: 1) {
      totalCount
    }
  }
`);
