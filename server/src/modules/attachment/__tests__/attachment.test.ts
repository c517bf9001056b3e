import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fastPathOn, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

let s: TestServer;
let base: string;
const tokens: Record<string, string> = {};
const MAIN = demoId('songshan');
let needOfGrid1: string;
let needOfGrid2: string;
let activityId: string;
let agreementId: string;
let neighbourNeed: string;
const userId = async (username: string) => (await s.sql(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id as string;

beforeAll(async () => {
  s = await startTestServer();
  base = s.url.replace(/\/graphql$/, '/api/attachments');
  for (const who of ['committee', 'unit1', 'unit2', 'grid1', 'grid2', 'viewer', 'n-committee']) tokens[who] = await s.login(who);
  const grid1 = (await s.sql(`SELECT grid_id FROM app_user WHERE username = 'grid1'`))[0].grid_id;
  needOfGrid1 = (await s.sql(`SELECT id FROM need WHERE alliance_id = $1 AND grid_id = $2 ORDER BY id LIMIT 1`, [MAIN, grid1]))[0].id;
  needOfGrid2 = (await s.sql(`SELECT id FROM need WHERE alliance_id = $1 AND grid_id <> $2 ORDER BY id LIMIT 1`, [MAIN, grid1]))[0].id;
  // Set up: unit1's liaison is the one who resolves needOfGrid1.
  await s.sql(`UPDATE need SET assignee_id = $1 WHERE id = $2`, [await userId('unit1'), needOfGrid1]);
  activityId = (await s.sql(`SELECT id FROM activity WHERE alliance_id = $1 ORDER BY id LIMIT 1`, [MAIN]))[0].id;
  agreementId = (await s.sql(`SELECT id FROM agreement WHERE alliance_id = $1 ORDER BY id LIMIT 1`, [MAIN]))[0].id;
  neighbourNeed = (await s.sql(`SELECT id FROM need WHERE alliance_id <> $1 ORDER BY id LIMIT 1`, [MAIN]))[0].id;
});
afterAll(() => s?.close());

/** A photo as a phone takes it: rotated by an EXIF orientation, with GPS in its metadata. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' } })
    .toBuffer();
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** A Windows program: "MZ" and a PE header. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

async function upload(who: string, query: string, bytes: Buffer, name: string, declared = 'image/jpeg') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: declared }), name);
  const res = await fetch(`${base}?${query}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[who] ?? who}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}
const get = (who: string, path: string) => fetch(`${s.url.replace(/\/graphql$/, '')}${path}`, { headers: { authorization: `Bearer ${tokens[who] ?? who}` } });
const stored = async (ownerId: string) => (await s.sql(`SELECT count(*)::int AS n FROM attachment WHERE owner_id = $1`, [ownerId]))[0].n as number;

describe('attachments: photos and scans of needs, activities and agreements', () => {
  it('an image is stored turned upright, without EXIF (GPS), with a thumbnail; served with its type and private headers', async () => {
    const photo = await phonePhoto();
    const taken = await sharp(photo).metadata();
    // The photo as taken: turned by its EXIF, which carries the GPS position.
    expect(taken.orientation).toBe(6);
    expect(taken.exif?.length).toBeGreaterThan(0);
    const r = await upload('grid1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, photo, 'C:\\phone\\楼道.jpg');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ ownerType: 'NEED', stage: 'REPORT', fileName: '楼道.jpg', mediaType: 'image/jpeg', hasThumbnail: true });
    const file = await get('committee', r.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('楼道.jpg')}`);
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    // Orientation 6 is a quarter turn: 400×200 stands as 200×400.
    expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([200, 400, undefined, undefined]);
    const thumb = await get('committee', r.body.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const t = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([t.width, t.height]).toEqual([160, 320]);
    const [row] = await s.sql(`SELECT size, sha256, uploaded_by FROM attachment WHERE id = $1`, [r.body.id]);
    expect(row.uploaded_by).toBe(await userId('grid1'));
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the type is read from the bytes: a program named .jpg is refused, a PDF declared as an image is a PDF', async () => {
    const before = await stored(needOfGrid1);
    const exe = await upload('grid1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, EXE, 'photo.jpg');
    expect(exe.status).toBe(400);
    expect(exe.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'INVALID_FORMAT' });
    expect(JSON.stringify(exe.body)).not.toMatch(/at \w+ \(|node_modules|INSERT/);
    expect(await stored(needOfGrid1)).toBe(before);
    const pdf = await upload('committee', `ownerType=AGREEMENT&ownerId=${agreementId}&stage=SCAN`, PDF, '协议.pdf', 'image/png');
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(pdf.body).toMatchObject({ mediaType: 'application/pdf', hasThumbnail: false, thumbnailUrl: null, size: PDF.length });
    const file = await get('unit1', pdf.body.url);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await get('unit1', `${pdf.body.url}/thumbnail`)).status).toBe(404);
  });

  it('more than 10 MB is refused with 413 and nothing stored', async () => {
    const before = await stored(needOfGrid1);
    const big = Buffer.concat([await phonePhoto(), Buffer.alloc(10 * 1024 * 1024)]);
    const r = await upload('grid1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, big, 'big.jpg');
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'TOO_LONG' });
    expect(await stored(needOfGrid1)).toBe(before);
  });

  it('who may add a file is who may take the step: the grid at report, the assignee at resolution, the committee for activities and agreements', async () => {
    const photo = await phonePhoto();
    const cases: [string, string, number][] = [
      ['grid2', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, 403],
      ['unit1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, 403],
      ['viewer', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, 403],
      ['unit1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=RESOLUTION`, 201],
      ['unit2', `ownerType=NEED&ownerId=${needOfGrid1}&stage=RESOLUTION`, 403],
      ['grid1', `ownerType=NEED&ownerId=${needOfGrid2}&stage=REPORT`, 403],
      ['committee', `ownerType=NEED&ownerId=${needOfGrid2}&stage=RESOLUTION`, 201],
      ['unit1', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, 403],
      ['committee', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, 201],
      ['unit1', `ownerType=AGREEMENT&ownerId=${agreementId}&stage=SCAN`, 403],
      // Another alliance's need is as absent as a need that does not exist.
      ['n-committee', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, 404],
      ['committee', `ownerType=NEED&ownerId=${neighbourNeed}&stage=REPORT`, 404],
      ['forged', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, 401],
    ];
    for (const [who, query, status] of cases) {
      const r = await upload(who, query, photo, 'p.jpg');
      expect(r.status, `${who} ${query} ${JSON.stringify(r.body)}`).toBe(status);
      if (status === 403) expect(r.body.code).toBe('FORBIDDEN');
    }
    const wrongStage = await upload('committee', `ownerType=ACTIVITY&ownerId=${activityId}&stage=REPORT`, photo, 'p.jpg');
    expect(wrongStage).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'stage' } });
    const badId = await upload('committee', `ownerType=NEED&ownerId=nope&stage=REPORT`, photo, 'p.jpg');
    expect(badId).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'ownerId', reason: 'INVALID_ID' } });
  });

  it('a file is served only to those who may read its owner: not across alliances, and the viewer sees no photos of residents’ needs', async () => {
    const need = await upload('grid1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, await phonePhoto(), 'n.jpg');
    const activity = await upload('committee', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, await phonePhoto(), 'a.jpg');
    for (const who of ['committee', 'unit2', 'grid2']) expect((await get(who, need.body.url)).status, who).toBe(200);
    expect((await get('viewer', need.body.url)).status).toBe(403);
    expect((await get('viewer', need.body.thumbnailUrl)).status).toBe(403);
    expect((await get('viewer', activity.body.url)).status).toBe(200);
    expect((await get('n-committee', need.body.url)).status).toBe(404);
    expect((await get('n-committee', activity.body.thumbnailUrl)).status).toBe(404);
    expect((await get('forged', need.body.url)).status).toBe(401);
    expect((await get('committee', `/api/attachments/not-an-id`)).status).toBe(400);
  });
});

describe('attachments in GraphQL', () => {
  it('Need, Activity and Agreement list their files, one SQL statement per batch whatever the number of owners; none for the viewer on needs', async () => {
    const page = (await s.gql(`{ needs(first: 100) { nodes { id } } }`, {}, tokens.committee)).data.needs.nodes as { id: string }[];
    const [other, second] = [page[0]!.id, page[1]!.id];
    expect((await upload('committee', `ownerType=NEED&ownerId=${other}&stage=REPORT`, PDF, 'other.pdf')).status).toBe(201);
    expect((await upload('committee', `ownerType=NEED&ownerId=${second}&stage=RESOLUTION`, await phonePhoto(), 'after.jpg')).status).toBe(201);
    const without = await s.gql(`{ needs(first: 100) { nodes { id } } }`, {}, tokens.committee);
    const withFiles = await s.gql(
      `{ needs(first: 100) { nodes { id attachments { id stage fileName mediaType size url thumbnailUrl uploadedAt uploadedBy { username } } } } }`,
      {},
      tokens.committee,
    );
    expect(withFiles.errors).toBeUndefined();
    const filesOnly = await s.gql(`{ needs(first: 100) { nodes { id attachments { id } } } }`, {}, tokens.committee);
    // One statement for the attachments of every need on the page, at most one more for their uploaders.
    // (The page without them is one statement on the fast path; with them, the page and its count are two.)
    expect(filesOnly.sql - (fastPathOn ? without.sql + 1 : without.sql)).toBe(1);
    expect(withFiles.sql - filesOnly.sql).toBeLessThanOrEqual(1);
    const nodes = withFiles.data.needs.nodes as { id: string; attachments: any[] }[];
    const listed = nodes.filter((n) => n.attachments.length > 0).map((n) => n.id).sort();
    const inDb = (await s.sql(`SELECT DISTINCT owner_id FROM attachment WHERE owner_type = 'NEED' AND owner_id = ANY($1)`, [nodes.map((n) => n.id)])).map((r) => r.owner_id).sort();
    expect(listed).toEqual(inDb);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const otherFiles = nodes.find((n) => n.id === other)!.attachments;
    expect(otherFiles).toEqual([
      expect.objectContaining({ stage: 'REPORT', fileName: 'other.pdf', mediaType: 'application/pdf', size: PDF.length, thumbnailUrl: null, uploadedBy: { username: 'committee' } }),
    ]);
    expect(otherFiles[0].url).toBe(`/api/attachments/${otherFiles[0].id}`);
    const viewer = await s.gql(`query($id: ID!) { need(id: $id) { attachments { id } } }`, { id: other }, tokens.viewer);
    expect(viewer.data.need.attachments).toEqual([]);
    const activity = await s.gql(`query($id: ID!) { activity(id: $id) { attachments { stage mediaType } } }`, { id: activityId }, tokens.viewer);
    expect(activity.errors).toBeUndefined();
    expect(activity.data.activity.attachments.length).toBeGreaterThan(0);
    expect(activity.data.activity.attachments[0]).toEqual({ stage: 'OUTCOME', mediaType: 'image/jpeg' });
  });

  it('deleteAttachment: the uploader or the committee; another user is refused and the file stays', async () => {
    const r = await upload('grid1', `ownerType=NEED&ownerId=${needOfGrid1}&stage=REPORT`, PDF, 'x.pdf');
    const del = `mutation($id: ID!) { deleteAttachment(id: $id) }`;
    const refused = await s.gql(del, { id: r.body.id }, tokens.grid2);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.gql(del, { id: r.body.id }, tokens.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.gql(del, { id: r.body.id }, tokens['n-committee'])).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await s.sql(`SELECT id FROM attachment WHERE id = $1`, [r.body.id])).toHaveLength(1);
    const done = await s.gql(del, { id: r.body.id }, tokens.grid1);
    expect(done.data).toEqual({ deleteAttachment: r.body.id });
    expect(await s.sql(`SELECT id FROM attachment WHERE id = $1`, [r.body.id])).toHaveLength(0);
    expect((await get('committee', r.body.url)).status).toBe(404);
  });

  it('the audit log has a row per upload and per delete, on the owner\'s trail, and none for a refused upload', async () => {
    // The earlier tests' uploads are on the log already: from here on.
    const [{ since }] = await s.sql(`SELECT clock_timestamp() AS since`);
    const trail = () =>
      s.sql(`SELECT action, actor_id, subject_type, subject_id, summary FROM audit_entry WHERE action LIKE 'ATTACHMENT_%' AND at >= $1 ORDER BY at, action`, [since]);
    expect(await trail()).toEqual([]);
    // Refused: a role that may not add, a program, an activity of another alliance's reach.
    expect((await upload('unit1', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, PDF, 'x.pdf')).status).toBe(403);
    expect((await upload('committee', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, EXE, 'x.jpg')).status).toBe(400);
    expect((await upload('n-committee', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, PDF, 'x.pdf')).status).toBe(404);
    expect(await trail()).toEqual([]);

    const r = await upload('committee', `ownerType=ACTIVITY&ownerId=${activityId}&stage=OUTCOME`, PDF, '王建国家门口.pdf');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const committeeId = await userId('committee');
    expect(await trail()).toEqual([
      { action: 'ATTACHMENT_ADD', actor_id: committeeId, subject_type: 'ACTIVITY', subject_id: activityId, summary: { attachmentId: r.body.id, stage: 'OUTCOME', mediaType: 'application/pdf', size: PDF.length } },
    ]);
    // A refused delete writes nothing either.
    expect((await s.gql(`mutation($id: ID!) { deleteAttachment(id: $id) }`, { id: r.body.id }, tokens.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await trail()).toHaveLength(1);
    expect((await s.gql(`mutation($id: ID!) { deleteAttachment(id: $id) }`, { id: r.body.id }, tokens.committee)).data).toEqual({ deleteAttachment: r.body.id });
    const rows = await trail();
    expect(rows.map((e: any) => [e.action, e.subject_id, e.summary.attachmentId])).toEqual([
      ['ATTACHMENT_ADD', activityId, r.body.id],
      ['ATTACHMENT_DELETE', activityId, r.body.id],
    ]);
    expect(rows[1].summary).toEqual({ attachmentId: r.body.id, stage: 'OUTCOME' });
    // The file's name (it may carry a resident's name) is not in the log.
    expect(JSON.stringify(rows)).not.toContain('王建国');
  });
});
