import { NEED_LIFECYCLE, NeedStatus } from '@alliance/shared';

/** The steps of the needs loop, in order: every status but the one a turned-down need ends in. */
export const FUNNEL_STEPS: readonly NeedStatus[] = Object.values(NeedStatus).filter((s) => s !== NEED_LIFECYCLE.reject.to);

export interface FunnelStep {
  status: NeedStatus;
  /** How many of the needs have reached this step by now: those in it or in a later one. */
  reached: number;
  /** How many are in this step now. */
  now: number;
}

/**
 * The needs funnel from Dashboard.needsByStatus (the needs reported in the
 * range, by the status they are in now). A need in a later status has passed
 * every earlier step; a turned-down need passed the steps it was turned down
 * from (NEED_LIFECYCLE.reject.from) and no other, so the first step's
 * `reached` is every need of the range. Statuses missing from `counts` count 0.
 */
export function needsFunnel(counts: readonly { status: NeedStatus; count: number }[]): { steps: FunnelStep[]; rejected: number } {
  const countOf = (s: NeedStatus) => counts.filter((c) => c.status === s).reduce((a, c) => a + c.count, 0);
  const rejected = countOf(NEED_LIFECYCLE.reject.to!);
  const now = FUNNEL_STEPS.map(countOf);
  const lastRejectFrom = Math.max(...NEED_LIFECYCLE.reject.from.map((s) => FUNNEL_STEPS.indexOf(s)));
  const steps = FUNNEL_STEPS.map((status, i) => ({
    status,
    now: now[i]!,
    reached: now.slice(i).reduce((a, b) => a + b, 0) + (i <= lastRejectFrom ? rejected : 0),
  }));
  return { steps, rejected };
}
