import { graphql } from '../gql';

/** 操作日志: newest first, keyset-paginated like the other lists. */
export const AUDIT_LOG = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        at
        actorName
        actor {
          id
          displayName
        }
        clientAddress
        action
        subjectType
        subjectId
        summary
      }
    }
  }
`);
