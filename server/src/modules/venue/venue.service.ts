import {
  VENUE_RESERVATION_STATUS_ON_REQUEST,
  VENUE_RESERVERS,
  checkInFuture,
  checkOrder,
  checkText,
  isValidPhone,
  localDate,
  localParts,
  reaches,
  LIMITS,
  type VenueReservationStatus,
} from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import { actorOf, type StepTaker } from '../../common/lifecycle.js';
import { requireId, type Within } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflictOn, conflictWhy, ensure, forbidden } from '../../graphql/errors.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { VenueReserved } from './events/venue-reserved.event.js';
import { VenueSet, type VenueFacts } from './events/venue-set.event.js';
import type { VenueInput } from './venue.inputs.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import { VenueReservation } from './venue-reservation.entity.js';
import { transitionVenueReservation } from './venue-reservation.transition.js';
import { Venue } from './venue.entity.js';

/** What a reservation says it is for. */
export const PURPOSE_MAX = 200;
/** The week calendar asks for a week; a month is the most one question may span. */
const RANGE_MAX_MS = 31 * 24 * 3600_000;

const EXCLUSION_VIOLATION = '23P01';

function isOverlapRefusal(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return (e?.code ?? e?.driverError?.code) === EXCLUSION_VIOLATION && (e?.constraint ?? e?.driverError?.constraint) === 'venue_reservation_no_overlap';
}

/** A room as the audit log keeps it: times as HH:MM, as they are given. */
const factsOf = (v: Venue): VenueFacts => ({ name: v.name, kind: v.kind, capacity: v.capacity, opensAt: v.opensAt.slice(0, 5), closesAt: v.closesAt.slice(0, 5) });

/** Minutes since local midnight of a PostgreSQL time ("08:30:00"). */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The reservation lies on one local day, within the venue's opening hours. */
function withinOpeningHours(venue: Venue, startsAt: Date, endsAt: Date): boolean {
  if (localDate(startsAt) !== localDate(endsAt)) return false;
  const s = localParts(startsAt);
  const e = localParts(endsAt);
  return s.hour * 60 + s.minute >= minutesOf(venue.opensAt) && e.hour * 60 + e.minute <= minutesOf(venue.closesAt);
}

export interface ReserveOptions {
  unitId?: string | null;
  residentName?: string | null;
  residentPhone?: string | null;
}

interface ReservationFields {
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  unitId: string | null;
  residentName: string | null;
  residentPhone: string | null;
  status: VenueReservationStatus;
}

class VenueService {
  venues(ctx: RequestContext): Promise<Venue[]> {
    return ctx.scope.qb(Venue, 'e').orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').getMany();
  }

