import { graphql } from '../gql';

export const UNIT_LIST = graphql(`
  query MemberUnits($filter: MemberUnitFilter, $first: Int, $after: String) {
    memberUnits(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        kind
        status
        contactName
        contactPhone
        partyMemberCount
        points
        joinedAt
        agreement {
          id
          validUntil
        }
      }
    }
  }
`);

export const UNIT_FIELDS = graphql(`
  fragment UnitFields on MemberUnit {
    id
    name
    kind
    creditCode
    partyOrgName
    partyMemberCount
    contactName
    contactPhone
    address
    status
    joinedAt
    points
    version
    agreement {
      id
      signedAt
      validUntil
      responsibilities
    }
  }
`);

export const UNIT_DETAIL = graphql(`
  query MemberUnit($id: ID!) {
    memberUnit(id: $id) {
      ...UnitFields
      shelfProjects {
        id
        title
        status
        orderCount
        category {
          id
          code
          name
        }
      }
    }
  }
`);

/** Every unit's id and name, for pickers (an alliance has a few dozen units). */
export const UNIT_OPTIONS = graphql(`
  query UnitOptions {
    memberUnits(first: 100, filter: { status: ACTIVE }) {
      nodes {
        id
        name
      }
    }
  }
`);

export const CREATE_UNIT = graphql(`
  mutation CreateMemberUnit($input: CreateMemberUnitInput!) {
    createMemberUnit(input: $input) {
      ...UnitFields
    }
  }
`);

export const UPDATE_UNIT = graphql(`
  mutation UpdateMemberUnit($id: ID!, $version: Int!, $input: UpdateMemberUnitInput!) {
    updateMemberUnit(id: $id, version: $version, input: $input) {
      ...UnitFields
    }
  }
`);

export const SIGN_AGREEMENT = graphql(`
  mutation SignAgreement($unitId: ID!, $input: AgreementInput!) {
    signAgreement(unitId: $unitId, input: $input) {
      id
      signedAt
      validUntil
      responsibilities
    }
  }
`);

/** Every unit's id, name and status, whatever its status (account bindings, audit summaries). */
export const UNIT_NAMES = graphql(`
  query UnitNames {
    memberUnits(first: 100) {
      nodes {
        id
        name
        status
      }
    }
  }
`);

/** 积分明细: the unit's points ledger in a period (newest first) with the period's total. */
export const POINTS_LEDGER = graphql(`
  query PointsLedger($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {
    pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      totalPoints
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        points
        source
        earnedAt
        note
        activity {
          id
          title
        }
        need {
          id
          title
        }
      }
    }
  }
`);
