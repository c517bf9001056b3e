import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_LIMITS } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { solvedCaptcha } from '../../../testing/residents-captcha.js';

/*
 * The optional photo of a resident's need (issue 12 point 5): sent after the
 * report to a public endpoint, authorised by the tracking code and the
 * phone's last 4 digits, stored as the need's REPORT photo with no uploader.
 */

let s: TestServer;
let base: string;
beforeAll(async () => {
  s = await startTestServer();
  base = s.url.replace(/\/graphql$/, '/api/public/attachments');
});
afterAll(() => s?.close());
beforeEach(async () => {
  await s.sql(`DELETE FROM public_limit`);
});

const REPORT = `mutation($code: String!, $input: PublicNeedInput!) { publicReportNeed(allianceCode: $code, input: $input) { trackingCode } }`;
const PHOTO = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#cc3333' } }).jpeg().toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function reported(): Promise<{ code: string; needId: string }> {
  const [b] = await s.sql(`SELECT b.id FROM building b JOIN app_user u ON u.grid_id = b.grid_id WHERE u.username = 'grid1' ORDER BY b.sort_order LIMIT 1`);
  const input = {
    residentName: '欧阳淑芬',
    residentPhone: '13912345678',
    title: '楼道灯不亮',
    description: `三单元楼道灯坏了 ${Math.random()}`,
    buildingId: b.id,
    address: '3单元502',
    captcha: await solvedCaptcha(s),
  };
  const r = await s.gql(REPORT, { code: 'songshan', input }, null);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const code = r.data.publicReportNeed.trackingCode as string;
  const [t] = await s.sql(`SELECT subject_id FROM public_tracking WHERE code = $1`, [code]);
  // One resident's reports would hit the per-phone limit over this file's tests.
  await s.sql(`DELETE FROM public_limit`);
  return { code, needId: t.subject_id };
}

async function send(code: string, phoneLast4: string, bytes: Buffer, name = '楼道.jpg', type = 'image/jpeg') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${base}?code=${encodeURIComponent(code)}&phoneLast4=${phoneLast4}`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const stored = async (needId: string) => s.sql(`SELECT stage, media_type, uploaded_by FROM attachment WHERE owner_type = 'NEED' AND owner_id = $1`, [needId]);

describe("a resident's photo of a reported need", () => {
  it('is taken with the code and the phone, as the need\'s REPORT photo with no uploader, and staff see it', async () => {
    const { code, needId } = await reported();
    const r = await send(code, '5678', PHOTO);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ stage: 'REPORT', mediaType: 'image/jpeg' });
    // Nothing of where staff read it.
    expect(r.body).not.toHaveProperty('url');
    expect(await stored(needId)).toEqual([{ stage: 'REPORT', media_type: 'image/jpeg', uploaded_by: null }]);
    const staff = await (await s.as('grid1'))(`query($id: ID!) { need(id: $id) { attachments { stage mediaType uploadedBy { username } } } }`, { id: needId });
    expect(staff.errors, JSON.stringify(staff.errors)).toBeUndefined();
    expect(staff.data.need.attachments).toEqual([{ stage: 'REPORT', mediaType: 'image/jpeg', uploadedBy: null }]);
  });

  it('answers NOT_FOUND alike for a wrong phone and an unknown code, and refuses malformed ones; nothing stored', async () => {
    const { code, needId } = await reported();
    for (const [c, last4] of [
      [code, '0000'],
      ['ACDEFGHJ', '5678'],
    ]) {
      const r = await send(c!, last4!, PHOTO);
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await send('x', '5678', PHOTO)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'code' } });
    expect(await send(code, '56', PHOTO)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'phoneLast4' } });
    expect(await stored(needId)).toEqual([]);
  });

  it('takes images only, read from the bytes: a PDF is refused on file', async () => {
    const { code, needId } = await reported();
    expect(await send(code, '5678', PDF, 'photo.jpg', 'image/jpeg')).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'file', reason: 'INVALID_FORMAT' } });
    expect(await stored(needId)).toEqual([]);
  });

  it(`is refused after ${PUBLIC_LIMITS.photoMinutes} minutes from the report`, async () => {
    const { code, needId } = await reported();
    await s.sql(`UPDATE public_tracking SET created_at = now() - make_interval(mins => $2::int + 1) WHERE code = $1`, [code, PUBLIC_LIMITS.photoMinutes]);
    expect(await send(code, '5678', PHOTO)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'code', reason: 'TOO_LATE' } });
    expect(await stored(needId)).toEqual([]);
  });

  it(`takes at most ${PUBLIC_LIMITS.photosPerNeed} per need`, async () => {
    const { code, needId } = await reported();
    for (let i = 0; i < PUBLIC_LIMITS.photosPerNeed; i++) expect((await send(code, '5678', PHOTO)).status).toBe(201);
    expect(await send(code, '5678', PHOTO)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'file', reason: 'OUT_OF_RANGE' } });
    expect(await stored(needId)).toHaveLength(PUBLIC_LIMITS.photosPerNeed);
  });

  it(`takes ${PUBLIC_LIMITS.photosPerHour} an hour per client address, then RATE_LIMITED`, async () => {
    const { code } = await reported();
    for (let i = 0; i < PUBLIC_LIMITS.photosPerHour; i++) await send(code, '0000', PHOTO);
    expect(await send(code, '5678', PHOTO)).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
  });
});
