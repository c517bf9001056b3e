import { UseMiddleware } from 'type-graphql';
import { fieldOutsideRole, type FieldRules } from '@alliance/shared';
import type { RequestContext } from './context.js';
import { forbidden } from './errors.js';

/**
 * The field-level companion of Allow(): which fields of the input argument
 * `arg` each role may set (SETTABLE_INPUT_FIELDS in @alliance/shared, which
 * the web reads too). A field outside the caller's list is refused as
 * FORBIDDEN naming it (extensions.field) when it is present at all: a value,
 * `null` or `""`. It runs after the role check and before validation and the
 * service, so whatever the value (even an invalid one) nothing is read or
 * written and the answer is the same FORBIDDEN.
 */
export function SettableFields(arg: string, rules: FieldRules): MethodDecorator {
  return UseMiddleware(({ args, context }, next) => {
    const role = (context as RequestContext).me.role;
    const field = fieldOutsideRole(role, rules, args[arg] as Record<string, unknown> | null | undefined);
    if (field) throw forbidden(`A ${role} may not set ${field}, not even to null or empty`, field);
    return next();
  });
}

/** SettableFields for a mutation that takes its fields as arguments: every argument present is checked. */
export function SettableArgs(rules: FieldRules): MethodDecorator {
  return UseMiddleware(({ args, context }, next) => {
    const role = (context as RequestContext).me.role;
    const field = fieldOutsideRole(role, rules, args);
    if (field) throw forbidden(`A ${role} may not set ${field}, not even to null or empty`, field);
    return next();
  });
}
