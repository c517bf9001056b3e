import pg from 'pg';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { CountingLogger } from './sql-counter.js';
import { Attachments1766563200000 } from './migrations/1766563200000-attachments.js';
import { DashboardDays1766995200000 } from './migrations/1766995200000-dashboard-days.js';
import { ReferenceChanged1766995200001 } from './migrations/1766995200001-reference-changed.js';
import { DashboardNeedGridDay1767081600000 } from './migrations/1767081600000-dashboard-need-grid-day.js';
import { DashboardDaysCovering1767168000000 } from './migrations/1767168000000-dashboard-days-covering.js';
import { NeedBoardIndex1767254400000 } from './migrations/1767254400000-need-board-index.js';
import { DashboardMonths1767340800000 } from './migrations/1767340800000-dashboard-months.js';
import { DashboardUnitYears1767427200000 } from './migrations/1767427200000-dashboard-unit-years.js';
import { WebhookOccasions1767513600000 } from './migrations/1767513600000-webhook-occasions.js';
import { NotificationOccasionKeys1767600000000 } from './migrations/1767600000000-notification-occasion-keys.js';
import { entities } from './entities.js';
import { InitialSchema1764230400000 } from './migrations/1764230400000-initial-schema.js';
import { CityScaleIndexes1764403200000 } from './migrations/1764403200000-city-scale-indexes.js';
import { AccountsAndAudit1764835200000 } from './migrations/1764835200000-accounts-and-audit.js';
import { ActivityDatesAndCancelledSignups1764921600000 } from './migrations/1764921600000-activity-dates-and-cancelled-signups.js';
import { PointsEarned1765008000000 } from './migrations/1765008000000-points-earned.js';
import { Community1765353600000 } from './migrations/1765353600000-community.js';
import { MatchingThesaurus1765526400000 } from './migrations/1765526400000-matching-thesaurus.js';
import { Venues1765612800000 } from './migrations/1765612800000-venues.js';
import { ServiceSlots1765612800001 } from './migrations/1765612800001-service-slots.js';
import { MatchingLearning1765785600000 } from './migrations/1765785600000-matching-learning.js';
import { BookingLocation1765872000000 } from './migrations/1765872000000-booking-location.js';
import { IncubatorAndRedEducation1765958400000 } from './migrations/1765958400000-incubator-and-red-education.js';
import { ResidentsPage1766044800000 } from './migrations/1766044800000-residents-page.js';
import { Notifications1766217600000 } from './migrations/1766217600000-notifications.js';
import { Webhooks1766217600001 } from './migrations/1766217600001-webhooks.js';
import { ResidentNeedVerification1766649600000 } from './migrations/1766649600000-resident-need-verification.js';

/** Listed, not globbed: the same list works from src (vitest) and dist (node). */
export const migrations = [
  InitialSchema1764230400000,
  CityScaleIndexes1764403200000,
  AccountsAndAudit1764835200000,
  ActivityDatesAndCancelledSignups1764921600000,
  PointsEarned1765008000000,
  Community1765353600000,
  MatchingThesaurus1765526400000,
  Venues1765612800000,
  ServiceSlots1765612800001,
  MatchingLearning1765785600000,
  BookingLocation1765872000000,
  IncubatorAndRedEducation1765958400000,
  ResidentsPage1766044800000,
  Notifications1766217600000,
  Webhooks1766217600001,
  Attachments1766563200000,
  ResidentNeedVerification1766649600000,
  DashboardDays1766995200000,
  ReferenceChanged1766995200001,
  DashboardNeedGridDay1767081600000,
  DashboardDaysCovering1767168000000,
  NeedBoardIndex1767254400000,
  DashboardMonths1767340800000,
  DashboardUnitYears1767427200000,
  WebhookOccasions1767513600000,
  NotificationOccasionKeys1767600000000,
];

/**
 * The pools' connections, each with an 'error' listener of its own for as
 * long as it lives. A connection the pool has handed out has only its
 * borrower's listener, if any, and when PostgreSQL dies each backend sends a
 * FATAL that pg emits as an 'error' event: one arriving while no listener was
 * attached ended the whole process (about one postmaster death in seven
 * under write load, see test/e2e/stops.test.ts). The borrower still learns
 * of the loss from its next statement, which fails as SERVICE_UNAVAILABLE.
 */
function listenedClient(log: Logger): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', (err: Error) => log.warn({ err: err.message }, 'database connection lost'));
    }
  };
}

/** How the server's connections to a replica are named in pg_stat_activity (the primary's: `alliance-server`). */
export const REPLICA_APPLICATION_NAME = 'alliance-server-replica';

/**
 * With replicas, TypeORM replication: everything goes to the primary
 * (`defaultMode: 'master'`) unless a request asks for a replica's query
 * runner (RequestContext.scope, for the reads the replica routing allows).
 */
export function createDataSource(url: string, log: Logger, poolSize = 10, replicaUrls: readonly string[] = []): DataSource {
  const where = replicaUrls.length
    ? {
        replication: {
          master: { url, applicationName: 'alliance-server' },
          slaves: replicaUrls.map((u) => ({ url: u, applicationName: REPLICA_APPLICATION_NAME })),
          defaultMode: 'master' as const,
        },
      }
    : { url, applicationName: 'alliance-server' };
  return new DataSource({
    type: 'postgres',
    ...where,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logger: new CountingLogger(log),
    extra: { max: poolSize, Client: listenedClient(log) },
  });
}

/** The primary's connection string (LISTEN/NOTIFY and the startup lock need the primary, never a replica). */
export function primaryUrl(dataSource: DataSource): string {
  const o = dataSource.options as { url?: string; replication?: { master: { url?: string } } };
  return (o.replication?.master.url ?? o.url)!;
}
