// Enum values mirror the public API contract (server/contract/schema.graphql, vendored) exactly; the server
// registers these objects as GraphQL enums and the web uses them for labels.

export const Role = {
  COMMITTEE_ADMIN: 'COMMITTEE_ADMIN',
  UNIT_ADMIN: 'UNIT_ADMIN',
  GRID_WORKER: 'GRID_WORKER',
  VIEWER: 'VIEWER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** An account: a DISABLED one cannot sign in, and its sessions have ended; its history stays. */
export const UserStatus = { ACTIVE: 'ACTIVE', DISABLED: 'DISABLED' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

export const UnitKind = {
  GOVERNMENT_AGENCY: 'GOVERNMENT_AGENCY',
  PUBLIC_INSTITUTION: 'PUBLIC_INSTITUTION',
  STATE_ENTERPRISE: 'STATE_ENTERPRISE',
  PRIVATE_ENTERPRISE: 'PRIVATE_ENTERPRISE',
  SOCIAL_ORGANIZATION: 'SOCIAL_ORGANIZATION',
  OTHER: 'OTHER',
} as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export const UnitStatus = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED', WITHDRAWN: 'WITHDRAWN' } as const;
export type UnitStatus = (typeof UnitStatus)[keyof typeof UnitStatus];

export const ShelfStatus = {
  DRAFT: 'DRAFT',
  PENDING_REVIEW: 'PENDING_REVIEW',
  ON_SHELF: 'ON_SHELF',
  OFF_SHELF: 'OFF_SHELF',
  REJECTED: 'REJECTED',
} as const;
export type ShelfStatus = (typeof ShelfStatus)[keyof typeof ShelfStatus];

export const NeedStatus = {
  REPORTED: 'REPORTED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  ORDERED: 'ORDERED',
  PLANNED: 'PLANNED',
  IN_PROGRESS: 'IN_PROGRESS',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
} as const;
export type NeedStatus = (typeof NeedStatus)[keyof typeof NeedStatus];

export const ActivityStatus = {
  DRAFT: 'DRAFT',
  OPEN: 'OPEN',
  ONGOING: 'ONGOING',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
export type ActivityStatus = (typeof ActivityStatus)[keyof typeof ActivityStatus];

export const ActivityKind = {
  CIVILIZED_CITY: 'CIVILIZED_CITY',
  ASSISTANCE: 'ASSISTANCE',
  EPIDEMIC_PREVENTION: 'EPIDEMIC_PREVENTION',
  SERVICE: 'SERVICE',
  /** 红色教育: e.g. the 红色驿站's exhibitions going into schools, barracks, offices. */
  RED_EDUCATION: 'RED_EDUCATION',
  /** 党史学习教育: e.g. knowledge contests. */
  PARTY_HISTORY: 'PARTY_HISTORY',
  OTHER: 'OTHER',
} as const;
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];

export const SignupStatus = {
  CONFIRMED: 'CONFIRMED',
  WAITLISTED: 'WAITLISTED',
  WITHDRAWN: 'WITHDRAWN',
  REJECTED: 'REJECTED',
  /** The committee cancelled the activity while the sign-up was live (CONFIRMED or WAITLISTED). */
  ACTIVITY_CANCELLED: 'ACTIVITY_CANCELLED',
} as const;
export type SignupStatus = (typeof SignupStatus)[keyof typeof SignupStatus];

/**
 * A unit's co-building agreement as of today (docs/adoption.md: Agreements):
 * see agreementStatus() in agreements.ts.
 */
export const AgreementStatus = { VALID: 'VALID', EXPIRING: 'EXPIRING', EXPIRED: 'EXPIRED', NONE: 'NONE' } as const;
export type AgreementStatus = (typeof AgreementStatus)[keyof typeof AgreementStatus];

export const CategoryCode = {
  PARTY_MASS_SERVICE: 'PARTY_MASS_SERVICE',
  ENVIRONMENT_SANITATION: 'ENVIRONMENT_SANITATION',
  LIVELIHOOD_SECURITY: 'LIVELIHOOD_SECURITY',
} as const;
export type CategoryCode = (typeof CategoryCode)[keyof typeof CategoryCode];

/** Why a token was refused (UNAUTHENTICATED's `extensions.reason`): the admin tells the person which. */
export const SessionEndReason = {
  /** The account was disabled, deleted, re-passworded or changed role, unit or grid. */
  SESSION_ENDED: 'SESSION_ENDED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  INVALID_TOKEN: 'INVALID_TOKEN',
} as const;
export type SessionEndReason = (typeof SessionEndReason)[keyof typeof SessionEndReason];

/** The error codes a client can receive in `extensions.code`. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** Signed in with a temporary password: only changePassword (and me) work until it is changed. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached for the moment (restarting, failing over): nothing was done; try again shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Why a CONFLICT was refused, where the admin says more than "reload" (`extensions.reason`);
 * the figures it needs come beside it in the extensions (CLAIM_LIMIT_REACHED: `limit`, `open`).
 */
export const ConflictReason = {
  /** The unit already holds the alliance's maxOpenClaims open claims. */
  CLAIM_LIMIT_REACHED: 'CLAIM_LIMIT_REACHED',
  /** The unit has already claimed this need. */
  ALREADY_CLAIMED: 'ALREADY_CLAIMED',
  /** A confirmed reservation of the venue overlaps the time asked for (extensions.conflictsWith names it). */
  VENUE_TAKEN: 'VENUE_TAKEN',
  /** Every place of the service slot is taken. */
  SLOT_FULL: 'SLOT_FULL',
  /** A resident's own report not yet verified by its grid's worker: it cannot be screened yet. */
  NOT_VERIFIED: 'NOT_VERIFIED',
  /** The resident's report was verified already. */
  ALREADY_VERIFIED: 'ALREADY_VERIFIED',
  /** Only a resident's own report (source RESIDENT) is verified. */
  NOT_RESIDENT_NEED: 'NOT_RESIDENT_NEED',
} as const;
export type ConflictReason = (typeof ConflictReason)[keyof typeof ConflictReason];

/** 党群服务中心的场地: what kind of room a venue is. */
export const VenueKind = {
  SPORTS: 'SPORTS',
  READING: 'READING',
  COUNSELLING: 'COUNSELLING',
  MEETING: 'MEETING',
  OTHER: 'OTHER',
} as const;
export type VenueKind = (typeof VenueKind)[keyof typeof VenueKind];

/** A venue reservation: the committee's and units' are CONFIRMED at once; residents' wait as REQUESTED. */
export const VenueReservationStatus = {
  REQUESTED: 'REQUESTED',
  CONFIRMED: 'CONFIRMED',
  DECLINED: 'DECLINED',
  CANCELLED: 'CANCELLED',
} as const;
export type VenueReservationStatus = (typeof VenueReservationStatus)[keyof typeof VenueReservationStatus];

/** 错时约办: a resident's booking of a service slot. */
export const BookingStatus = {
  BOOKED: 'BOOKED',
  DONE: 'DONE',
  NO_SHOW: 'NO_SHOW',
  CANCELLED: 'CANCELLED',
} as const;
export type BookingStatus = (typeof BookingStatus)[keyof typeof BookingStatus];

/** Who brought a need in: the alliance's own people (a grid worker, the committee) or a resident on the residents' page (群众点单). */
export const NeedSource = { STAFF: 'STAFF', RESIDENT: 'RESIDENT' } as const;
export type NeedSource = (typeof NeedSource)[keyof typeof NeedSource];
