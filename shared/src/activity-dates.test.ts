import { describe, expect, it } from 'vitest';
import { ACTIVITY_START_WINDOW_MS, checkActivityDates, checkFuture } from './activity-dates.js';

const now = new Date('2026-06-01T08:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const span = (startMs: number, endMs = startMs + 3_600_000) => ({ startsAt: at(startMs), endsAt: at(endMs) });

describe('activity dates against the clock', () => {
  it('publish: startsAt strictly in the future', () => {
    expect(checkActivityDates('publish', span(1), now)).toBeNull();
    expect(checkActivityDates('publish', span(0), now)).toEqual({ field: 'startsAt', reason: 'NOT_IN_FUTURE' });
    expect(checkActivityDates('publish', span(-1), now)).toEqual({ field: 'startsAt', reason: 'NOT_IN_FUTURE' });
  });
  it('start: from 24 h before startsAt on, and any time after it', () => {
    expect(checkActivityDates('start', span(ACTIVITY_START_WINDOW_MS), now)).toBeNull();
    expect(checkActivityDates('start', span(ACTIVITY_START_WINDOW_MS + 1), now)).toEqual({ field: 'startsAt', reason: 'TOO_EARLY' });
    expect(checkActivityDates('start', span(-5 * ACTIVITY_START_WINDOW_MS), now)).toBeNull();
  });
  it('complete: from startsAt on', () => {
    expect(checkActivityDates('complete', span(0), now)).toBeNull();
    expect(checkActivityDates('complete', span(1), now)).toEqual({ field: 'startsAt', reason: 'TOO_EARLY' });
  });
  it('record: only once it has ended (endsAt not in the future)', () => {
    expect(checkActivityDates('record', span(-2, 0), now)).toBeNull();
    expect(checkActivityDates('record', span(-2, 1), now)).toEqual({ field: 'endsAt', reason: 'NOT_IN_PAST' });
  });
  it('takes ISO strings as the web holds them', () => {
    expect(checkActivityDates('publish', { startsAt: '2026-06-01T08:00:01Z', endsAt: '2026-06-01T09:00:00Z' }, now)).toBeNull();
    expect(checkFuture('2026-06-01T08:00:00Z', now)).toBe('NOT_IN_FUTURE');
  });
});
