import { graphql } from '../gql';

/** The figures of the range, plus the needs pipeline as of now (one count per status) and the overdue list. */
export const DASHBOARD = graphql(`
  query Dashboard($from: Date, $to: Date) {
    dashboard(from: $from, to: $to) {
      unitCount
      signedAgreementCount
      shelfProjectsOnShelf
      shelfProjectsByCategory {
        count
        category {
          id
          code
          name
        }
      }
      needsReported
      needsResolved
      needsOverdue
      averageSatisfaction
      activitiesCompleted
      activitiesByMonth {
        month
        count
      }
      volunteerHours
      beneficiaries
      topUnits(first: 10) {
        points
        activities
        unit {
          id
          name
        }
      }
    }
    REPORTED: needs(filter: { status: [REPORTED] }, first: 1) {
      totalCount
    }
    ACCEPTED: needs(filter: { status: [ACCEPTED] }, first: 1) {
      totalCount
    }
    ORDERED: needs(filter: { status: [ORDERED] }, first: 1) {
      totalCount
    }
    PLANNED: needs(filter: { status: [PLANNED] }, first: 1) {
      totalCount
    }
    IN_PROGRESS: needs(filter: { status: [IN_PROGRESS] }, first: 1) {
      totalCount
    }
    RESOLVED: needs(filter: { status: [RESOLVED] }, first: 1) {
      totalCount
    }
    CLOSED: needs(filter: { status: [CLOSED] }, first: 1) {
      totalCount
    }
    overdue: needs(filter: { overdue: true }, first: 10) {
      totalCount
      nodes {
        id
        title
        status
        dueAt
        grid {
          id
          name
        }
      }
    }
  }
`);
