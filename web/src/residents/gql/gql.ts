/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PublicAlliance($code: String!) {\n    publicAlliance(code: $code) {\n      code\n      name\n      regionName\n      categories {\n        code\n        name\n        projects {\n          id\n          title\n          description\n          unitName\n          nextSlots {\n            id\n            startsAt\n            endsAt\n            offHours\n            placesLeft\n          }\n        }\n      }\n      buildings {\n        id\n        name\n      }\n      grids {\n        id\n        name\n      }\n      venues {\n        id\n        name\n        kind\n        capacity\n        opensAt\n        closesAt\n      }\n    }\n  }\n": typeof types.PublicAllianceDocument,
    "\n  query PublicVenueBusyTimes($allianceCode: String!, $venueId: ID!, $from: DateTime!, $to: DateTime!) {\n    publicVenueBusyTimes(allianceCode: $allianceCode, venueId: $venueId, from: $from, to: $to) {\n      startsAt\n      endsAt\n    }\n  }\n": typeof types.PublicVenueBusyTimesDocument,
    "\n  query PublicCaptcha {\n    publicCaptcha {\n      challenge\n    }\n  }\n": typeof types.PublicCaptchaDocument,
    "\n  mutation PublicBookServiceSlot($allianceCode: String!, $input: PublicBookingInput!) {\n    publicBookServiceSlot(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n": typeof types.PublicBookServiceSlotDocument,
    "\n  mutation PublicRequestVenue($allianceCode: String!, $input: PublicVenueRequestInput!) {\n    publicRequestVenue(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n": typeof types.PublicRequestVenueDocument,
    "\n  mutation PublicReportNeed($allianceCode: String!, $input: PublicNeedInput!) {\n    publicReportNeed(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n": typeof types.PublicReportNeedDocument,
    "\n  fragment PublicTrackingFields on PublicTracking {\n    code\n    kind\n    subject\n    startsAt\n    status\n    steps {\n      status\n      at\n    }\n  }\n": typeof types.PublicTrackingFieldsFragmentDoc,
    "\n  mutation PublicCancel($code: String!, $phoneLast4: String!) {\n    publicCancel(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n": typeof types.PublicCancelDocument,
    "\n  query PublicTrack($code: String!, $phoneLast4: String!) {\n    publicTrack(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n": typeof types.PublicTrackDocument,
};
const documents: Documents = {
    "\n  query PublicAlliance($code: String!) {\n    publicAlliance(code: $code) {\n      code\n      name\n      regionName\n      categories {\n        code\n        name\n        projects {\n          id\n          title\n          description\n          unitName\n          nextSlots {\n            id\n            startsAt\n            endsAt\n            offHours\n            placesLeft\n          }\n        }\n      }\n      buildings {\n        id\n        name\n      }\n      grids {\n        id\n        name\n      }\n      venues {\n        id\n        name\n        kind\n        capacity\n        opensAt\n        closesAt\n      }\n    }\n  }\n": types.PublicAllianceDocument,
    "\n  query PublicVenueBusyTimes($allianceCode: String!, $venueId: ID!, $from: DateTime!, $to: DateTime!) {\n    publicVenueBusyTimes(allianceCode: $allianceCode, venueId: $venueId, from: $from, to: $to) {\n      startsAt\n      endsAt\n    }\n  }\n": types.PublicVenueBusyTimesDocument,
    "\n  query PublicCaptcha {\n    publicCaptcha {\n      challenge\n    }\n  }\n": types.PublicCaptchaDocument,
    "\n  mutation PublicBookServiceSlot($allianceCode: String!, $input: PublicBookingInput!) {\n    publicBookServiceSlot(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n": types.PublicBookServiceSlotDocument,
    "\n  mutation PublicRequestVenue($allianceCode: String!, $input: PublicVenueRequestInput!) {\n    publicRequestVenue(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n": types.PublicRequestVenueDocument,
    "\n  mutation PublicReportNeed($allianceCode: String!, $input: PublicNeedInput!) {\n    publicReportNeed(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n": types.PublicReportNeedDocument,
    "\n  fragment PublicTrackingFields on PublicTracking {\n    code\n    kind\n    subject\n    startsAt\n    status\n    steps {\n      status\n      at\n    }\n  }\n": types.PublicTrackingFieldsFragmentDoc,
    "\n  mutation PublicCancel($code: String!, $phoneLast4: String!) {\n    publicCancel(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n": types.PublicCancelDocument,
    "\n  query PublicTrack($code: String!, $phoneLast4: String!) {\n    publicTrack(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n": types.PublicTrackDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicAlliance($code: String!) {\n    publicAlliance(code: $code) {\n      code\n      name\n      regionName\n      categories {\n        code\n        name\n        projects {\n          id\n          title\n          description\n          unitName\n          nextSlots {\n            id\n            startsAt\n            endsAt\n            offHours\n            placesLeft\n          }\n        }\n      }\n      buildings {\n        id\n        name\n      }\n      grids {\n        id\n        name\n      }\n      venues {\n        id\n        name\n        kind\n        capacity\n        opensAt\n        closesAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicAlliance($code: String!) {\n    publicAlliance(code: $code) {\n      code\n      name\n      regionName\n      categories {\n        code\n        name\n        projects {\n          id\n          title\n          description\n          unitName\n          nextSlots {\n            id\n            startsAt\n            endsAt\n            offHours\n            placesLeft\n          }\n        }\n      }\n      buildings {\n        id\n        name\n      }\n      grids {\n        id\n        name\n      }\n      venues {\n        id\n        name\n        kind\n        capacity\n        opensAt\n        closesAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicVenueBusyTimes($allianceCode: String!, $venueId: ID!, $from: DateTime!, $to: DateTime!) {\n    publicVenueBusyTimes(allianceCode: $allianceCode, venueId: $venueId, from: $from, to: $to) {\n      startsAt\n      endsAt\n    }\n  }\n"): (typeof documents)["\n  query PublicVenueBusyTimes($allianceCode: String!, $venueId: ID!, $from: DateTime!, $to: DateTime!) {\n    publicVenueBusyTimes(allianceCode: $allianceCode, venueId: $venueId, from: $from, to: $to) {\n      startsAt\n      endsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicCaptcha {\n    publicCaptcha {\n      challenge\n    }\n  }\n"): (typeof documents)["\n  query PublicCaptcha {\n    publicCaptcha {\n      challenge\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicBookServiceSlot($allianceCode: String!, $input: PublicBookingInput!) {\n    publicBookServiceSlot(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n"): (typeof documents)["\n  mutation PublicBookServiceSlot($allianceCode: String!, $input: PublicBookingInput!) {\n    publicBookServiceSlot(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicRequestVenue($allianceCode: String!, $input: PublicVenueRequestInput!) {\n    publicRequestVenue(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n"): (typeof documents)["\n  mutation PublicRequestVenue($allianceCode: String!, $input: PublicVenueRequestInput!) {\n    publicRequestVenue(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicReportNeed($allianceCode: String!, $input: PublicNeedInput!) {\n    publicReportNeed(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n"): (typeof documents)["\n  mutation PublicReportNeed($allianceCode: String!, $input: PublicNeedInput!) {\n    publicReportNeed(allianceCode: $allianceCode, input: $input) {\n      trackingCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublicTrackingFields on PublicTracking {\n    code\n    kind\n    subject\n    startsAt\n    status\n    steps {\n      status\n      at\n    }\n  }\n"): (typeof documents)["\n  fragment PublicTrackingFields on PublicTracking {\n    code\n    kind\n    subject\n    startsAt\n    status\n    steps {\n      status\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicCancel($code: String!, $phoneLast4: String!) {\n    publicCancel(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublicCancel($code: String!, $phoneLast4: String!) {\n    publicCancel(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicTrack($code: String!, $phoneLast4: String!) {\n    publicTrack(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n"): (typeof documents)["\n  query PublicTrack($code: String!, $phoneLast4: String!) {\n    publicTrack(code: $code, phoneLast4: $phoneLast4) {\n      ...PublicTrackingFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;