import { ValidateBy, validate, type ValidationOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import {
  checkIntRange,
  checkText,
  isValidCreditCode,
  isValidDate,
  isValidPhone,
  isValidTimeOfDay,
  LIMITS,
  type InvalidReason,
  type TextRule,
} from '@alliance/shared';

/*
 * class-validator decorators over the validators in @alliance/shared, so the
 * server and the web forms apply the very same rules. The constraint message
 * is the reason code; formatError turns it into { field, reason }.
 */

function rule(name: string, check: (value: unknown) => InvalidReason | null, options?: ValidationOptions) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => check(value) === null,
        defaultMessage: (args) => check(args?.value) ?? 'INVALID',
      },
    },
    options,
  );
}

export const Text = (r: TextRule) =>
  rule('text', (v) => (v === null || v === undefined || typeof v === 'string' ? checkText(v as string | null, r) : 'REQUIRED'));

/**
 * For patch inputs: an absent field is left as it is; a present one obeys the
 * rule, so null clears an optional field and is REQUIRED for a required one.
 */
export const TextPatch = (r: TextRule) =>
  rule('text', (v) => {
    if (v === undefined) return null;
    if (v === null) return r.required ? 'REQUIRED' : null;
    return typeof v === 'string' ? checkText(v, r) : 'REQUIRED';
  });

/** For patch inputs: a field that cannot be empty may be absent (left as it is) but not null. */
export const NotNull = () => rule('notNull', (v) => (v === null ? 'REQUIRED' : null));

export const CreditCode = () =>
  rule('creditCode', (v) => (v === null || v === undefined || v === '' || (typeof v === 'string' && isValidCreditCode(v)) ? null : 'INVALID_CREDIT_CODE'));

/** optional: absent (patch inputs) is fine; a present value must be a valid phone. */
export const Phone = (opts: { optional?: boolean } = {}) =>
  rule('phone', (v) => ((opts.optional && (v === null || v === undefined)) || (typeof v === 'string' && isValidPhone(v)) ? null : 'INVALID_PHONE'));

export const IntRange = (range: { min: number; max: number }) =>
  rule('intRange', (v) => (v === null || v === undefined ? null : checkIntRange(v as number, range)));

/** HH:MM, 00:00–23:59. */
export const TimeOfDay = () => rule('timeOfDay', (v) => (typeof v === 'string' && isValidTimeOfDay(v) ? null : 'INVALID_FORMAT'));

export const CalendarDay = () => rule('date', (v) => (v === null || v === undefined || (typeof v === 'string' && isValidDate(v)) ? null : 'INVALID_DATE'));

export const Tags = () =>
  rule('tags', (v) => {
    if (v === null || v === undefined) return null;
    if (!Array.isArray(v) || v.length > LIMITS.tags) return 'TOO_LONG';
    for (const t of v) {
      const r = checkText(t as string, { max: LIMITS.tag, required: true });
      if (r) return r;
    }
    return null;
  });

/** Trims every string (also inside arrays and nested inputs) before validating. */
function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = trimStrings(value[i]);
    return value;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) obj[k] = trimStrings(obj[k]);
  }
  return value;
}

/** type-graphql's validateFn: input objects are trimmed in place, then checked. */
export async function validateArgument(argValue: unknown): Promise<void> {
  if (!argValue || typeof argValue !== 'object') return;
  trimStrings(argValue);
  const errors = await validate(argValue as object, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length) throw new ArgumentValidationError(errors);
}
