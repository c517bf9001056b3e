/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type PublicBookingInput = {
  /** The solved publicCaptcha challenge: the ALTCHA payload (base64 JSON). */
  captcha: string;
  note?: string | null | undefined;
  residentName: string;
  residentPhone: string;
  slotId: string | number;
  /** Leave empty: a field people do not see, which form-filling robots fill. */
  website?: string | null | undefined;
};

export type PublicNeedInput = {
  /** The address (with gridId), or the flat within the building. */
  address?: string | null | undefined;
  /** One of the buildings of publicAlliance; the need goes to its grid. Or gridId with an address. */
  buildingId?: string | number | null | undefined;
  /** The solved publicCaptcha challenge: the ALTCHA payload (base64 JSON). */
  captcha: string;
  description: string;
  /** For an address that is not one of the buildings: its grid. */
  gridId?: string | number | null | undefined;
  residentName: string;
  residentPhone: string;
  title: string;
  /** Leave empty: a field people do not see, which form-filling robots fill. */
  website?: string | null | undefined;
};

export type PublicTrackingKind =
  | 'BOOKING'
  | 'NEED'
  | 'VENUE_RESERVATION';

export type PublicVenueRequestInput = {
  /** The solved publicCaptcha challenge: the ALTCHA payload (base64 JSON). */
  captcha: string;
  endsAt: string;
  purpose: string;
  residentName: string;
  residentPhone: string;
  startsAt: string;
  venueId: string | number;
  /** Leave empty: a field people do not see, which form-filling robots fill. */
  website?: string | null | undefined;
};

export type VenueKind =
  | 'COUNSELLING'
  | 'MEETING'
  | 'OTHER'
  | 'READING'
  | 'SPORTS';

export type PublicAllianceQueryVariables = Exact<{
  code: string;
}>;


export type PublicAllianceQuery = { publicAlliance: { code: string, name: string, regionName: string, categories: Array<{ code: string, name: string, projects: Array<{ id: string, title: string, description: string, unitName: string, nextSlots: Array<{ id: string, startsAt: string, endsAt: string, offHours: boolean, placesLeft: number }> }> }>, buildings: Array<{ id: string, name: string }>, grids: Array<{ id: string, name: string }>, venues: Array<{ id: string, name: string, kind: VenueKind, capacity: number, opensAt: string, closesAt: string }> } };

export type PublicVenueBusyTimesQueryVariables = Exact<{
  allianceCode: string;
  venueId: string | number;
  from: string;
  to: string;
}>;


export type PublicVenueBusyTimesQuery = { publicVenueBusyTimes: Array<{ startsAt: string, endsAt: string }> };

export type PublicCaptchaQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicCaptchaQuery = { publicCaptcha: { challenge: string } };

export type PublicBookServiceSlotMutationVariables = Exact<{
  allianceCode: string;
  input: PublicBookingInput;
}>;


export type PublicBookServiceSlotMutation = { publicBookServiceSlot: { trackingCode: string } };

export type PublicRequestVenueMutationVariables = Exact<{
  allianceCode: string;
  input: PublicVenueRequestInput;
}>;


export type PublicRequestVenueMutation = { publicRequestVenue: { trackingCode: string } };

export type PublicReportNeedMutationVariables = Exact<{
  allianceCode: string;
  input: PublicNeedInput;
}>;


export type PublicReportNeedMutation = { publicReportNeed: { trackingCode: string } };

export type PublicTrackingFieldsFragment = { code: string, kind: PublicTrackingKind, subject: string | null, startsAt: string | null, status: string, steps: Array<{ status: string, at: string }> };

export type PublicCancelMutationVariables = Exact<{
  code: string;
  phoneLast4: string;
}>;


export type PublicCancelMutation = { publicCancel: { code: string, kind: PublicTrackingKind, subject: string | null, startsAt: string | null, status: string, steps: Array<{ status: string, at: string }> } };

export type PublicTrackQueryVariables = Exact<{
  code: string;
  phoneLast4: string;
}>;


export type PublicTrackQuery = { publicTrack: { code: string, kind: PublicTrackingKind, subject: string | null, startsAt: string | null, status: string, steps: Array<{ status: string, at: string }> } };

export const PublicTrackingFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicTrackingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicTracking"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<PublicTrackingFieldsFragment, unknown>;
export const PublicAllianceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicAlliance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicAlliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionName"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"nextSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"offHours"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeft"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"buildings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"venues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}}]}}]}}]}}]} as unknown as DocumentNode<PublicAllianceQuery, PublicAllianceQueryVariables>;
export const PublicVenueBusyTimesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicVenueBusyTimes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicVenueBusyTimes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"allianceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]} as unknown as DocumentNode<PublicVenueBusyTimesQuery, PublicVenueBusyTimesQueryVariables>;
export const PublicCaptchaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicCaptcha"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicCaptcha"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"}}]}}]}}]} as unknown as DocumentNode<PublicCaptchaQuery, PublicCaptchaQueryVariables>;
export const PublicBookServiceSlotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublicBookServiceSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublicBookingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicBookServiceSlot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"allianceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingCode"}}]}}]}}]} as unknown as DocumentNode<PublicBookServiceSlotMutation, PublicBookServiceSlotMutationVariables>;
export const PublicRequestVenueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublicRequestVenue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublicVenueRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicRequestVenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"allianceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingCode"}}]}}]}}]} as unknown as DocumentNode<PublicRequestVenueMutation, PublicRequestVenueMutationVariables>;
export const PublicReportNeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublicReportNeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublicNeedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicReportNeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"allianceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allianceCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingCode"}}]}}]}}]} as unknown as DocumentNode<PublicReportNeedMutation, PublicReportNeedMutationVariables>;
export const PublicCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublicCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneLast4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"phoneLast4"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneLast4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicTrackingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicTrackingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicTracking"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<PublicCancelMutation, PublicCancelMutationVariables>;
export const PublicTrackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicTrack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneLast4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicTrack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"phoneLast4"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneLast4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublicTrackingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublicTrackingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PublicTracking"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<PublicTrackQuery, PublicTrackQueryVariables>;