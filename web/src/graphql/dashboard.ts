import { graphql } from '../gql';

/** The figures of the range (the needs funnel included: needsByStatus), plus the needs overdue now. */
export const DASHBOARD = graphql(`
  query Dashboard($from: Date, $to: Date) {
    dashboard(from: $from, to: $to) {
      computedAt
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
      needsByStatus {
        status
        count
      }
      averageSatisfaction
      activitiesCompleted
      activitiesByMonth {
        month
        count
      }
      volunteerHours
      beneficiaries
      bookingsDone
      offHoursBookingsDone
      topUnits(first: 10) {
        points
        activities
        unit {
          id
          name
        }
      }
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
