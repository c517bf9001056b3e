import { localDate } from './dates.js';
import type { AgreementStatus } from './enums.js';

/** A valid agreement ending within this many days (today included in the count from tomorrow) is EXPIRING. */
export const AGREEMENT_EXPIRING_DAYS = 30;

export interface AgreementDates {
  /** YYYY-MM-DD */
  signedAt: string;
  /** YYYY-MM-DD, the last day it holds */
  validUntil: string;
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * docs/adoption.md "Agreements", one definition for the server (the field
 * and the filter's SQL mirror it) and the web:
 * - VALID: an agreement holds today (signedAt <= today <= validUntil) and the
 *   latest day any of those holding today runs to is more than 30 days away;
 * - EXPIRING: one holds today, but all of those end within 30 days
 *   (validUntil <= today + 30);
 * - EXPIRED: none holds today and one has ended (validUntil < today);
 * - NONE: none ever signed, or only ones that start later.
 * `today` is the alliance's local date (Asia/Shanghai) unless given.
 */
export function agreementStatus(agreements: readonly AgreementDates[], today: string = localDate()): AgreementStatus {
  let validEnd: string | null = null;
  let ended = false;
  for (const a of agreements) {
    if (a.signedAt <= today && today <= a.validUntil) {
      if (validEnd === null || a.validUntil > validEnd) validEnd = a.validUntil;
    } else if (a.validUntil < today) {
      ended = true;
    }
  }
  if (validEnd !== null) return validEnd <= addDays(today, AGREEMENT_EXPIRING_DAYS) ? 'EXPIRING' : 'VALID';
  return ended ? 'EXPIRED' : 'NONE';
}
