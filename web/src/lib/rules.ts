import type { FormItemRule } from 'element-plus';
import {
  checkInFuture,
  INVALID_REASON_LABELS,
  checkIntRange,
  checkOrder,
  checkText,
  isValidCreditCode,
  isValidPhone,
  type InvalidReason,
  type TextRule,
} from '@alliance/shared';
import { currentLocale } from '../i18n';

/*
 * Element Plus form rules built from @alliance/shared's validators: the same
 * checks the server runs, with the same reason labels, so a form rejects
 * client-side exactly what the server would reject.
 */

export function reasonMessage(reason: InvalidReason): string {
  return INVALID_REASON_LABELS[currentLocale.value][reason];
}

/*
 * `required` marks the field with Element Plus's asterisk (the form item reads it
 * from its rules); the validator alone decides, as async-validator runs only the
 * validator of a rule that has one.
 */
function ruleOf(check: (value: unknown) => InvalidReason | null, trigger: 'blur' | 'change' = 'blur', isRequired = false): FormItemRule {
  return {
    trigger,
    ...(isRequired ? { required: true } : {}),
    validator: (_rule, value, callback) => {
      const reason = check(value);
      if (reason) callback(new Error(reasonMessage(reason)));
      else callback();
    },
  };
}

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v == null ? '' : String(v));

export const text = (rule: TextRule): FormItemRule => ruleOf((v) => checkText(trimmed(v), rule), 'blur', !!rule.required);

/** Mainland mobile or a landline with area code. */
export const phone = (required = true): FormItemRule =>
  ruleOf((v) => {
    const s = trimmed(v);
    if (!s) return required ? 'REQUIRED' : null;
    return isValidPhone(s) ? null : 'INVALID_PHONE';
  }, 'blur', required);

/** 统一社会信用代码 (GB 32100-2015), optional unless required. */
export const creditCode = (required = false): FormItemRule =>
  ruleOf((v) => {
    const s = trimmed(v).toUpperCase();
    if (!s) return required ? 'REQUIRED' : null;
    return isValidCreditCode(s) ? null : 'INVALID_CREDIT_CODE';
  }, 'blur', required);

export const intRange = (range: { min: number; max: number }, required = true): FormItemRule =>
  ruleOf((v) => checkIntRange(v === '' || v === undefined ? null : (v as number | null), range, required), 'change', required);

/** A finite number within the range (a Float on the server, e.g. volunteer hours). */
export const numberRange = (range: { min: number; max: number }, required = true): FormItemRule =>
  ruleOf((v) => {
    if (v === null || v === undefined || v === '') return required ? 'REQUIRED' : null;
    return typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max ? null : 'OUT_OF_RANGE';
  }, 'change', required);

export const required = (trigger: 'blur' | 'change' = 'change'): FormItemRule =>
  ruleOf((v) => (v === null || v === undefined || trimmed(v) === '' || (Array.isArray(v) && v.length === 0) ? 'REQUIRED' : null), trigger, true);

/** `later` (the field) must come strictly after `earlier()`. */
export const after = (earlier: () => string | Date | null | undefined): FormItemRule =>
  ruleOf((v) => {
    const start = earlier();
    if (!v || !start) return null;
    return checkOrder(start, v as string | Date);
  }, 'change');

/** Later than now (a due date): the server's checkInFuture, with its message (须晚于当前时间). */
/** Later than now; `applies` false (e.g. a date left as it was) skips the check. */
export const future = (applies: () => boolean = () => true): FormItemRule => ruleOf((v) => (v && applies() ? checkInFuture(v as Date) : null), 'change');

/** Each tag within the tag limit. */
export const tags = (maxEach: number, maxCount: number): FormItemRule =>
  ruleOf((v) => {
    const list = (v as string[] | null) ?? [];
    if (list.length > maxCount) return 'TOO_LONG';
    for (const tag of list) {
      const r = checkText(tag.trim(), { max: maxEach, required: true });
      if (r) return r;
    }
    return null;
  }, 'change');
