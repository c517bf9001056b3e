import type { NeedFilter } from '../gql/graphql';

/*
 * The queues of 党委工作台 and 我的待办: each a plain `needs(filter:)`, so the board, the
 * tabs' counts and the lists agree. The tab is the URL's `q`; the search form narrows
 * the queue shown (NeedsListPanel).
 */

/** The committee's queues (工作台): the needs waiting on the committee itself. */
export const COMMITTEE_QUEUES = ['toScreen', 'toOrder', 'overdue'] as const;
export type CommitteeQueue = (typeof COMMITTEE_QUEUES)[number];

export const QUEUE_FILTERS: Readonly<Record<CommitteeQueue, NeedFilter>> = {
  // 待筛选: reported, not yet screened (受理 or 不予受理).
  toScreen: { status: ['REPORTED'] },
  // 待开单: accepted, no project ordered yet.
  toOrder: { status: ['ACCEPTED'] },
  // 已逾期: open and past the due date, whoever holds it.
  overdue: { overdue: true },
};

/** The queue a URL names (`?q=`), the first one otherwise. */
export function queueOf(value: unknown): CommitteeQueue {
  return COMMITTEE_QUEUES.includes(value as CommitteeQueue) ? (value as CommitteeQueue) : 'toScreen';
}

/** 我的待办's queues: what is given to me; for a grid worker also the own grid's follow-ups and residents' reports to verify. */
export const MY_TASK_QUEUES = ['assigned', 'followUps', 'toVerify'] as const;
export type MyTaskQueue = (typeof MY_TASK_QUEUES)[number];

/** The queues a user has: those of the own grid only with a grid. */
export function myTaskQueues(gridId: string | null): readonly MyTaskQueue[] {
  return gridId ? MY_TASK_QUEUES : ['assigned'];
}

export function myTaskFilters(gridId: string | null): Readonly<Record<MyTaskQueue, NeedFilter>> {
  return {
    // 交给我办理: the needs I hold, being delivered.
    assigned: { assignedToMe: true, status: ['IN_PROGRESS'] },
    // 本网格待回访: resolved in my grid, waiting for the call to the resident.
    followUps: { gridId, status: ['RESOLVED'] },
    // 群众点单: residents' own reports in my grid, to call back and verify before the committee screens them.
    toVerify: { gridId, status: ['REPORTED'], source: 'RESIDENT', verified: false },
  };
}

/** The queue of 我的待办 a URL names (`?q=`) among the user's, the first one otherwise. */
export function myTaskQueueOf(value: unknown, gridId: string | null): MyTaskQueue {
  const mine = myTaskQueues(gridId);
  return mine.includes(value as MyTaskQueue) ? (value as MyTaskQueue) : mine[0]!;
}
