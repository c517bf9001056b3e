import { graphql } from '../gql';

export const LOGIN = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        ...SessionUser
      }
    }
  }
`);

export const SESSION_USER = graphql(`
  fragment SessionUser on User {
    id
    username
    displayName
    role
    mustChangePassword
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

/**
 * Ends every session of the account, this one included: the caller signs in
 * again with the new password right after (lib/password.ts).
 */
export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** 个人中心: the signed-in account as it is now. */
export const MY_ACCOUNT = graphql(`
  query MyAccount {
    me {
      ...SessionUser
      phone
      status
      lastSignInAt
      createdAt
    }
  }
`);

export const ME = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

export const ALLIANCE = graphql(`
  query Alliance {
    alliance {
      id
      name
      regionName
      categories {
        id
        code
        name
      }
      grids {
        id
        name
        branchName
      }
    }
  }
`);
