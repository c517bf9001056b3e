import type { NeedFilter } from '../gql/graphql';

/**
 * The committee's queues (工作台): the needs waiting on the committee itself.
 * Each is a plain `needs(filter:)`, so the board, the counts and the lists agree.
 */
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
