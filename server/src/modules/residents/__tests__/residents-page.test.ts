import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_LIMITS, TRACKING_CODE_ALPHABET } from '@alliance/shared';
import { codeOf, startTestServer, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { solvedCaptcha } from '../../../testing/residents-captcha.js';

/*
 * The residents' page (群众点单) over real HTTP, no one signed in: what it
 * shows, what it takes, and what it refuses (CAPTCHA, honeypot, limits,
 * validation), with the database checked after every refusal.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());
// Each test starts with fresh counts (the file shares one client address).
beforeEach(async () => {
  await s.sql(`DELETE FROM public_limit`);
});

const CODE_SHAPE = new RegExp(`^[${TRACKING_CODE_ALPHABET}]{8}$`);
const NAME = '欧阳淑芬';
const PHONE = '13912345678';

const BOOK = `mutation($code: String!, $input: PublicBookingInput!) { publicBookServiceSlot(allianceCode: $code, input: $input) { trackingCode } }`;
const REPORT = `mutation($code: String!, $input: PublicNeedInput!) { publicReportNeed(allianceCode: $code, input: $input) { trackingCode } }`;
const REQUEST = `mutation($code: String!, $input: PublicVenueRequestInput!) { publicRequestVenue(allianceCode: $code, input: $input) { trackingCode } }`;
const TRACK = `query($code: String!, $last4: String!) { publicTrack(code: $code, phoneLast4: $last4) { code kind subject startsAt status steps { status at } } }`;

async function freeSlot(offHours = true): Promise<{ id: string; project_title: string }> {
  const [row] = await s.sql(
    `SELECT s.id, p.title AS project_title FROM service_slot s JOIN shelf_project p ON p.id = s.shelf_project_id JOIN alliance a ON a.id = s.alliance_id
      WHERE a.code = 'songshan' AND p.status = 'ON_SHELF' AND s.starts_at > now() AND s.booked < s.capacity AND s.off_hours = $1
      ORDER BY s.starts_at LIMIT 1`,
    [offHours],
  );
  expect(row, 'the demo data offers a free off-hours slot').toBeTruthy();
  return row;
}

async function grid1Building(): Promise<{ id: string; name: string; grid_id: string }> {
  const [row] = await s.sql(
    `SELECT b.id, b.name, b.grid_id FROM building b JOIN app_user u ON u.grid_id = b.grid_id WHERE u.username = 'grid1' ORDER BY b.sort_order LIMIT 1`,
  );
  return row;
}

async function needInput(over: Record<string, unknown> = {}) {
  const b = await grid1Building();
  return {
    residentName: NAME,
    residentPhone: PHONE,
    title: '楼道灯不亮',
    description: `三单元楼道灯坏了一周，晚上很黑 ${Math.random()}`,
    buildingId: b.id,
    address: '3单元502',
    captcha: await solvedCaptcha(s),
    ...over,
  };
}

const counts = async () => (await s.sql(`SELECT (SELECT count(*) FROM need)::int AS needs, (SELECT count(*) FROM booking)::int AS bookings, (SELECT count(*) FROM venue_reservation)::int AS reservations, (SELECT count(*) FROM public_tracking)::int AS codes`))[0];

function expectBadInput(r: GqlResult, field: string) {
  expect(codeOf(r), JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
  expect(r.errors![0]!.extensions!.field).toBe(field);
}

describe('the public shelf', () => {
  it('shows ON_SHELF projects by category with their next slots, and nothing of units\' contacts or internal notes', async () => {
    const r = await s.gql(
      `query($c: String!) { publicAlliance(code: $c) { code name categories { code name projects { id title description unitName nextSlots { id startsAt offHours placesLeft } } } buildings { id name } grids { id name } venues { id name opensAt closesAt } } }`,
      { c: 'songshan' },
      null,
    );
    expect(r.errors).toBeUndefined();
    const a = r.data.publicAlliance;
    expect(a.name).toBe('松山社区区域化党建联盟');
    const shown = a.categories.flatMap((c: { projects: { id: string }[] }) => c.projects.map((p) => p.id)).sort();
    const onShelf = (await s.sql(`SELECT p.id FROM shelf_project p JOIN alliance a ON a.id = p.alliance_id JOIN member_unit u ON u.id = p.unit_id WHERE a.code = 'songshan' AND p.status = 'ON_SHELF' AND u.status = 'ACTIVE'`)).map((p) => p.id).sort();
    expect(shown).toEqual(onShelf);
    expect(shown.length).toBeGreaterThan(10);
    expect(a.categories.flatMap((c: any) => c.projects).some((p: any) => p.nextSlots.some((x: any) => x.offHours && x.placesLeft > 0))).toBe(true);
    expect(a.buildings.length).toBeGreaterThan(0);
    expect(a.grids).toHaveLength(7);
    const json = JSON.stringify(r.data);
    const secrets = await s.sql(
      `SELECT u.contact_name AS v FROM member_unit u UNION SELECT u.contact_phone FROM member_unit u UNION SELECT u.address FROM member_unit u WHERE u.address IS NOT NULL AND u.address NOT IN (SELECT name FROM building) -- a unit housed in a listed building shares its public name
       UNION SELECT review_comment FROM shelf_project WHERE review_comment IS NOT NULL AND length(review_comment) > 3`,
    );
    expect(secrets.length).toBeGreaterThan(5);
    for (const { v } of secrets) if (v) expect(json, `leaks ${v}`).not.toContain(v);
  });

  it("answers the same with a token of another alliance's account sent along (the page acts for its own alliance)", async () => {
    const r = await (await s.as('n-committee'))(`{ publicAlliance(code: "songshan") { name } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.publicAlliance.name).toBe('松山社区区域化党建联盟');
  });

  it('refuses a malformed code as BAD_USER_INPUT and an unknown one as NOT_FOUND', async () => {
    expectBadInput(await s.gql(`{ publicAlliance(code: "Songshan; DROP") { code } }`, {}, null), 'code');
    expect(codeOf(await s.gql(`{ publicAlliance(code: "nowhere") { code } }`, {}, null))).toBe('NOT_FOUND');
  });
});

describe('booking an evening slot and tracking it', () => {
  it('books an off-hours slot, answers a tracking code, and tracking shows the steps without personal data', async () => {
    const slot = await freeSlot(true);
    const before = await counts();
    const r = await s.gql(BOOK, { code: 'songshan', input: { slotId: slot.id, residentName: NAME, residentPhone: PHONE, note: '住3号楼，腿脚不便', captcha: await solvedCaptcha(s) } }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const code = r.data.publicBookServiceSlot.trackingCode;
    expect(code).toMatch(CODE_SHAPE);
    const [b] = await s.sql(`SELECT b.status, b.booked_by, b.resident_name FROM booking b JOIN public_tracking t ON t.subject_id = b.id WHERE t.code = $1`, [code]);
    expect(b).toEqual({ status: 'BOOKED', booked_by: null, resident_name: NAME });
    expect((await counts()).bookings).toBe(before.bookings + 1);

    const t = await s.gql(TRACK, { code: code.toLowerCase(), last4: '5678' }, null);
    expect(t.errors).toBeUndefined();
    expect(t.data.publicTrack).toMatchObject({ code, kind: 'BOOKING', subject: slot.project_title, status: 'BOOKED' });
    expect(t.data.publicTrack.steps.map((x: { status: string }) => x.status)).toEqual(['BOOKED']);
    const json = JSON.stringify(t);
    for (const personal of [NAME, PHONE, '5678', '3号楼', '腿脚不便']) expect(json).not.toContain(personal);

    // The unit marks it done (through the API, as the unit's screen is another branch's): tracking follows.
    await s.sql(`UPDATE service_slot SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [slot.id]);
    const [{ id: bookingId }] = await s.sql(`SELECT subject_id AS id FROM public_tracking WHERE code = $1`, [code]);
    const [{ username }] = await s.sql(`SELECT u.username FROM app_user u JOIN service_slot s ON s.unit_id = u.unit_id WHERE s.id = $1 AND u.status = 'ACTIVE' LIMIT 1`, [slot.id]);
    const done = await (await s.as(username))(`mutation($id: ID!) { completeBooking(id: $id, outcome: DONE) { status } }`, { id: bookingId });
    expect(done.errors, JSON.stringify(done.errors)).toBeUndefined();
    const after = await s.gql(TRACK, { code, last4: '5678' }, null);
    expect(after.data.publicTrack.status).toBe('DONE');
    expect(after.data.publicTrack.steps.map((x: { status: string }) => x.status)).toEqual(['BOOKED', 'DONE']);
  });

  it('answers NOT_FOUND alike for a wrong phone and an unknown code, and refuses malformed ones', async () => {
    const slot = await freeSlot(true);
    const r = await s.gql(BOOK, { code: 'songshan', input: { slotId: slot.id, residentName: NAME, residentPhone: PHONE, captcha: await solvedCaptcha(s) } }, null);
    const code = r.data.publicBookServiceSlot.trackingCode;
    expect(codeOf(await s.gql(TRACK, { code, last4: '0000' }, null))).toBe('NOT_FOUND');
    expect(codeOf(await s.gql(TRACK, { code: 'ACDEFGHJ', last4: '5678' }, null))).toBe('NOT_FOUND');
    expectBadInput(await s.gql(TRACK, { code: 'ABC', last4: '5678' }, null), 'code');
    expectBadInput(await s.gql(TRACK, { code, last4: '56a8' }, null), 'phoneLast4');
  });

  it('limits tracking look-ups per client address', async () => {
    for (let i = 0; i < PUBLIC_LIMITS.tracksPerHour; i++) expect(codeOf(await s.gql(TRACK, { code: 'ACDEFGHJ', last4: '1234' }, null))).toBe('NOT_FOUND');
    const r = await s.gql(TRACK, { code: 'ACDEFGHJ', last4: '1234' }, null);
    expect(codeOf(r)).toBe('RATE_LIMITED');
    expect(r.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('calling off what one booked or asked for (publicCancel)', () => {
  const CANCEL = `mutation($code: String!, $last4: String!) { publicCancel(code: $code, phoneLast4: $last4) { kind status steps { status } } }`;
  const book = async () => {
    const slot = await freeSlot(true);
    const r = await s.gql(BOOK, { code: 'songshan', input: { slotId: slot.id, residentName: NAME, residentPhone: PHONE, captcha: await solvedCaptcha(s) } }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const code = r.data.publicBookServiceSlot.trackingCode as string;
    const [{ id }] = await s.sql(`SELECT subject_id AS id FROM public_tracking WHERE code = $1`, [code]);
    return { code, id: id as string, slot };
  };
  const bookingRow = async (id: string) => (await s.sql(`SELECT b.status, s.booked FROM booking b JOIN service_slot s ON s.id = b.slot_id WHERE b.id = $1`, [id]))[0];

  it('a booking: CANCELLED, its place free again, audited and seen by tracking; a second time: CONFLICT', async () => {
    const { code, id } = await book();
    const before = await bookingRow(id);
    const r = await s.gql(CANCEL, { code: code.toLowerCase(), last4: '5678' }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.publicCancel).toEqual({ kind: 'BOOKING', status: 'CANCELLED', steps: [{ status: 'BOOKED' }, { status: 'CANCELLED' }] });
    expect(await bookingRow(id)).toEqual({ status: 'CANCELLED', booked: before.booked - 1 });
    const [entry] = await s.sql(`SELECT actor_id, summary FROM audit_entry WHERE action = 'BOOKING_CANCEL' AND subject_id = $1`, [id]);
    expect(entry).toMatchObject({ actor_id: null, summary: { before: { status: 'BOOKED' }, after: { status: 'CANCELLED' } } });
    expect(codeOf(await s.gql(CANCEL, { code, last4: '5678' }, null))).toBe('CONFLICT');
  });

  it('a room request, REQUESTED or already confirmed: CANCELLED', async () => {
    const [v] = await s.sql(`SELECT v.id FROM venue v JOIN alliance a ON a.id = v.alliance_id WHERE a.code = 'songshan' ORDER BY v.name LIMIT 1`);
    const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    for (const [hour, confirm] of [[14, false], [16, true]] as const) {
      const r = await s.gql(REQUEST, { code: 'songshan', input: { venueId: v.id, startsAt: `${day}T${hour}:00:00+08:00`, endsAt: `${day}T${hour + 1}:00:00+08:00`, purpose: '读书会', residentName: NAME, residentPhone: PHONE, captcha: await solvedCaptcha(s) } }, null);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const code = r.data.publicRequestVenue.trackingCode as string;
      const [{ id }] = await s.sql(`SELECT subject_id AS id FROM public_tracking WHERE code = $1`, [code]);
      if (confirm) expect((await (await s.as('committee'))(`mutation($id: ID!) { confirmVenueReservation(id: $id) { status } }`, { id })).errors).toBeUndefined();
      const c = await s.gql(CANCEL, { code, last4: '5678' }, null);
      expect(c.errors, JSON.stringify(c.errors)).toBeUndefined();
      expect(c.data.publicCancel).toMatchObject({ kind: 'VENUE_RESERVATION', status: 'CANCELLED' });
      expect((await s.sql(`SELECT status FROM venue_reservation WHERE id = $1`, [id]))[0].status).toBe('CANCELLED');
    }
  });

  it('refuses, writing nothing: a wrong phone (NOT_FOUND), a begun slot (CONFLICT), a need\'s code (BAD_USER_INPUT)', async () => {
    const { code, id, slot } = await book();
    expect(codeOf(await s.gql(CANCEL, { code, last4: '0000' }, null))).toBe('NOT_FOUND');
    await s.sql(`UPDATE service_slot SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '50 minutes' WHERE id = $1`, [slot.id]);
    expect(codeOf(await s.gql(CANCEL, { code, last4: '5678' }, null))).toBe('CONFLICT');
    expect((await bookingRow(id)).status).toBe('BOOKED');
    const n = await s.gql(REPORT, { code: 'songshan', input: await needInput() }, null);
    expect(n.errors, JSON.stringify(n.errors)).toBeUndefined();
    const needCode = n.data.publicReportNeed.trackingCode;
    expectBadInput(await s.gql(CANCEL, { code: needCode, last4: '5678' }, null), 'code');
    const [need] = await s.sql(`SELECT n.status FROM need n JOIN public_tracking t ON t.subject_id = n.id WHERE t.code = $1`, [needCode]);
    expect(need.status).toBe('REPORTED');
  });
});

describe("a resident's need", () => {
  it("arrives REPORTED with source RESIDENT in the building's grid, in that grid worker's queue", async () => {
    const b = await grid1Building();
    const input = await needInput();
    const r = await s.gql(REPORT, { code: 'songshan', input }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const code = r.data.publicReportNeed.trackingCode;
    const [n] = await s.sql(`SELECT n.id, n.status, n.source, n.grid_id, n.location, n.reported_by FROM need n JOIN public_tracking t ON t.subject_id = n.id WHERE t.code = $1`, [code]);
    expect(n).toMatchObject({ status: 'REPORTED', source: 'RESIDENT', grid_id: b.grid_id, location: `${b.name} 3单元502`, reported_by: null });
    // The grid worker's 群众点单待核实 (我的待办): the grid's REPORTED residents' needs.
    const queue = await (await s.as('grid1'))(`query($g: ID!) { needs(filter: { status: [REPORTED], gridId: $g, source: RESIDENT }, first: 100) { nodes { id source } } }`, { g: b.grid_id });
    expect(queue.errors).toBeUndefined();
    expect(queue.data.needs.nodes).toContainEqual({ id: n.id, source: 'RESIDENT' });
    expect(new Set(queue.data.needs.nodes.map((x: { source: string }) => x.source))).toEqual(new Set(['RESIDENT']));
    const staff = await (await s.as('grid1'))(`query($g: ID!) { needs(filter: { status: [REPORTED], gridId: $g, source: STAFF }, first: 100) { nodes { id } } }`, { g: b.grid_id });
    expect(staff.data.needs.nodes.map((x: { id: string }) => x.id)).not.toContain(n.id);

    const t = await s.gql(TRACK, { code, last4: '5678' }, null);
    expect(t.data.publicTrack).toMatchObject({ kind: 'NEED', subject: null, status: 'REPORTED' });
    const json = JSON.stringify(t);
    for (const personal of [NAME, PHONE, b.name, '502', '楼道灯']) expect(json).not.toContain(personal);
  });

  it('goes to the chosen grid with an address when the building is not listed; one of the two is required', async () => {
    const [g] = await s.sql(`SELECT g.id FROM grid g JOIN alliance a ON a.id = g.alliance_id WHERE a.code = 'songshan' ORDER BY g.sort_order OFFSET 2 LIMIT 1`);
    const r = await s.gql(REPORT, { code: 'songshan', input: await needInput({ buildingId: null, gridId: g.id, address: '松山路12号平房' }) }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const [n] = await s.sql(`SELECT n.grid_id, n.location FROM need n JOIN public_tracking t ON t.subject_id = n.id WHERE t.code = $1`, [r.data.publicReportNeed.trackingCode]);
    expect(n).toEqual({ grid_id: g.id, location: '松山路12号平房' });
    const before = await counts();
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ buildingId: null }) }, null), 'buildingId');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ buildingId: null, gridId: g.id, address: null }) }, null), 'address');
    expect(await counts()).toEqual(before);
  });

  it('refuses the same text from one phone within a day as a duplicate', async () => {
    const first = await needInput();
    expect((await s.gql(REPORT, { code: 'songshan', input: first }, null)).errors).toBeUndefined();
    const before = await counts();
    const again = await s.gql(REPORT, { code: 'songshan', input: { ...first, captcha: await solvedCaptcha(s) } }, null);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions!.reason).toBe('DUPLICATE');
    expect(await counts()).toEqual(before);
  });
});

describe('a room request', () => {
  it('waits as REQUESTED for the committee, and tracking shows it', async () => {
    const [v] = await s.sql(`SELECT v.id, v.name FROM venue v JOIN alliance a ON a.id = v.alliance_id WHERE a.code = 'songshan' ORDER BY v.name LIMIT 1`);
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const startsAt = `${day}T10:00:00+08:00`;
    const endsAt = `${day}T11:00:00+08:00`;
    const r = await s.gql(REQUEST, { code: 'songshan', input: { venueId: v.id, startsAt, endsAt, purpose: '老年合唱队排练', residentName: NAME, residentPhone: PHONE, captcha: await solvedCaptcha(s) } }, null);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const code = r.data.publicRequestVenue.trackingCode;
    const [row] = await s.sql(`SELECT r.status, r.requested_by, r.resident_name, r.resident_phone FROM venue_reservation r JOIN public_tracking t ON t.subject_id = r.id WHERE t.code = $1`, [code]);
    expect(row).toEqual({ status: 'REQUESTED', requested_by: null, resident_name: NAME, resident_phone: PHONE });
    const t = await s.gql(TRACK, { code, last4: '5678' }, null);
    expect(t.data.publicTrack).toMatchObject({ kind: 'VENUE_RESERVATION', subject: v.name, status: 'REQUESTED' });
    expect(JSON.stringify(t)).not.toContain('合唱');
    // Busy times show confirmed reservations only, without who or why.
    const busy = await s.gql(`query($c: String!, $v: ID!, $f: DateTime!, $t: DateTime!) { publicVenueBusyTimes(allianceCode: $c, venueId: $v, from: $f, to: $t) { startsAt endsAt } }`, { c: 'songshan', v: v.id, f: `${day}T00:00:00+08:00`, t: `${day}T23:59:00+08:00` }, null);
    expect(busy.errors).toBeUndefined();
    expect(busy.data.publicVenueBusyTimes).toEqual([]);
  });
});

describe('abuse', () => {
  it('refuses a filled honeypot, a missing, forged or reused CAPTCHA, and writes nothing', async () => {
    const before = await counts();
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ website: 'http://spam.example' }) }, null), 'website');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ captcha: '' }) }, null), 'captcha');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ captcha: 'bm90IGEgY2FwdGNoYQ==' }) }, null), 'captcha');
    // A solution of another challenge: the signature does not match.
    const a = JSON.parse(Buffer.from(await solvedCaptcha(s), 'base64').toString());
    const b = JSON.parse(Buffer.from(await solvedCaptcha(s), 'base64').toString());
    const forged = Buffer.from(JSON.stringify({ challenge: a.challenge, solution: b.solution })).toString('base64');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ captcha: forged }) }, null), 'captcha');
    expect(await counts()).toEqual(before);
    const once = await solvedCaptcha(s);
    expect((await s.gql(REPORT, { code: 'songshan', input: await needInput({ captcha: once }) }, null)).errors).toBeUndefined();
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ captcha: once }) }, null), 'captcha');
    expect((await counts()).needs).toBe(before.needs + 1);
  });

  it('validates every field like the rest: phone format, NUL bytes, lengths, ids', async () => {
    const before = await counts();
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ residentPhone: '12345' }) }, null), 'residentPhone');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ residentName: '王\u0000五' }) }, null), 'residentName');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ title: '灯'.repeat(PUBLIC_LIMITS.needTitle + 1) }) }, null), 'title');
    expectBadInput(await s.gql(REPORT, { code: 'songshan', input: await needInput({ buildingId: 'not-an-id' }) }, null), 'buildingId');
    expectBadInput(await s.gql(BOOK, { code: 'songshan', input: { slotId: 'x', residentName: NAME, residentPhone: PHONE, captcha: await solvedCaptcha(s) } }, null), 'slotId');
    expectBadInput(await s.gql(REPORT, { code: 'BAD CODE', input: await needInput() }, null), 'allianceCode');
    expect(await counts()).toEqual(before);
  });

  it(`takes ${PUBLIC_LIMITS.submissionsPerHour} submissions an hour per phone, then RATE_LIMITED with nothing written`, async () => {
    // The address's count is cleared before each: only the phone's can refuse.
    const forgetAddress = () => s.sql(`DELETE FROM public_limit WHERE key LIKE '%address:%'`);
    for (let i = 0; i < PUBLIC_LIMITS.submissionsPerHour; i++) {
      await forgetAddress();
      const r = await s.gql(REPORT, { code: 'songshan', input: await needInput() }, null);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    }
    await forgetAddress();
    const before = await counts();
    const r = await s.gql(REPORT, { code: 'songshan', input: await needInput() }, null);
    expect(codeOf(r)).toBe('RATE_LIMITED');
    expect(await counts()).toEqual(before);
  });

  it(`takes ${PUBLIC_LIMITS.submissionsPerHour} submissions an hour per client address, whatever the phone`, async () => {
    for (let i = 0; i < PUBLIC_LIMITS.submissionsPerHour; i++) {
      const r = await s.gql(REPORT, { code: 'songshan', input: await needInput({ residentPhone: `1370000000${i}` }) }, null);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    }
    const before = await counts();
    expect(codeOf(await s.gql(REPORT, { code: 'songshan', input: await needInput({ residentPhone: '13800000009' }) }, null))).toBe('RATE_LIMITED');
    expect(await counts()).toEqual(before);
  });
});
