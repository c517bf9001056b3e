import {
  BOOKERS,
  BOOKING_LIST_READERS,
  LIMITS,
  ORDERABLE_SHELF_STATUS,
  SLOT_LIMITS,
  SLOT_PUBLISHERS,
  checkInFuture,
  checkIntRange,
  checkOrder,
  checkText,
  isOffHours,
  isValidDate,
  isValidPhone,
  localParts,
  reaches,
  zonedTime,
  type BookingStatus,
} from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import { actorOf, type StepTaker } from '../../common/lifecycle.js';
import { onOrAfterDay, onOrBeforeDay } from '../../common/local-days.js';
import { requireId, type Within } from '../../common/tenant-scope.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflict, conflictOn, conflictWhy, ensure, forbidden } from '../../graphql/errors.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { Booking } from './booking.entity.js';
import { transitionBooking } from './booking.transition.js';
import { ServiceSlotBooked } from './events/service-slot-booked.event.js';
import { ServiceSlotsCreated } from './events/service-slots-created.event.js';
import type { BookingInput, ServiceSlotsInput } from './service-booking.inputs.js';
import { ServiceSlot } from './service-slot.entity.js';

function isCheckViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return (e?.code ?? e?.driverError?.code) === '23514';
}

/** The same wall-clock time `weeks` weeks later in the alliance's zone. */
function weeksLater(at: Date, weeks: number): Date {
  const p = localParts(at);
  return new Date(zonedTime(p.year, p.month, p.day + 7 * weeks, p.hour, p.minute).getTime() + (at.getTime() % 60_000));
}

/** Local days [from, to], at most rangeDaysMax apart. */
function checkDayRange(from: string, to: string): void {
  if (!isValidDate(from)) throw badInput('from', 'INVALID_DATE');
  if (!isValidDate(to)) throw badInput('to', 'INVALID_DATE');
  if (to < from) throw badInput('to', 'DATE_ORDER');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > SLOT_LIMITS.rangeDaysMax) throw badInput('to', 'OUT_OF_RANGE', 'to: at most 62 days after from');
}

interface BookingFields {
  residentName: string;
  residentPhone: string;
  location: string | null;
  note: string | null;
}

function bookingFields(input: BookingInput): BookingFields {
  const residentName = input.residentName?.trim() ?? '';
  const residentPhone = input.residentPhone?.replace(/\s/g, '') ?? '';
  const location = input.location?.trim() || null;
  const note = input.note?.trim() || null;
  ensure({
    'input.residentName': checkText(residentName, { max: LIMITS.personName, required: true }),
    'input.residentPhone': checkText(residentPhone, { max: 30, required: true }),
    'input.location': checkText(location, { max: LIMITS.address }),
    'input.note': checkText(note, { max: LIMITS.comment, multiline: true }),
  });
  if (!isValidPhone(residentPhone)) throw badInput('input.residentPhone', 'INVALID_PHONE');
  return { residentName, residentPhone, location, note };
}

