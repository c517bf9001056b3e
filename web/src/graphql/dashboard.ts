import { graphql } from '../gql';

/** The figures of the range (the needs funnel included: needsByStatus) and their pictures' figures, plus the needs overdue now. */
export const DASHBOARD = graphql(`
  query Dashboard($from: Date, $to: Date) {
    dashboard(from: $from, to: $to) {
      from
      to
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
      satisfactionByMonth {
        month
        followUps
        average
      }
      needsByGrid {
        reported
        resolved
        grid {
          id
          name
        }
      }
      overdueNeedsByUnit(first: 10) {
        count
        unit {
          id
          name
        }
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
