import type { GraphQLSchema } from 'graphql';
import { zonedTime } from '@alliance/shared';
import type { RequestContext } from '../../graphql/context.js';
import { ExportRefused, nodesOf } from './export.run.js';
import {
  ACTIVITY_FIELDS,
  ACTIVITY_LEDGER_COLUMNS,
  AGREEMENT_LEDGER_COLUMNS,
  BOOKING_LEDGER_COLUMNS,
  BOOKINGS_QUERY,
  COMMITMENT_FIELDS,
  COMMITMENT_LEDGER_COLUMNS,
  NEED_FIELDS,
  NEED_LEDGER_COLUMNS,
  POINTS_FIELDS,
  POINTS_LEDGER_COLUMNS,
} from './export.lists.js';
import type { ExportColumn } from './export.sheet.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- nodes are GraphQL results */

/** The month's first and last local days and the instants that bound it (Asia/Shanghai). */
export function monthOf(month: unknown): { first: string; last: string; dayBefore: string; from: Date; to: Date; year: number } {
  const m = typeof month === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month) : null;
  if (!m) throw new ExportRefused(400, 'BAD_USER_INPUT', 'month: YYYY-MM', 'month');
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return {
    first: `${m[1]}-${m[2]}-01`,
    last: `${m[1]}-${m[2]}-${String(lastDay).padStart(2, '0')}`,
    // The previous month's last day: a calendar day, so UTC arithmetic on the date alone.
    dayBefore: new Date(Date.UTC(year, mon - 1, 0)).toISOString().slice(0, 10),
    from: zonedTime(year, mon, 1),
    to: new Date(zonedTime(year, mon + 1, 1).getTime() - 1),
    year,
  };
}

export interface LedgerSheet {
  name: string;
  columns: ExportColumn<any>[];
  nodes: (schema: GraphQLSchema, ctx: RequestContext) => AsyncGenerator<unknown[]>;
}

const UNITS = `query Units($first: Int, $after: String) { memberUnits(first: $first, after: $after) {
  nodes { id name agreementStatus agreement { signedAt validUntil responsibilities } } pageInfo { endCursor hasNextPage } } }`;

/**
 * The monthly 台账 workbook (docs/adoption.md): one sheet per ledger, each
 * read through the API's own list queries as the caller, so roles, tenancy
 * and masking are the screens'. 民生微实事台账: the needs reported in the
 * month, then those resolved (办结) in the month but reported earlier (each
 * with its state now, so those solved are marked 办结); 联建活动台账:
 * the activities under way in the month; 积分台账: every unit's points of the
 * month; 共建协议台账: every unit's current agreement; 错时约办台账: every
 * unit's bookings of slots starting in the month; 党员承诺台账: the year's
 * published commitments.
 */
export function ledgerSheets(month: ReturnType<typeof monthOf>): LedgerSheet[] {
  return [
    {
      name: '民生微实事台账',
      columns: NEED_LEDGER_COLUMNS,
      async *nodes(schema, ctx) {
        const query = `query Needs($filter: NeedFilter, $first: Int, $after: String) { needs(filter: $filter, first: $first, after: $after) { nodes { ${NEED_FIELDS} } pageInfo { endCursor hasNextPage } } }`;
        // 收集 and 办结: the needs reported in the month, then those resolved in it that were reported
        // before it; the two filters never overlap, so each need is listed once.
        yield* nodesOf(schema, ctx, query, 'needs', { filter: { reportedFrom: month.first, reportedTo: month.last } });
        yield* nodesOf(schema, ctx, query, 'needs', { filter: { resolvedFrom: month.first, resolvedTo: month.last, reportedTo: month.dayBefore } });
      },
    },
    {
      name: '联建活动台账',
      columns: ACTIVITY_LEDGER_COLUMNS,
      nodes: (schema, ctx) =>
        nodesOf(
          schema,
          ctx,
          `query Activities($filter: ActivityFilter, $first: Int, $after: String) { activities(filter: $filter, first: $first, after: $after) { nodes { ${ACTIVITY_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
          'activities',
          { filter: { from: month.from.toISOString(), to: month.to.toISOString() } },
        ),
    },
    {
      name: '积分台账',
      columns: POINTS_LEDGER_COLUMNS,
      async *nodes(schema, ctx) {
        const query = `query Points($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {
          pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) { nodes { ${POINTS_FIELDS} } pageInfo { endCursor hasNextPage } } }`;
        for await (const units of nodesOf(schema, ctx, UNITS, 'memberUnits', {})) {
          for (const unit of units as { id: string }[]) yield* nodesOf(schema, ctx, query, 'pointsLedger', { unitId: unit.id, from: month.first, to: month.last });
        }
      },
    },
    {
      name: '共建协议台账',
      columns: AGREEMENT_LEDGER_COLUMNS,
      async *nodes(schema, ctx) {
        for await (const units of nodesOf(schema, ctx, UNITS, 'memberUnits', {})) yield (units as { agreement: unknown }[]).filter((u) => u.agreement);
      },
    },
    {
      name: '错时约办台账',
      columns: BOOKING_LEDGER_COLUMNS,
      nodes: (schema, ctx) => nodesOf(schema, ctx, BOOKINGS_QUERY, 'unitBookings', { from: month.first, to: month.last }),
    },
    {
      name: '党员承诺台账',
      columns: COMMITMENT_LEDGER_COLUMNS,
      nodes: (schema, ctx) =>
        nodesOf(
          schema,
          ctx,
          `query Commitments($year: Int!, $first: Int, $after: String) { commitments(year: $year, first: $first, after: $after) { nodes { ${COMMITMENT_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
          'commitments',
          { year: month.year },
        ),
    },
  ];
}
