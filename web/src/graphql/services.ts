import { graphql } from '../gql';

/** 错时约办: slots of shelf projects and residents' bookings of them. */

export const SLOT_FIELDS = graphql(`
  fragment SlotFields on ServiceSlot {
    id
    startsAt
    endsAt
    capacity
    booked
    offHours
  }
`);

export const BOOKING_FIELDS = graphql(`
  fragment BookingFields on Booking {
    id
    status
    residentName
    residentPhone
    location
    note
    createdAt
  }
`);

export const SERVICE_SLOTS = graphql(`
  query ServiceSlots($projectId: ID!, $from: Date!, $to: Date!) {
    serviceSlots(projectId: $projectId, from: $from, to: $to) {
      ...SlotFields
    }
  }
`);

export const UNIT_BOOKINGS = graphql(`
  query UnitBookings($from: Date!, $to: Date!, $unitId: ID) {
    unitBookings(from: $from, to: $to, unitId: $unitId) {
      ...BookingFields
      slot {
        ...SlotFields
        project {
          id
          title
          unit {
            id
            name
          }
        }
      }
    }
  }
`);

export const CREATE_SERVICE_SLOTS = graphql(`
  mutation CreateServiceSlots($projectId: ID!, $input: ServiceSlotsInput!) {
    createServiceSlots(projectId: $projectId, input: $input) {
      ...SlotFields
    }
  }
`);

export const BOOK_SERVICE_SLOT = graphql(`
  mutation BookServiceSlot($slotId: ID!, $input: BookingInput!) {
    bookServiceSlot(slotId: $slotId, input: $input) {
      ...BookingFields
      slot {
        ...SlotFields
      }
    }
  }
`);

export const COMPLETE_BOOKING = graphql(`
  mutation CompleteBooking($id: ID!, $outcome: BookingStatus!) {
    completeBooking(id: $id, outcome: $outcome) {
      ...BookingFields
      slot {
        ...SlotFields
      }
    }
  }
`);

export const CANCEL_BOOKING = graphql(`
  mutation CancelBooking($id: ID!) {
    cancelBooking(id: $id) {
      ...BookingFields
      slot {
        ...SlotFields
      }
    }
  }
`);

/** A room as the week calendar shows it and the room form edits it. */
export const VENUE_FIELDS = graphql(`
  fragment VenueFields on Venue {
    id
    name
    kind
    capacity
    opensAt
    closesAt
  }
`);

/** The service centre's rooms and their reservations (the admin's week calendar). */
export const VENUES = graphql(`
  query Venues {
    venues {
      ...VenueFields
    }
  }
`);

export const CREATE_VENUE = graphql(`
  mutation CreateVenue($input: VenueInput!) {
    createVenue(input: $input) {
      ...VenueFields
    }
  }
`);

export const UPDATE_VENUE = graphql(`
  mutation UpdateVenue($id: ID!, $input: VenueInput!) {
    updateVenue(id: $id, input: $input) {
      ...VenueFields
    }
  }
`);

export const VENUE_RESERVATIONS = graphql(`
  query VenueReservations($from: DateTime!, $to: DateTime!) {
    venueReservations(from: $from, to: $to) {
      id
      status
      purpose
      startsAt
      endsAt
      residentName
      residentPhone
      venue {
        id
      }
      unit {
        id
        name
      }
    }
  }
`);

export const RESERVE_VENUE = graphql(`
  mutation ReserveVenue($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!) {
    reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose) {
      id
      status
    }
  }
`);

export const CONFIRM_VENUE_RESERVATION = graphql(`
  mutation ConfirmVenueReservation($id: ID!) {
    confirmVenueReservation(id: $id) {
      id
      status
    }
  }
`);

export const DECLINE_VENUE_RESERVATION = graphql(`
  mutation DeclineVenueReservation($id: ID!) {
    declineVenueReservation(id: $id) {
      id
      status
    }
  }
`);

export const CANCEL_VENUE_RESERVATION = graphql(`
  mutation CancelVenueReservation($id: ID!) {
    cancelVenueReservation(id: $id) {
      id
      status
    }
  }
`);
