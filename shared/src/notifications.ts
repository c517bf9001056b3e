// What an inbox entry says happened (docs/adoption.md "Notifications"). The
// database keeps the kind and its parameters, never prose: the admin renders
// them in the reader's language.
export const NotificationKind = {
  NEED_ASSIGNED: 'NEED_ASSIGNED',
  NEED_REASSIGNED: 'NEED_REASSIGNED',
  NEED_REOPENED: 'NEED_REOPENED',
  NEED_DUE_SOON: 'NEED_DUE_SOON',
  FOLLOW_UP_DUE: 'FOLLOW_UP_DUE',
  PROJECT_APPROVED: 'PROJECT_APPROVED',
  PROJECT_REJECTED: 'PROJECT_REJECTED',
  PROJECT_TAKEN_DOWN: 'PROJECT_TAKEN_DOWN',
  SIGNUP_CONFIRMED: 'SIGNUP_CONFIRMED',
  SIGNUP_WAITLISTED: 'SIGNUP_WAITLISTED',
  SIGNUP_PROMOTED: 'SIGNUP_PROMOTED',
  ACTIVITY_CANCELLED: 'ACTIVITY_CANCELLED',
  AGREEMENT_EXPIRING: 'AGREEMENT_EXPIRING',
  ACCOUNT_CREATED: 'ACCOUNT_CREATED',
  ACCOUNT_PASSWORD_RESET: 'ACCOUNT_PASSWORD_RESET',
  ACCOUNT_ENABLED: 'ACCOUNT_ENABLED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** A need due within this many days (or overdue) tells its assignee, once per due date. */
export const NEED_DUE_SOON_DAYS = 2;
/** A need RESOLVED this long without a follow-up tells its grid's workers, once per resolution. */
export const FOLLOW_UP_DUE_DAYS = 1;
