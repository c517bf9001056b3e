import type { InvalidReason } from './validators.js';

/**
 * docs/adoption.md "Activities: dates": the rules of an activity's dates
 * against the clock, as data and functions the server enforces and the web
 * uses to grey out the same buttons.
 *
 * - publish: startsAt must be in the future (BAD_USER_INPUT on startsAt);
 * - start: no earlier than START_WINDOW_MS before startsAt;
 * - complete: no earlier than startsAt (and only once started: the lifecycle);
 * - record (补录, straight to COMPLETED): the activity has already happened,
 *   endsAt is not in the future.
 * An OPEN activity's startsAt, when edited, must stay in the future; a DRAFT's
 * dates are free until it is published.
 */
export const ACTIVITY_START_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ActivityDateAction = 'publish' | 'start' | 'complete' | 'record';

/** Which field a refused date rule names, and why. */
export interface DateRefusal {
  field: 'startsAt' | 'endsAt';
  reason: InvalidReason;
}

type When = Date | string;
const ms = (d: When) => new Date(d).getTime();

/** How the server answers a refusal: publish and record are about the dates given; start and complete are about the time now. */
export const ACTIVITY_DATE_RULES: Readonly<Record<ActivityDateAction, { field: DateRefusal['field']; reason: InvalidReason; refusedAs: 'BAD_USER_INPUT' | 'CONFLICT' }>> = {
  publish: { field: 'startsAt', reason: 'NOT_IN_FUTURE', refusedAs: 'BAD_USER_INPUT' },
  start: { field: 'startsAt', reason: 'TOO_EARLY', refusedAs: 'CONFLICT' },
  complete: { field: 'startsAt', reason: 'TOO_EARLY', refusedAs: 'CONFLICT' },
  record: { field: 'endsAt', reason: 'NOT_IN_PAST', refusedAs: 'BAD_USER_INPUT' },
};

/** Whether the dates allow the action at `now` (epoch ms). */
function allowed(action: ActivityDateAction, a: { startsAt: When; endsAt: When }, now: number): boolean {
  switch (action) {
    case 'publish':
      return ms(a.startsAt) > now;
    case 'start':
      return now >= ms(a.startsAt) - ACTIVITY_START_WINDOW_MS;
    case 'complete':
      return now >= ms(a.startsAt);
    case 'record':
      return ms(a.endsAt) <= now;
  }
}

/** null when the activity's dates allow the action at `now`; else the field to name and the reason. */
export function checkActivityDates(
  action: ActivityDateAction,
  activity: { startsAt: When; endsAt: When },
  now: Date = new Date(),
): DateRefusal | null {
  if (allowed(action, activity, now.getTime())) return null;
  const { field, reason } = ACTIVITY_DATE_RULES[action];
  return { field, reason };
}

/** startsAt must be later than now (publishing; editing an OPEN activity's start). */
export function checkFuture(value: When, now: Date = new Date()): InvalidReason | null {
  return ms(value) > now.getTime() ? null : 'NOT_IN_FUTURE';
}
