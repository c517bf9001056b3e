/*
 * The residents' page (群众点单, docs/adoption.md): what the server enforces
 * and the page shows before sending.
 */

/** An alliance's code in its page's address, /r/<code>: lowercase letters, digits and hyphens. */
export const ALLIANCE_CODE = /^[a-z][a-z0-9-]{1,31}$/;

export function isAllianceCode(code: string): boolean {
  return ALLIANCE_CODE.test(code);
}

/** Tracking codes: 8 characters without the ones residents confuse (0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const TRACKING_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const TRACKING_CODE_LENGTH = 8;

/** Upper-cases and drops spaces and hyphens, as residents type a code they were read or wrote down. */
export function normaliseTrackingCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function isTrackingCode(code: string): boolean {
  if (code.length !== TRACKING_CODE_LENGTH) return false;
  for (const ch of code) if (!TRACKING_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

export const PUBLIC_LIMITS = {
  /** Submissions (a booking, a room request, a need) per client address and per phone. */
  submissionsPerHour: 5,
  submissionsPerDay: 20,
  /** Tracking look-ups per client address: enough for a family, too few to guess codes. */
  tracksPerHour: 30,
  /** Photos of a reported need: how many, within how long of the report, and per client address per hour. */
  photosPerNeed: 3,
  photoMinutes: 60,
  photosPerHour: 10,
  /** How long a solved CAPTCHA challenge may wait before it is sent. */
  captchaSeconds: 10 * 60,
  /** What a resident writes about a need. */
  needTitle: 50,
  needDescription: 1000,
  /** Slots shown per project on the shelf, and how far ahead. */
  nextSlots: 3,
  slotDaysAhead: 28,
} as const;

/** The last 4 digits of a phone, which tracking asks for. */
export function phoneLast4(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}
