import { graphql } from '../gql';

export const ACCOUNT_FIELDS = graphql(`
  fragment AccountFields on User {
    id
    username
    displayName
    role
    status
    mustChangePassword
    phone
    lastSignInAt
    createdAt
    disabledReason
    disabledAt
    unit {
      id
      name
    }
    grid {
      id
      name
    }
  }
`);

/** 账号管理: a page of the alliance's accounts (committee only), filtered on the server. */
export const ACCOUNTS = graphql(`
  query Accounts($filter: AccountFilter, $first: Int, $after: String) {
    accounts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...AccountFields
      }
    }
  }
`);

/** Every account of the alliance, disabled ones too, for pickers (the audit log's "who"). */
export const ACCOUNT_OPTIONS = graphql(`
  query AccountOptions {
    users {
      id
      username
      displayName
      role
      status
    }
  }
`);

export const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      temporaryPassword
      user {
        ...AccountFields
      }
    }
  }
`);

export const UPDATE_USER = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...AccountFields
    }
  }
`);

export const DISABLE_USER = graphql(`
  mutation DisableUser($id: ID!, $reason: String!) {
    disableUser(id: $id, reason: $reason) {
      ...AccountFields
    }
  }
`);

export const ENABLE_USER = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...AccountFields
    }
  }
`);

/** A new temporary password, shown once. */
export const RESET_USER_PASSWORD = graphql(`
  mutation ResetUserPassword($id: ID!) {
    resetUserPassword(id: $id)
  }
`);
