/**
 * Validators shared by the server (which enforces them) and the web (which
 * checks forms before sending). Each returns null when the value is fine, or
 * a reason code that both sides translate with the labels in labels.ts.
 */

export type InvalidReason =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'CONTROL_CHARACTERS'
  | 'INVALID_CHARACTERS'
  | 'INVALID_CREDIT_CODE'
  | 'INVALID_PHONE'
  | 'OUT_OF_RANGE'
  | 'NOT_AN_INTEGER'
  | 'DATE_ORDER'
  | 'INVALID_DATE'
  | 'INVALID_ID'
  | 'INVALID_CURSOR'
  | 'INVALID_URL'
  | 'DUPLICATE'
  | 'INVALID_USERNAME'
  | 'TOO_SHORT'
  | 'SAME_AS_USERNAME'
  | 'TOO_COMMON'
  | 'WRONG_PASSWORD'
  | 'NOT_ALLOWED_FOR_ROLE'
  | 'SAME_AS_CURRENT'
  | 'NOT_IN_FUTURE'
  | 'NOT_IN_PAST'
  | 'TOO_EARLY'
  /** The residents' page: a photo sent after the hour a need's report leaves for it. */
  | 'TOO_LATE'
  /** A building is looked after only by ACTIVE red grid workers (FULL_TIME, PART_TIME) of its own grid. */
  | 'NOT_RED_GRID_WORKER'
  /** The party member has left the community (TRANSFERRED_OUT). */
  | 'MEMBER_TRANSFERRED'
  /** A party group belongs to another branch than the one given. */
  | 'GROUP_OF_OTHER_BRANCH'
  /** A value of the wrong shape (e.g. a grid outline that is not SVG polygon points). */
  | 'INVALID_FORMAT'
  /** A field this kind of record does not have (e.g. a grid for a branch that is not a grid branch). */
  | 'NOT_FOR_THIS_KIND'
  | 'OUTSIDE_OPENING_HOURS'
  /** The residents' page: the CAPTCHA was not solved, expired, or was already used. */
  | 'CAPTCHA_FAILED'
  /** The residents' page: the field people do not see was filled (a form-filling robot). */
  | 'HONEYPOT_FILLED';

export const LIMITS = {
  title: 100,
  name: 100,
  personName: 50,
  description: 5000,
  responsibilities: 5000,
  comment: 1000,
  address: 200,
  search: 100,
  tag: 20,
  tags: 10,
  partyMemberCount: { min: 0, max: 100000 },
  capacityPerMonth: { min: 1, max: 10000 },
  satisfaction: { min: 1, max: 5 },
  headcount: { min: 1, max: 500 },
  maxUnits: { min: 1, max: 1000 },
  pageSize: { min: 1, max: 100 },
  /** An activity's outcome: the columns would take more; people do not. */
  outcome: {
    participants: { min: 0, max: 1_000_000 },
    beneficiaries: { min: 0, max: 10_000_000 },
    volunteerHours: { min: 0, max: 10_000_000 },
  },
  username: { min: 3, max: 32 },
  /** Passwords: at least this long (docs/adoption.md: Accounts); long passphrases are welcome. */
  password: { min: 10, minCommittee: 12, max: 128 },
  reason: 200,
  /** Projects or needs attached to one activity, or ordered for one need. */
  attachments: 50,
  /** Records decided by one batch action (批量审核): a page of the review queue at its largest size. */
  batch: 100,
} as const;

/** 错时约办 slots (createServiceSlots, serviceSlots): held by the server, offered by the admin's form. */
export const SLOT_LIMITS = { capacity: { min: 1, max: 1000 }, weeks: { min: 1, max: 26 }, hoursMax: 12, rangeDaysMax: 62 } as const;

/** The service centre's rooms (createVenue, updateVenue): held by the server and the table's CHECK, offered by the admin's form. */
export const VENUE_LIMITS = { capacity: { min: 1, max: 10000 } } as const;

/** A time of day as the admin and the API write it: HH:MM, 00:00–23:59. */
export function isValidTimeOfDay(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

// GB 32100-2015: 18 characters from 31 symbols (digits and capitals without I O S V Z),
// the 18th a check character over the first 17 with these weights, modulo 31.
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2..3 digits, 7..8 digit number, optional extension.
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/;

export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** 138****1234: keep the first three and the last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

// Tab, line feed and carriage return are allowed only in multi-line text.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// Half of a surrogate pair without its other half: not Unicode, and stored as U+FFFD if at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What no text may hold, whatever its field: NUL (PostgreSQL cannot store it) and lone surrogates. */
export function textProblem(value: string): InvalidReason | null {
  if (value.includes('\u0000')) return 'CONTROL_CHARACTERS';
  if (LONE_SURROGATE.test(value)) return 'INVALID_CHARACTERS';
  return null;
}

export interface TextRule {
  max: number;
  required?: boolean;
  multiline?: boolean;
}

/** Checks an already trimmed text value. */
export function checkText(value: string | null | undefined, rule: TextRule): InvalidReason | null {
  if (value === null || value === undefined || value === '') return rule.required ? 'REQUIRED' : null;
  if ([...value].length > rule.max) return 'TOO_LONG';
  if ((rule.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return 'CONTROL_CHARACTERS';
  return textProblem(value);
}

export function checkIntRange(value: number | null | undefined, range: { min: number; max: number }, required = true): InvalidReason | null {
  if (value === null || value === undefined) return required ? 'REQUIRED' : null;
  if (!Number.isInteger(value)) return 'NOT_AN_INTEGER';
  if (value < range.min || value > range.max) return 'OUT_OF_RANGE';
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD calendar date that exists. */
export function isValidDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** A date-time that must lie ahead (a need's due date): strictly after `now`. */
export function checkInFuture(value: Date | string, now: Date = new Date()): InvalidReason | null {
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return 'INVALID_DATE';
  return t > now.getTime() ? null : 'NOT_IN_FUTURE';
}

/** `later` must be strictly after `earlier` (dates or date-times). */
export function checkOrder(earlier: Date | string, later: Date | string): InvalidReason | null {
  return new Date(later).getTime() > new Date(earlier).getTime() ? null : 'DATE_ORDER';
}

const USERNAME = /^[a-z0-9._-]+$/;

/** 3–32 characters of a-z 0-9 . _ - (compared lowercase: give it lowercased). */
export function checkUsername(username: string | null | undefined): InvalidReason | null {
  if (!username) return 'REQUIRED';
  if (username.length < LIMITS.username.min || username.length > LIMITS.username.max || !USERNAME.test(username)) return 'INVALID_USERNAME';
  return null;
}

/** The shortest password a role may have: the committee's accounts can do the most. */
export function minPasswordLength(role: string): number {
  return role === 'COMMITTEE_ADMIN' ? LIMITS.password.minCommittee : LIMITS.password.min;
}

/**
 * The rules both sides can check. The server adds the list of the 10,000
 * most common passwords (too large for the admin's bundle).
 */
export function checkPasswordShape(password: string | null | undefined, username: string, role: string): InvalidReason | null {
  if (!password) return 'REQUIRED';
  if ([...password].length < minPasswordLength(role)) return 'TOO_SHORT';
  if ([...password].length > LIMITS.password.max) return 'TOO_LONG';
  if (CONTROL_MULTI_LINE.test(password)) return 'CONTROL_CHARACTERS';
  if (password.toLowerCase() === username.toLowerCase()) return 'SAME_AS_USERNAME';
  return null;
}
