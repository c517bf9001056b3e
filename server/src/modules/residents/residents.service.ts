import { randomInt } from 'node:crypto';
import {
  PUBLIC_LIMITS,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  isAllianceCode,
  isTrackingCode,
  normaliseTrackingCode,
  phoneLast4,
  type VenueKind,
} from '@alliance/shared';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput, conflictOn, notFound } from '../../graphql/errors.js';
import { attachmentService, type AttachmentMeta } from '../attachment/attachment.service.js';
import { needService } from '../need/need.service.js';
import { serviceBookingService } from '../service-booking/service-booking.service.js';
import { venueService } from '../venue/venue.service.js';
import { PublicTracking, type TrackedKind } from './public-tracking.entity.js';
import type { PublicBookingInput, PublicNeedInput, PublicVenueRequestInput } from './residents.inputs.js';
import type { PublicAlliance, PublicBusyTime, PublicReceipt, PublicServiceSlot, PublicStep, PublicTrackingView } from './residents.types.js';

/** A tracking code: 8 characters of an alphabet without look-alikes, from the system's CSPRNG (~37 bits). */
function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)];
  return code;
}

const residentPhone = (phone: string) => phone.replace(/\s/g, '');

interface SlotRow {
  id: string;
  shelf_project_id: string;
  starts_at: Date;
  ends_at: Date;
  off_hours: boolean;
  places_left: number;
}

const toSlot = (r: SlotRow): PublicServiceSlot => ({ id: r.id, startsAt: r.starts_at, endsAt: r.ends_at, offHours: r.off_hours, placesLeft: r.places_left });

/**
 * The residents' page (群众点单): no one signs in; the alliance is the one
 * the page's code names (ctx acts in its scope). Reads return public types
 * only; writes pass the honeypot, the CAPTCHA and the limits, then go through
 * the owning modules' services (the same rules as for the alliance's staff)
 * and leave a tracking code in the same transaction.
 */
class ResidentsService {
  /** The alliance of a page's code; ctx acts in its scope from now on. */
  private async enter(ctx: RequestContext, code: string, field: string): Promise<{ id: string; code: string; name: string; region_name: string }> {
    if (typeof code !== 'string' || !isAllianceCode(code)) throw badInput(field, 'INVALID_FORMAT', `${field}: not an alliance's code`);
    const [row] = await ctx.deps.dataSource.query(`SELECT id, code, name, region_name FROM alliance WHERE code = $1`, [code]);
    if (!row) throw notFound('Alliance');
    ctx.actForAlliance(row.id);
    return row;
  }

  async alliance(ctx: RequestContext, code: string): Promise<PublicAlliance> {
    const a = await this.enter(ctx, code, 'code');
    const q = (sql: string) => ctx.scope.manager.query(sql, [a.id]);
    const [categories, projects, slots, buildings, grids, venues] = await Promise.all([
      q(`SELECT id, code, name FROM service_category WHERE alliance_id = $1 ORDER BY sort_order, code`),
      q(`SELECT p.id, p.category_id, p.title, p.description, u.name AS unit_name
           FROM shelf_project p JOIN member_unit u ON u.id = p.unit_id
          WHERE p.alliance_id = $1 AND p.status = 'ON_SHELF' AND u.status = 'ACTIVE'
          ORDER BY p.title, p.id`),
      q(`SELECT id, shelf_project_id, starts_at, ends_at, off_hours, places_left FROM (
           SELECT s.*, s.capacity - s.booked AS places_left,
                  row_number() OVER (PARTITION BY s.shelf_project_id ORDER BY s.starts_at, s.id) AS n
             FROM service_slot s
            WHERE s.alliance_id = $1 AND s.starts_at > now() AND s.booked < s.capacity
              AND s.starts_at < now() + interval '${PUBLIC_LIMITS.slotDaysAhead} days') x
          WHERE n <= ${PUBLIC_LIMITS.nextSlots} ORDER BY starts_at, id`),
      q(`SELECT id, name FROM building WHERE alliance_id = $1 ORDER BY sort_order, name, id`),
      q(`SELECT id, name FROM grid WHERE alliance_id = $1 ORDER BY sort_order, name, id`),
      q(`SELECT id, name, kind, capacity, opens_at, closes_at FROM venue WHERE alliance_id = $1 ORDER BY name, id`),
    ]);
    const slotsOf = new Map<string, PublicServiceSlot[]>();
    for (const s of slots as SlotRow[]) slotsOf.set(s.shelf_project_id, [...(slotsOf.get(s.shelf_project_id) ?? []), toSlot(s)]);
    return {
      code: a.code,
      name: a.name,
      regionName: a.region_name,
      categories: categories.map((c: { id: string; code: string; name: string }) => ({
        code: c.code,
        name: c.name,
        projects: projects
          .filter((p: { category_id: string }) => p.category_id === c.id)
          .map((p: { id: string; title: string; description: string; unit_name: string }) => ({
            id: p.id,
            title: p.title,
            description: p.description,
            unitName: p.unit_name,
            nextSlots: slotsOf.get(p.id) ?? [],
          })),
      })),
      buildings,
      grids,
      venues: venues.map((v: { id: string; name: string; kind: VenueKind; capacity: number; opens_at: string; closes_at: string }) => ({
        id: v.id,
        name: v.name,
        kind: v.kind,
        capacity: v.capacity,
        opensAt: v.opens_at.slice(0, 5),
        closesAt: v.closes_at.slice(0, 5),
      })),
    };
  }

