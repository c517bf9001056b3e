import 'reflect-metadata';
import type { Logger } from 'pino';
import { EventBus } from './common/events/event-bus.js';
import { subscribeAudit } from './modules/audit/audit.subscribers.js';
import type { ChangeFeed } from './database/change-feed.js';
import type { DashboardCache } from './modules/dashboard/dashboard.cache.js';
import { subscribeDashboard, subscribeDashboardDays } from './modules/dashboard/dashboard.subscribers.js';
import { subscribePoints } from './modules/points/points.subscribers.js';
import { subscribeNotifications } from './modules/notification/notification.subscribers.js';
import type { MatchIndexes } from './modules/matching/matching.service.js';
import { subscribeMatching } from './modules/matching/matching.subscribers.js';

/**
 * The one place an instance's subscribers are put together
 * (docs/architecture.md "Domain events"). In-transaction subscribers run in
 * this order: the points ledger before the audit log, so an award's
 * POINTS_AWARD entry precedes the decision that earned it, as it always has.
 */
export function createEventBus(deps: {
  log: Logger;
  dashboardCache: DashboardCache;
  feed: ChangeFeed;
  instanceId: string;
  matching: MatchIndexes;
}): EventBus {
  const bus = new EventBus(deps.log);
  subscribePoints(bus);
  subscribeAudit(bus);
  subscribeNotifications(bus);
  subscribeDashboardDays(bus);
  subscribeDashboard(bus, deps.dashboardCache, deps.feed, deps.instanceId);
  subscribeMatching(bus, deps.matching);
  return bus;
}
