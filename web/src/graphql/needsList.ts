import { graphql } from '../gql';

/**
 * The needs lists (NeedsListPanel: the board's list, 认领大厅, 我的待办, 党委工作台): every NeedFilter
 * field from the search form and the screen's own, keyset pages; the description only where shown.
 */
export const NEEDS_LIST_PANEL = graphql(`
  query NeedsListPanel($filter: NeedFilter, $first: Int = 20, $after: String, $withDescription: Boolean = false) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...NeedCard
        description @include(if: $withDescription)
      }
    }
  }
`);