  /** An ON_SHELF project's slots with a free place, starting on a local day in [from, to]. */
  async slots(ctx: RequestContext, code: string, projectId: string, from: string, to: string): Promise<PublicServiceSlot[]> {
    await this.enter(ctx, code, 'allianceCode');
    const all = await serviceBookingService.slots(ctx, projectId, from, to);
    if (all.length === 0) return [];
    const [project] = await ctx.scope.manager.query(`SELECT status FROM shelf_project WHERE id = $1 AND alliance_id = $2`, [projectId, ctx.scope.allianceId]);
    if (project?.status !== 'ON_SHELF') return [];
    const now = Date.now();
    return all
      .filter((s) => s.startsAt.getTime() > now && s.booked < s.capacity)
      .map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, offHours: s.offHours, placesLeft: s.capacity - s.booked }));
  }

  /** When a venue is taken in [from, to): confirmed reservations, without who or why. */
  async busyTimes(ctx: RequestContext, code: string, venueId: string, from: Date, to: Date): Promise<PublicBusyTime[]> {
    await this.enter(ctx, code, 'allianceCode');
    const taken = await venueService.reservations(ctx, from, to, venueId);
    return taken.filter((r) => r.status === 'CONFIRMED').map((r) => ({ startsAt: r.startsAt, endsAt: r.endsAt }));
  }

  async book(ctx: RequestContext, code: string, input: PublicBookingInput): Promise<PublicReceipt> {
    await this.enter(ctx, code, 'allianceCode');
    const phone = await this.admit(ctx, input);
    const trackingCode = newTrackingCode();
    await serviceBookingService.bookAsResident(ctx, input.slotId, input, (tx, b) => this.keep(tx, trackingCode, 'BOOKING', b.id, phone));
    return { trackingCode };
  }

  async requestVenue(ctx: RequestContext, code: string, input: PublicVenueRequestInput): Promise<PublicReceipt> {
    await this.enter(ctx, code, 'allianceCode');
    const phone = await this.admit(ctx, input);
    const trackingCode = newTrackingCode();
    const resident = { name: input.residentName.trim(), phone };
    await venueService.requestAsResident(ctx, input.venueId, input.startsAt, input.endsAt, input.purpose, resident, (tx, r) =>
      this.keep(tx, trackingCode, 'VENUE_RESERVATION', r.id, phone),
    );
    return { trackingCode };
  }

  /**
   * A need at one of the buildings goes to the building's grid (the flat may
   * follow in `address`); elsewhere the resident names the grid and the
   * address. Either way a grid's worker has it in the queue.
   */
  async reportNeed(ctx: RequestContext, code: string, input: PublicNeedInput): Promise<PublicReceipt> {
    await this.enter(ctx, code, 'allianceCode');
    const address = input.address?.trim() || null;
    if (!input.buildingId && !input.gridId) throw badInput('buildingId', 'REQUIRED', 'buildingId: choose your building, or your grid and address');
    if (!input.buildingId && !address) throw badInput('address', 'REQUIRED', 'address: the address, as the building is not in the list');
    let gridId = input.gridId ?? '';
    let location = address;
    if (input.buildingId) {
      const [building] = await ctx.scope.manager.query(`SELECT grid_id, name FROM building WHERE id = $1 AND alliance_id = $2`, [
        requireId(input.buildingId, 'buildingId'),
        ctx.scope.allianceId,
      ]);
      if (!building) throw badInput('buildingId', 'INVALID_ID', 'buildingId: no such building');
      if (input.gridId && requireId(input.gridId, 'gridId') !== building.grid_id) throw badInput('gridId', 'OUT_OF_RANGE', "gridId: the building is in another grid");
      gridId = building.grid_id;
      location = address ? `${building.name} ${address}` : building.name;
    }
    const description = input.description.trim();
    const phone = await this.admit(ctx, input);
    const [dup] = await ctx.scope.manager.query(
      `SELECT 1 FROM need WHERE alliance_id = $1 AND source = 'RESIDENT' AND requester_phone = $2 AND description = $3 AND reported_at > now() - interval '1 day'`,
      [ctx.scope.allianceId, phone, description],
    );
    if (dup) throw conflictOn('description', 'DUPLICATE', 'You reported the same need today already; track it with its code');
    const trackingCode = newTrackingCode();
    await needService.reportAsResident(
      ctx,
      { title: input.title.trim(), description, gridId: requireId(gridId, 'gridId'), location, requesterName: input.residentName.trim(), requesterPhone: phone },
      (tx, n) => this.keep(tx, trackingCode, 'NEED', n.id, phone),
    );
    return { trackingCode };
  }

  /** The steps of what a code tracks, once the code and the phone's last 4 digits match. */
  private async keep(tx: TenantScope, code: string, kind: TrackedKind, subjectId: string, phone: string): Promise<void> {
    try {
      await tx.manager.insert(PublicTracking, { code, allianceId: tx.allianceId, kind, subjectId, phoneLast4: phoneLast4(phone) });
    } catch (err) {
      // One in 10^11: the resident sends again and gets another code.
      if (isUniqueViolation(err)) throw conflictOn('captcha', 'DUPLICATE', 'Please send again');
      throw err;
    }
  }

  /**
   * A photo of a need the resident reported (point 5), sent after the report
   * with its tracking code and the phone's last 4 digits: within the hour,
   * images only, a few per need, stored by the attachment module as the
   * need's report photo with no uploader, where staff see it.
   */
  async attachPhoto(ctx: RequestContext, codeArg: unknown, last4Arg: unknown, file: { originalname: string; buffer: Buffer } | undefined): Promise<AttachmentMeta> {
    const t = await this.tracked(ctx, codeArg, last4Arg, (ip) => ctx.deps.residentsGuard.countPhoto(ip));
    if (t.kind !== 'NEED') throw badInput('code', 'NOT_FOR_THIS_KIND', 'code: photos go with a reported need');
    if (Date.now() - t.createdAt.getTime() > PUBLIC_LIMITS.photoMinutes * 60_000) {
      throw badInput('code', 'TOO_LATE', `code: photos are added within ${PUBLIC_LIMITS.photoMinutes} minutes of the report`);
    }
    ctx.actForAlliance(t.allianceId);
    return attachmentService.addResidentPhoto(ctx, t.subjectId, file, PUBLIC_LIMITS.photosPerNeed);
  }

  /** The tracking a code and the phone's last 4 digits open, counted first (a wrong guess costs as a right one); one answer for an unknown code and a wrong phone: no oracle for either. */
  private async tracked(ctx: RequestContext, codeArg: unknown, last4Arg: unknown, count: (ip: string) => Promise<void>): Promise<PublicTracking> {
    const code = normaliseTrackingCode(typeof codeArg === 'string' ? codeArg : '');
    if (!isTrackingCode(code)) throw badInput('code', 'INVALID_FORMAT', `code: ${TRACKING_CODE_LENGTH} characters, as given`);
    const last4 = typeof last4Arg === 'string' ? last4Arg : '';
    if (!/^\d{4}$/.test(last4)) throw badInput('phoneLast4', 'INVALID_FORMAT', 'phoneLast4: the last 4 digits of the phone');
    await count(ctx.clientIp);
    const t = await ctx.deps.dataSource.manager.findOne(PublicTracking, { where: { code } });
    if (!t || t.phoneLast4 !== last4) throw notFound('Tracking code');
    return t;
  }

  /** The steps of what a code tracks, once the code and the phone's last 4 digits match. */
  async track(ctx: RequestContext, codeArg: string, last4: string): Promise<PublicTrackingView> {
    const t = await this.tracked(ctx, codeArg, last4, (ip) => ctx.deps.residentsGuard.countTrack(ip));
    return this.viewOf(ctx, t);
  }

  /**
   * The resident calls off a booking or a room request before it begins, with
   * its code and the phone's last 4 digits (the tables' `resident` steps:
   * BOOKING_LIFECYCLE and VENUE_RESERVATION_LIFECYCLE `cancel`). A reported
   * need is not called off here: the grid's worker calls the resident back.
   * Counted as a look-up; audited and told as any cancellation, by no account.
   */
  async cancel(ctx: RequestContext, codeArg: string, last4: string): Promise<PublicTrackingView> {
    const t = await this.tracked(ctx, codeArg, last4, (ip) => ctx.deps.residentsGuard.countTrack(ip));
    if (t.kind === 'NEED') throw badInput('code', 'NOT_FOR_THIS_KIND', 'code: a reported need is not called off here; tell the grid worker who calls you back');
    ctx.actForAlliance(t.allianceId);
    if (t.kind === 'BOOKING') await serviceBookingService.cancel(ctx, t.subjectId, 'RESIDENT');
    else await venueService.cancel(ctx, t.subjectId, 'RESIDENT');
    return this.viewOf(ctx, t);
  }

  private async viewOf(ctx: RequestContext, t: PublicTracking): Promise<PublicTrackingView> {
    const code = t.code;
    const m = ctx.deps.dataSource.manager;
    const view = { code, kind: t.kind } as PublicTrackingView;
    if (t.kind === 'BOOKING') {
      const [r] = await m.query(
        `SELECT b.status, b.created_at, b.updated_at, s.starts_at, p.title FROM booking b
           JOIN service_slot s ON s.id = b.slot_id JOIN shelf_project p ON p.id = s.shelf_project_id
          WHERE b.id = $1 AND b.alliance_id = $2`,
        [t.subjectId, t.allianceId],
      );
      return { ...view, subject: r.title, startsAt: r.starts_at, status: r.status, steps: twoSteps('BOOKED', r) };
    }
    if (t.kind === 'VENUE_RESERVATION') {
      const [r] = await m.query(
        `SELECT r.status, r.created_at, r.updated_at, r.starts_at, v.name FROM venue_reservation r JOIN venue v ON v.id = r.venue_id
          WHERE r.id = $1 AND r.alliance_id = $2`,
        [t.subjectId, t.allianceId],
      );
      return { ...view, subject: r.name, startsAt: r.starts_at, status: r.status, steps: twoSteps('REQUESTED', r) };
    }
    const [n] = await m.query(`SELECT status, reported_at FROM need WHERE id = $1 AND alliance_id = $2`, [t.subjectId, t.allianceId]);
    // The moves of the status: a step that keeps it (a claim, a verification, a new plan) is internal work.
    const moves = await m.query(
      `SELECT to_status AS status, at FROM need_event
        WHERE need_id = $1 AND alliance_id = $2 AND from_status IS NOT NULL AND from_status <> to_status ORDER BY at, id`,
      [t.subjectId, t.allianceId],
    );
    return { ...view, subject: null, startsAt: null, status: n.status, steps: [{ status: 'REPORTED', at: n.reported_at }, ...moves] };
  }

  /** Honeypot, CAPTCHA, then the limits; the resident's phone as it will be kept. */
  private async admit(ctx: RequestContext, input: { residentPhone: string; captcha: string; website?: string | null }): Promise<string> {
    const guard = ctx.deps.residentsGuard;
    await guard.admit(input.captcha, input.website);
    const phone = residentPhone(input.residentPhone);
    await guard.countSubmission(ctx.clientIp, phone);
    return phone;
  }

}

/** A booking's or a reservation's steps: made, then where it stands now if it moved. */
function twoSteps(first: string, r: { status: string; created_at: Date; updated_at: Date }): PublicStep[] {
  return r.status === first ? [{ status: first, at: r.created_at }] : [{ status: first, at: r.created_at }, { status: r.status, at: r.updated_at }];
}

export const residentsService = new ResidentsService();
