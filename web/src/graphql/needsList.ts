import { graphql } from '../gql';

/** The needs list (NeedsListPanel): every NeedFilter field from the search form, keyset pages. */
export const NEEDS_LIST_PANEL = graphql(`
  query NeedsListPanel($filter: NeedFilter, $first: Int = 20, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...NeedCard
      }
    }
  }
`);
