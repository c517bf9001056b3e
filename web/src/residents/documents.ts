import { graphql } from './gql';

// The residents' page's operations: public ones only (no token is ever sent).

export const PUBLIC_ALLIANCE = graphql(`
  query PublicAlliance($code: String!) {
    publicAlliance(code: $code) {
      code
      name
      regionName
      categories {
        code
        name
        projects {
          id
          title
          description
          unitName
          nextSlots {
            id
            startsAt
            endsAt
            offHours
            placesLeft
          }
        }
      }
      buildings {
        id
        name
      }
      grids {
        id
        name
      }
      venues {
        id
        name
        kind
        capacity
        opensAt
        closesAt
      }
    }
  }
`);

export const PUBLIC_VENUE_BUSY_TIMES = graphql(`
  query PublicVenueBusyTimes($allianceCode: String!, $venueId: ID!, $from: DateTime!, $to: DateTime!) {
    publicVenueBusyTimes(allianceCode: $allianceCode, venueId: $venueId, from: $from, to: $to) {
      startsAt
      endsAt
    }
  }
`);

export const PUBLIC_CAPTCHA = graphql(`
  query PublicCaptcha {
    publicCaptcha {
      challenge
    }
  }
`);

export const PUBLIC_BOOK = graphql(`
  mutation PublicBookServiceSlot($allianceCode: String!, $input: PublicBookingInput!) {
    publicBookServiceSlot(allianceCode: $allianceCode, input: $input) {
      trackingCode
    }
  }
`);

export const PUBLIC_REQUEST_VENUE = graphql(`
  mutation PublicRequestVenue($allianceCode: String!, $input: PublicVenueRequestInput!) {
    publicRequestVenue(allianceCode: $allianceCode, input: $input) {
      trackingCode
    }
  }
`);

export const PUBLIC_REPORT_NEED = graphql(`
  mutation PublicReportNeed($allianceCode: String!, $input: PublicNeedInput!) {
    publicReportNeed(allianceCode: $allianceCode, input: $input) {
      trackingCode
    }
  }
`);

/** What tracking shows: the steps so far, nothing personal. */
export const PUBLIC_TRACKING_FIELDS = graphql(`
  fragment PublicTrackingFields on PublicTracking {
    code
    kind
    subject
    startsAt
    status
    steps {
      status
      at
    }
  }
`);

/** Calls off a booking or a room request before it begins; answers what tracking shows. */
export const PUBLIC_CANCEL = graphql(`
  mutation PublicCancel($code: String!, $phoneLast4: String!) {
    publicCancel(code: $code, phoneLast4: $phoneLast4) {
      ...PublicTrackingFields
    }
  }
`);

export const PUBLIC_TRACK = graphql(`
  query PublicTrack($code: String!, $phoneLast4: String!) {
    publicTrack(code: $code, phoneLast4: $phoneLast4) {
      ...PublicTrackingFields
    }
  }
`);
