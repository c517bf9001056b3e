import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { CountingLogger } from './sql-counter.js';
import { Attachments1766563200000 } from './migrations/1766563200000-attachments.js';
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
import { BookingLocation1765872000000 } from './migrations/1765872000000-booking-location.js';

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
  BookingLocation1765872000000,
  Attachments1766563200000,
];

export function createDataSource(url: string, log: Logger, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logger: new CountingLogger(log),
    maxQueryExecutionTime: 1000,
    extra: { max: poolSize, application_name: 'alliance-server' },
  });
}
