import { graphql } from '../gql';

/** 派单单: what the unit taking the need is handed (the caller's masking applies, as everywhere). */
export const PRINT_NEED = graphql(`
  query PrintNeed($id: ID!) {
    alliance {
      id
      name
    }
    need(id: $id) {
      id
      title
      description
      status
      reportedAt
      location
      requesterName
      requesterPhone
      dueAt
      plan
      grid {
        id
        name
      }
      category {
        id
        name
      }
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
      assignee {
        id
        displayName
      }
    }
  }
`);

/** 签到表: the activity and the units confirmed for it, each with the people it said it brings. */
export const PRINT_SIGN_IN = graphql(`
  query PrintSignIn($id: ID!) {
    alliance {
      id
      name
    }
    activity(id: $id) {
      id
      title
      kind
      startsAt
      endsAt
      location
      signups(status: CONFIRMED) {
        id
        headcount
        unit {
          id
          name
        }
      }
    }
  }
`);
