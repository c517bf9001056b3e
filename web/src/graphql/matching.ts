import { graphql } from '../gql';

export const THESAURUS_GROUPS = graphql(`
  query ThesaurusGroups {
    thesaurusGroups {
      id
      words
      own
      createdAt
      version
    }
  }
`);

export const ADD_THESAURUS_GROUP = graphql(`
  mutation AddThesaurusGroup($words: [String!]!) {
    addThesaurusGroup(words: $words) {
      id
      words
      own
      createdAt
      version
    }
  }
`);

export const REMOVE_THESAURUS_GROUP = graphql(`
  mutation RemoveThesaurusGroup($id: ID!, $version: Int!) {
    removeThesaurusGroup(id: $id, version: $version)
  }
`);