class ServiceBookingService {
  /** A project's slots starting on a local day in [from, to]. */
  slots(ctx: RequestContext, projectId: string, from: string, to: string): Promise<ServiceSlot[]> {
    const pid = requireId(projectId, 'projectId');
    checkDayRange(from, to);
    return ctx.scope
      .qb(ServiceSlot, 'e')
      .andWhere('e.shelf_project_id = :pid', { pid })
      .andWhere(onOrAfterDay('e.starts_at', ':from'), { from })
      .andWhere(onOrBeforeDay('e.starts_at', ':to'), { to })
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /**
   * The bookings of a unit's slots starting on a local day in [from, to], in
   * the order the unit serves them (slot start, then booking). Without unitId:
   * a unit admin's own unit, every unit for the other readers.
   */
  unitBookings(ctx: RequestContext, from: string, to: string, unitId?: string | null): Promise<Booking[]> {
    const reach = BOOKING_LIST_READERS[ctx.me.role];
    const uid = unitId != null ? requireId(unitId, 'unitId') : reach === 'ownUnit' ? ctx.me.unitId ?? null : null;
    checkDayRange(from, to);
    if (!reaches(reach, actorOf(ctx.me), { unitIds: uid ? [uid] : [] })) throw forbidden('unitId: a unit admin reads its own unit\'s bookings', 'unitId');
    const q = ctx.scope
      .qb(Booking, 'e')
      .innerJoin(ServiceSlot, 's', 's.id = e.slot_id AND s.alliance_id = e.alliance_id')
      .andWhere(onOrAfterDay('s.starts_at', ':from'), { from })
      .andWhere(onOrBeforeDay('s.starts_at', ':to'), { to });
    if (uid) q.andWhere('s.unit_id = :uid', { uid });
    return q.orderBy('s.starts_at', 'ASC').addOrderBy('e.created_at', 'ASC').addOrderBy('e.id', 'ASC').getMany();
  }

  async createSlots(ctx: RequestContext, projectId: string, input: ServiceSlotsInput): Promise<ServiceSlot[]> {
    const pid = requireId(projectId, 'projectId');
    const weeks = input.weeks ?? 1;
    ensure({
      'input.startsAt': checkInFuture(input.startsAt),
      'input.endsAt': checkOrder(input.startsAt, input.endsAt),
      'input.capacity': checkIntRange(input.capacity, SLOT_LIMITS.capacity),
      'input.weeks': checkIntRange(weeks, SLOT_LIMITS.weeks),
    });
    if (input.endsAt.getTime() - input.startsAt.getTime() > SLOT_LIMITS.hoursMax * 3600_000) throw badInput('input.endsAt', 'OUT_OF_RANGE', 'input.endsAt: a slot lasts at most 12 hours');
    try {
      return await ctx.scope.transaction(async (tx) => {
        const project = await tx.lock(ShelfProject, pid, 'ShelfProject', 'projectId');
        if (!reaches(SLOT_PUBLISHERS[ctx.me.role], actorOf(ctx.me), { unitIds: [project.unitId] })) throw forbidden('projectId: only the project\'s own unit or the committee publishes its slots', 'projectId');
        if (project.status !== ORDERABLE_SHELF_STATUS) throw conflict(`The project is ${project.status}; slots are published only for ${ORDERABLE_SHELF_STATUS} projects`);
        const rows = Array.from({ length: weeks }, (_, k) => {
          const startsAt = weeksLater(input.startsAt, k);
          const endsAt = weeksLater(input.endsAt, k);
          return tx.create(ServiceSlot, { projectId: pid, unitId: project.unitId, startsAt, endsAt, capacity: input.capacity, offHours: isOffHours(startsAt, endsAt) });
        });
        const saved = await tx.manager.save(rows);
        await publish(ctx, tx, new ServiceSlotsCreated({ allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() }, pid, project.unitId, saved.map((s) => s.id)));
        return Promise.all(saved.map((s) => tx.get(ServiceSlot, s.id, 'ServiceSlot')));
      });
    } catch (err) {
      if (isUniqueViolation(err, 'service_slot_project_start_uq')) throw conflictOn('input.startsAt', 'DUPLICATE', 'The project already has a slot starting then');
      throw err;
    }
  }

  async book(ctx: RequestContext, slotId: string, input: BookingInput): Promise<Booking> {
    const sid = requireId(slotId, 'slotId');
    const fields = bookingFields(input);
    if (!reaches(BOOKERS[ctx.me.role], actorOf(ctx.me), {})) throw forbidden();
    return this.place(ctx, sid, fields, ctx.me.id);
  }

  /**
   * A resident's own booking from the residents' page: no one signed in
   * (ctx acts for the page's alliance). `within` runs in the booking's
   * transaction (the tracking code commits with it or not at all).
   */
  bookAsResident(ctx: RequestContext, slotId: string, input: BookingInput, within: Within<Booking>): Promise<Booking> {
    const sid = requireId(slotId, 'slotId');
    return this.place(ctx, sid, bookingFields(input), null, within);
  }

  private async place(ctx: RequestContext, sid: string, fields: BookingFields, actorId: string | null, within?: Within<Booking>): Promise<Booking> {
    try {
      return await ctx.scope.transaction(async (tx) => {
        // Not locked: the trigger's UPDATE of the slot serialises bookings, and its CHECK refuses the one too many.
        const slot = await tx.get(ServiceSlot, sid, 'ServiceSlot', 'slotId');
        if (slot.startsAt.getTime() <= Date.now()) throw conflictOn('slotId', 'NOT_IN_FUTURE', 'The slot has already begun');
        const project = await tx.get(ShelfProject, slot.projectId, 'ShelfProject');
        if (project.status !== ORDERABLE_SHELF_STATUS) throw conflict(`The project is ${project.status}; only ${ORDERABLE_SHELF_STATUS} projects take bookings`);
        const b = await tx.manager.save(tx.create(Booking, { slotId: sid, ...fields, status: 'BOOKED', bookedBy: actorId }));
        await publish(ctx, tx, new ServiceSlotBooked({ allianceId: tx.allianceId, actorId, at: new Date() }, b.id, sid, slot.unitId, slot.offHours));
        if (within) await within(tx, b);
        return b;
      });
    } catch (err) {
      if (isCheckViolation(err)) throw conflictWhy('SLOT_FULL', 'The slot is fully booked');
      throw err;
    }
  }

  /** Before the slot begins; by a worker, or by the resident who booked it (the residents' page). */
  cancel(ctx: RequestContext, id: string, by: StepTaker = ctx.me): Promise<Booking> {
    return transitionBooking(
      ctx,
      requireId(id, 'id'),
      'cancel',
      null,
      (_b, slot) => {
        if (slot.startsAt.getTime() <= Date.now()) throw conflictOn('id', 'NOT_IN_FUTURE', 'The slot has already begun; record how it went instead');
      },
      by,
    );
  }

  /** Once the slot has begun: DONE or NO_SHOW. */
  complete(ctx: RequestContext, id: string, outcome: BookingStatus): Promise<Booking> {
    if (outcome !== 'DONE' && outcome !== 'NO_SHOW') throw badInput('outcome', 'OUT_OF_RANGE', 'outcome: DONE or NO_SHOW');
    return transitionBooking(ctx, requireId(id, 'id'), 'complete', outcome, (_b, slot) => {
      if (slot.startsAt.getTime() > Date.now()) throw conflictOn('id', 'TOO_EARLY', 'The slot has not begun yet');
    });
  }
}

export const serviceBookingService = new ServiceBookingService();