  /**
   * The committee adds a room, or describes one again (every field). New
   * opening hours apply to reservations made from then on: those already
   * made stay, as the committee agreed them.
   */
  async setVenue(ctx: RequestContext, id: string | null, input: VenueInput): Promise<Venue> {
    ensure({ closesAt: checkOrder(`2000-01-01T${input.opensAt}:00Z`, `2000-01-01T${input.closesAt}:00Z`) });
    const facts = { name: input.name, kind: input.kind, capacity: input.capacity, opensAt: input.opensAt, closesAt: input.closesAt };
    return ctx.scope
      .transaction(async (tx) => {
        const venue = id ? await tx.lock(Venue, requireId(id, 'id'), 'Venue', 'id') : tx.create(Venue, {});
        const before = id ? factsOf(venue) : null;
        Object.assign(venue, facts);
        const saved = await tx.manager.save(venue);
        await publish(ctx, tx, new VenueSet({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, saved.id, before, factsOf(saved)));
        return saved;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw badInput('name', 'DUPLICATE', 'name: the centre already has a room of this name');
        throw err;
      });
  }

  /** Reservations overlapping [from, to), optionally of one venue: the week calendar. */
  reservations(ctx: RequestContext, from: Date, to: Date, venueId?: string | null): Promise<VenueReservation[]> {
    ensure({ to: checkOrder(from, to) });
    if (to.getTime() - from.getTime() > RANGE_MAX_MS) throw badInput('to', 'OUT_OF_RANGE', 'to: at most 31 days after from');
    const qb = ctx.scope
      .qb(VenueReservation, 'e')
      .andWhere('e.starts_at < :to AND e.ends_at > :from', { from, to })
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if (venueId) qb.andWhere('e.venue_id = :venueId', { venueId: requireId(venueId, 'venueId') });
    return qb.getMany();
  }

  async reserve(ctx: RequestContext, venueIdArg: string, startsAt: Date, endsAt: Date, purposeArg: string, opts: ReserveOptions): Promise<VenueReservation> {
    const me = ctx.me;
    const venueId = requireId(venueIdArg, 'venueId');
    const purpose = purposeArg?.trim() ?? '';
    const residentName = opts.residentName?.trim() || null;
    const residentPhone = opts.residentPhone?.replace(/\s/g, '') || null;
    ensure({
      purpose: checkText(purpose, { max: PURPOSE_MAX, required: true }),
      startsAt: checkInFuture(startsAt),
      endsAt: checkOrder(startsAt, endsAt),
      residentName: checkText(residentName, { max: LIMITS.personName }),
    });
    if (residentPhone && !isValidPhone(residentPhone)) throw badInput('residentPhone', 'INVALID_PHONE');
    // A resident's request names the resident, whom the committee calls back.
    if (me.role === 'GRID_WORKER') {
      if (opts.unitId) throw forbidden('unitId: a grid worker passes on residents\' requests, not units\'', 'unitId');
      if (!residentName) throw badInput('residentName', 'REQUIRED');
      if (!residentPhone) throw badInput('residentPhone', 'REQUIRED');
    }
    if (me.role === 'UNIT_ADMIN' && (residentName || residentPhone)) throw forbidden('A unit reserves for itself', residentName ? 'residentName' : 'residentPhone');
    let unitId: string | null = opts.unitId ? requireId(opts.unitId, 'unitId') : null;
    if (me.role === 'UNIT_ADMIN') {
      if (unitId && unitId !== me.unitId) throw forbidden('unitId: a unit admin reserves only for its own unit', 'unitId');
      if (!me.unitId) throw forbidden('Your account belongs to no unit');
      unitId = me.unitId;
    }
    if (!reaches(VENUE_RESERVERS[me.role], actorOf(me), { unitIds: unitId ? [unitId] : [] })) throw forbidden();
    const status = VENUE_RESERVATION_STATUS_ON_REQUEST[me.role]!;
    return this.save(ctx, { venueId, startsAt, endsAt, purpose, unitId, residentName, residentPhone, status }, me.id);
  }

  /**
   * A resident's own request from the residents' page (no one signed in):
   * REQUESTED, for the committee to confirm, like one a grid worker passes
   * on. `within` runs in the same transaction.
   */
  requestAsResident(
    ctx: RequestContext,
    venueIdArg: string,
    startsAt: Date,
    endsAt: Date,
    purposeArg: string,
    resident: { name: string; phone: string },
    within: Within<VenueReservation>,
  ): Promise<VenueReservation> {
    const venueId = requireId(venueIdArg, 'venueId');
    const purpose = purposeArg?.trim() ?? '';
    ensure({
      purpose: checkText(purpose, { max: PURPOSE_MAX, required: true }),
      startsAt: checkInFuture(startsAt),
      endsAt: checkOrder(startsAt, endsAt),
    });
    const fields = { venueId, startsAt, endsAt, purpose, unitId: null, residentName: resident.name, residentPhone: resident.phone, status: 'REQUESTED' as const };
    return this.save(ctx, fields, null, within);
  }

  private async save(ctx: RequestContext, f: ReservationFields, actorId: string | null, within?: Within<VenueReservation>): Promise<VenueReservation> {
    const { venueId, startsAt, endsAt, unitId, status } = f;
    try {
      return await ctx.scope.transaction(async (tx) => {
        const venue = await tx.get(Venue, venueId, 'Venue', 'venueId');
        if (!withinOpeningHours(venue, startsAt, endsAt)) throw badInput('startsAt', 'OUTSIDE_OPENING_HOURS', `startsAt: ${venue.name} is open ${venue.opensAt.slice(0, 5)}–${venue.closesAt.slice(0, 5)}, and a reservation lies on one day`);
        if (unitId) {
          const unit = await tx.find(MemberUnit, unitId, 'unitId');
          if (!unit) throw badInput('unitId', 'INVALID_ID', 'unitId: no such member unit');
          if (unit.status !== 'ACTIVE') throw conflictOn('unitId', 'OUT_OF_RANGE', `The unit is ${unit.status}; only active units reserve`);
        }
        const r = await tx.manager.save(tx.create(VenueReservation, { ...f, requestedBy: actorId }));
        await publish(ctx, tx, new VenueReserved({ allianceId: tx.allianceId, actorId, at: new Date() }, r.id, venueId, unitId, status, startsAt, endsAt));
        ctx.loaders.venue.prime(venue.id, venue);
        if (within) await within(tx, r);
        return r;
      });
    } catch (err) {
      if (isOverlapRefusal(err)) throw await this.taken(ctx, venueId, startsAt, endsAt);
      throw err;
    }
  }

  confirm(ctx: RequestContext, id: string): Promise<VenueReservation> {
    const rid = requireId(id, 'id');
    return this.overlapAsConflict(ctx, rid, () => transitionVenueReservation(ctx, rid, 'confirm'));
  }

  decline(ctx: RequestContext, id: string): Promise<VenueReservation> {
    return transitionVenueReservation(ctx, requireId(id, 'id'), 'decline');
  }

  /** Only before it starts: what has begun has been used. */
  /** Before it begins; by the committee, the unit it is for, or the resident who asked for it (the residents' page). */
  cancel(ctx: RequestContext, id: string, by: StepTaker = ctx.me): Promise<VenueReservation> {
    return transitionVenueReservation(
      ctx,
      requireId(id, 'id'),
      'cancel',
      (r) => {
        if (r.startsAt.getTime() <= Date.now()) throw conflictOn('startsAt', 'NOT_IN_FUTURE', 'The reservation has already begun');
      },
      by,
    );
  }

  private async overlapAsConflict(ctx: RequestContext, id: string, work: () => Promise<VenueReservation>): Promise<VenueReservation> {
    try {
      return await work();
    } catch (err) {
      if (!isOverlapRefusal(err)) throw err;
      const r = await ctx.scope.get(VenueReservation, id, 'VenueReservation');
      throw await this.taken(ctx, r.venueId, r.startsAt, r.endsAt, r.id);
    }
  }

  /**
   * The CONFLICT for a refused overlap, naming the confirmed reservation in
   * the way. The constraint waited for that one's transaction to commit
   * before refusing, so it is there to be read.
   */
  private async taken(ctx: RequestContext, venueId: string, startsAt: Date, endsAt: Date, except?: string) {
    const [other] = await ctx.scope.manager.query(
      `SELECT id, purpose, starts_at, ends_at FROM venue_reservation
        WHERE alliance_id = $1 AND venue_id = $2 AND status = 'CONFIRMED'
          AND tstzrange(starts_at, ends_at, '[)') && tstzrange($3, $4, '[)') AND id <> coalesce($5::uuid, '00000000-0000-0000-0000-000000000000')
        ORDER BY starts_at LIMIT 1`,
      [ctx.scope.allianceId, venueId, startsAt, endsAt, except ?? null],
    );
    const when = other ? ` (${new Date(other.starts_at).toISOString()}–${new Date(other.ends_at).toISOString()})` : '';
    return conflictWhy('VENUE_TAKEN', `The venue is already reserved then: reservation ${other?.id ?? 'unknown'}${when}`, other ? { conflictsWith: other.id } : {});
  }
}

export const venueService = new VenueService();
