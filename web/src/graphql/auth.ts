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
