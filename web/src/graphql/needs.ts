import { graphql } from '../gql';

export const NEED_CARD = graphql(`
  fragment NeedCard on Need {
    id
    title
    status
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
      reasons
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

export const SCREEN_NEED = graphql(`
  mutation ScreenNeed($id: ID!, $accept: Boolean!, $comment: String) {
    screenNeed(id: $id, accept: $accept, comment: $comment) {
      ...NeedFields
    }
  }
`);

export const ORDER_NEED = graphql(`
  mutation OrderNeed($id: ID!, $shelfProjectIds: [ID!]!, $comment: String) {
    orderNeed(id: $id, shelfProjectIds: $shelfProjectIds, comment: $comment) {
      ...NeedFields
    }
  }
`);

export const CLAIM_NEED = graphql(`
  mutation ClaimNeed($id: ID!) {
    claimNeed(id: $id) {
      ...NeedFields
    }
  }
`);

export const PLAN_NEED = graphql(`
  mutation PlanNeed($id: ID!, $plan: String!, $dueAt: DateTime!) {
    planNeed(id: $id, plan: $plan, dueAt: $dueAt) {
      ...NeedFields
    }
  }
`);

export const ASSIGN_NEED = graphql(`
  mutation AssignNeed($id: ID!, $assigneeId: ID!) {
    assignNeed(id: $id, assigneeId: $assigneeId) {
      ...NeedFields
    }
  }
`);

export const RESOLVE_NEED = graphql(`
  mutation ResolveNeed($id: ID!, $resolution: String!) {
    resolveNeed(id: $id, resolution: $resolution) {
      ...NeedFields
    }
  }
`);

export const FOLLOW_UP_NEED = graphql(`
  mutation FollowUpNeed($id: ID!, $satisfaction: Int!, $comment: String) {
    followUpNeed(id: $id, satisfaction: $satisfaction, comment: $comment) {
      ...NeedFields
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
