import type { AgreementStatus } from '@alliance/shared';

/**
 * docs/adoption.md "Agreements": a unit without a valid agreement may still offer
 * projects, but the review screen and the order form warn. EXPIRING is still valid.
 */
export function lacksValidAgreement(status: AgreementStatus | null | undefined): boolean {
  return status === 'EXPIRED' || status === 'NONE';
}

/** The units (by name, once each, in order) of these that have no valid agreement. */
export function unitsWithoutAgreement(units: readonly { id: string; name: string; agreementStatus?: AgreementStatus | null }[]): string[] {
  const seen = new Map<string, string>();
  for (const u of units) if (lacksValidAgreement(u.agreementStatus) && !seen.has(u.id)) seen.set(u.id, u.name);
  return [...seen.values()];
}

export const AGREEMENT_TAG_TYPES: Readonly<Record<AgreementStatus, 'success' | 'warning' | 'danger' | 'info'>> = {
  VALID: 'success',
  EXPIRING: 'warning',
  EXPIRED: 'danger',
  NONE: 'info',
};
