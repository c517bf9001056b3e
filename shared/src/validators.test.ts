import { describe, expect, it } from 'vitest';
import { checkIntRange, checkOrder, checkText, creditCodeCheckChar, isValidCreditCode, isValidDate, isValidPhone, maskPhone } from './validators.js';

describe('credit codes (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character', () => {
    // A published example of the standard's check: 91350100M000100Y43.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91150702MA0N7K2X3X')).toBe(true);
  });
  it('refuses a wrong check character, a wrong length, letters outside the alphabet, lower case', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });
});

describe('phones', () => {
  it('mainland mobiles and landlines with an area code', () => {
    for (const p of ['13800138000', '19912345678', '0470-8212345', '04708212345', '010-62345678', '0470-8212345-801']) expect(isValidPhone(p), p).toBe(true);
    for (const p of ['12800138000', '1380013800', '8212345', '0470-123', '+8613800138000', '']) expect(isValidPhone(p), p).toBe(false);
  });
  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0470-8212345')).toBe('047****2345');
  });
});

describe('text', () => {
  it('required, bounded by characters (not bytes), no control characters', () => {
    expect(checkText('', { max: 5, required: true })).toBe('REQUIRED');
    expect(checkText(null, { max: 5 })).toBeNull();
    expect(checkText('五个汉字啊', { max: 5 })).toBeNull();
    expect(checkText('六个汉字啊啊', { max: 5 })).toBe('TOO_LONG');
    expect(checkText('a\tb', { max: 5 })).toBe('CONTROL_CHARACTERS');
    expect(checkText('a\nb', { max: 5, multiline: true })).toBeNull();
    expect(checkText('a\u0000b', { max: 5, multiline: true })).toBe('CONTROL_CHARACTERS');
  });
});

describe('numbers and dates', () => {
  it('ranges and order', () => {
    expect(checkIntRange(0, { min: 1, max: 500 })).toBe('OUT_OF_RANGE');
    expect(checkIntRange(1.5, { min: 1, max: 500 })).toBe('NOT_AN_INTEGER');
    expect(checkIntRange(500, { min: 1, max: 500 })).toBeNull();
    expect(checkOrder('2026-01-01', '2026-01-01')).toBe('DATE_ORDER');
    expect(checkOrder('2026-01-01', '2026-01-02')).toBeNull();
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
  });
});
