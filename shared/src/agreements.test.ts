import { describe, expect, it } from 'vitest';
import { addDays, agreementStatus } from './agreements.js';

const today = '2026-03-01';
const a = (signedAt: string, validUntil: string) => ({ signedAt, validUntil });

describe('agreementStatus', () => {
  it('VALID: holds today and runs more than 30 days on', () => {
    expect(agreementStatus([a('2025-03-01', addDays(today, 31))], today)).toBe('VALID');
    expect(agreementStatus([a(today, addDays(today, 365))], today)).toBe('VALID');
  });
  it('EXPIRING: holds today and ends within 30 days (the last day included)', () => {
    expect(agreementStatus([a('2025-03-01', addDays(today, 30))], today)).toBe('EXPIRING');
    expect(agreementStatus([a('2025-03-01', today)], today)).toBe('EXPIRING');
  });
  it('EXPIRED: none holds and one has ended', () => {
    expect(agreementStatus([a('2024-01-01', addDays(today, -1))], today)).toBe('EXPIRED');
    expect(agreementStatus([a('2024-01-01', '2024-12-31'), a(addDays(today, 5), '2027-12-31')], today)).toBe('EXPIRED');
  });
  it('NONE: none signed, or only one that starts later', () => {
    expect(agreementStatus([], today)).toBe('NONE');
    expect(agreementStatus([a(addDays(today, 1), '2030-01-01')], today)).toBe('NONE');
  });
  it('several: the best holding one decides; an old ended one does not matter', () => {
    expect(agreementStatus([a('2020-01-01', '2021-01-01'), a('2025-06-01', addDays(today, 10)), a('2025-09-01', '2027-01-01')], today)).toBe('VALID');
    expect(agreementStatus([a('2020-01-01', '2021-01-01'), a('2025-06-01', addDays(today, 10))], today)).toBe('EXPIRING');
  });
  it('addDays crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
