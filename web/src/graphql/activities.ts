import { graphql } from '../gql';

export const ACTIVITY_CARD = graphql(`
  fragment ActivityCard on Activity {
    id
    title
    kind
    status
    startsAt
    endsAt
    location
    maxUnits
    confirmedCount
    version
    recordedAfterwards
    category {
      id
      code
      name
    }
  }
`);

export const ACTIVITIES = graphql(`
  query Activities($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ActivityCard
      }
    }
  }
`);

export const ACTIVITY_FIELDS = graphql(`
  fragment ActivityFields on Activity {
    ...ActivityCard
    description
    shelfProjects {
      id
      title
      unit {
        id
        name
      }
    }
    needs {
      id
      title
      status
    }
    signups {
      id
      status
      headcount
      note
      createdAt
      unit {
        id
        name
      }
    }
    outcome {
      participants
      volunteerHours
      beneficiaries
      summary
    }
  }
`);

export const ACTIVITY_DETAIL = graphql(`
  query Activity($id: ID!) {
    activity(id: $id) {
      ...ActivityFields
    }
  }
`);

export const CREATE_ACTIVITY = graphql(`
  mutation CreateActivity($input: ActivityInput!) {
    createActivity(input: $input) {
      ...ActivityFields
    }
  }
`);

export const UPDATE_ACTIVITY = graphql(`
  mutation UpdateActivity($id: ID!, $version: Int!, $input: UpdateActivityInput!) {
    updateActivity(id: $id, version: $version, input: $input) {
      ...ActivityFields
    }
  }
`);

export const PUBLISH_ACTIVITY = graphql(`
  mutation PublishActivity($id: ID!) {
    publishActivity(id: $id) {
      ...ActivityFields
    }
  }
`);

export const START_ACTIVITY = graphql(`
  mutation StartActivity($id: ID!) {
    startActivity(id: $id) {
      ...ActivityFields
    }
  }
`);

export const COMPLETE_ACTIVITY = graphql(`
  mutation CompleteActivity($id: ID!, $outcome: ActivityOutcomeInput!) {
    completeActivity(id: $id, outcome: $outcome) {
      ...ActivityFields
    }
  }
`);

export const CANCEL_ACTIVITY = graphql(`
  mutation CancelActivity($id: ID!, $reason: String!) {
    cancelActivity(id: $id, reason: $reason) {
      ...ActivityFields
    }
  }
`);

export const SIGN_UP = graphql(`
  mutation SignUpForActivity($activityId: ID!, $headcount: Int!, $note: String, $unitId: ID) {
    signUpForActivity(activityId: $activityId, headcount: $headcount, note: $note, unitId: $unitId) {
      id
      status
      activity {
        ...ActivityFields
      }
    }
  }
`);

export const WITHDRAW_SIGNUP = graphql(`
  mutation WithdrawSignup($id: ID!) {
    withdrawSignup(id: $id) {
      id
      status
      activity {
        ...ActivityFields
      }
    }
  }
`);

/** 补录: an activity that already happened, recorded straight as COMPLETED with its outcome. */
export const RECORD_PAST_ACTIVITY = graphql(`
  mutation RecordPastActivity($input: RecordPastActivityInput!) {
    recordPastActivity(input: $input) {
      ...ActivityFields
    }
  }
`);
