import { graphql } from '../gql';

/** 阳光驿站, the incubator: docs/web.md. */

export const INCUBATIONS = graphql(`
  query Incubations($stage: IncubationStage) {
    incubations(stage: $stage) {
      id
      stage
      version
      appliedOn
      startedOn
      endedOn
      notes
      servicesGiven
      unit {
        id
        name
      }
      mentor {
        id
        name
      }
    }
  }
`);

export const START_INCUBATION = graphql(`
  mutation StartIncubation($id: ID!, $mentorUnitId: ID!, $startedOn: Date, $version: Int) {
    startIncubation(id: $id, mentorUnitId: $mentorUnitId, startedOn: $startedOn, version: $version) {
      id
      stage
      version
      startedOn
      mentor {
        id
        name
      }
    }
  }
`);

export const GRADUATE_INCUBATION = graphql(`
  mutation GraduateIncubation($id: ID!, $comment: String, $version: Int) {
    graduateIncubation(id: $id, comment: $comment, version: $version) {
      id
      stage
      version
      endedOn
    }
  }
`);

export const LEAVE_INCUBATION = graphql(`
  mutation LeaveIncubation($id: ID!, $reason: String!, $version: Int) {
    leaveIncubation(id: $id, reason: $reason, version: $version) {
      id
      stage
      version
      endedOn
    }
  }
`);

/** The dashboard's 红色驿站 and 阳光驿站 figures for a range. */
export const SERVICES_DASHBOARD = graphql(`
  query ServicesDashboard($from: Date, $to: Date) {
    dashboard(from: $from, to: $to) {
      activitiesByKind {
        kind
        count
        beneficiaries
      }
      incubator {
        organisationsIncubated
        servicesGiven
      }
    }
  }
`);
