import { graphql } from '../gql';

export const PROJECT_FIELDS = graphql(`
  fragment ProjectFields on ShelfProject {
    id
    title
    description
    status
    reviewComment
    capacityPerMonth
    tags
    orderCount
    createdAt
    updatedAt
    version
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
`);

export const SHELF_PROJECTS = graphql(`
  query ShelfProjects($filter: ShelfProjectFilter, $first: Int, $after: String) {
    shelfProjects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ProjectFields
      }
    }
  }
`);

export const SHELF_PROJECT = graphql(`
  query ShelfProject($id: ID!) {
    shelfProject(id: $id) {
      ...ProjectFields
    }
  }
`);

export const CREATE_SHELF_PROJECT = graphql(`
  mutation CreateShelfProject($input: ShelfProjectInput!) {
    createShelfProject(input: $input) {
      ...ProjectFields
    }
  }
`);

export const UPDATE_SHELF_PROJECT = graphql(`
  mutation UpdateShelfProject($id: ID!, $version: Int!, $input: UpdateShelfProjectInput!) {
    updateShelfProject(id: $id, version: $version, input: $input) {
      ...ProjectFields
    }
  }
`);

export const SUBMIT_SHELF_PROJECT = graphql(`
  mutation SubmitShelfProject($id: ID!) {
    submitShelfProject(id: $id) {
      ...ProjectFields
    }
  }
`);

export const REVIEW_SHELF_PROJECT = graphql(`
  mutation ReviewShelfProject($id: ID!, $approve: Boolean!, $comment: String) {
    reviewShelfProject(id: $id, approve: $approve, comment: $comment) {
      ...ProjectFields
    }
  }
`);

export const TAKE_DOWN_SHELF_PROJECT = graphql(`
  mutation TakeDownShelfProject($id: ID!, $reason: String!) {
    takeDownShelfProject(id: $id, reason: $reason) {
      ...ProjectFields
    }
  }
`);

/** The committee's review queue (the view sends status PENDING_REVIEW), with each unit's agreement as of today (the screen warns). */
export const REVIEW_QUEUE = graphql(`
  query ReviewQueue($filter: ShelfProjectFilter!, $first: Int, $after: String) {
    shelfProjects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ProjectFields
        unit {
          id
          agreementStatus
        }
      }
    }
  }
`);

/** 批量审核: one decision (and for a rejection one reason) for the selected projects; an outcome per project. */
export const REVIEW_SHELF_PROJECTS = graphql(`
  mutation ReviewShelfProjects($ids: [ID!]!, $approve: Boolean!, $comment: String) {
    reviewShelfProjects(ids: $ids, approve: $approve, comment: $comment) {
      id
      code
      message
      project {
        ...ProjectFields
      }
    }
  }
`);
