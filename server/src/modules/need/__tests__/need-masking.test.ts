import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, M, ok, world, type World } from './need-helpers.js';

/*
 * Who sees a resident's personal data (docs/adoption.md, Needs: masking),
 * as a table: every caller x every field, on needs where each caller has a
 * different relation (the grid's worker, the assignee, a claiming unit, a
 * unit with an ordered project, none), open and closed.
 */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const NAME = '欧阳娜娜';
const PHONE = '13987654321';
const MASKED_PHONE = '139****4321';
const LOCATION = '松山小区3号楼2单元501';

const READ = `query($id: ID!) { need(id: $id) { id status requesterPhone requesterName location title description plan resolution history { comment } } }`;

type Who = 'committee' | 'unit1' | 'unit2' | 'grid1' | 'grid2' | 'viewer';
const WHO: Who[] = ['committee', 'unit1', 'unit2', 'grid1', 'grid2', 'viewer'];
const client = (who: Who): Client => w[who];

/** A need whose texts repeat the resident's name and phone, taken to IN_PROGRESS (and on, with `close`). */
async function personalNeed(o: { grid: 0 | 1; assignee: 'grid2' | 'unit1'; projectOf: 'unit2' | 'other'; claimers: Client[]; close?: boolean }) {
  const project = w.onShelf.find((p) => (o.projectOf === 'unit2' ? p.unit.id === w.unitId.unit2 : p.unit.id !== w.unitId.unit1 && p.unit.id !== w.unitId.unit2))!;
  const assignee = { client: w[o.assignee], id: w.userId[o.assignee] };
  const need = await driveTo(w, 'IN_PROGRESS', {
    input: {
      gridId: w.grids[o.grid]!.id,
      title: `${NAME}反映楼道灯坏了`,
      description: `联系电话${PHONE}（也可拨139 8765 4321），${NAME}家住${LOCATION}`,
      location: LOCATION,
      requesterName: NAME,
      requesterPhone: PHONE,
    },
    projects: [project.id],
    claimers: o.claimers,
    assignee,
  });
  const replanned = ok(
    await w.committee(M.replan, {
      id: need.id,
      version: need.version,
      plan: `先电话联系${NAME}（${PHONE}）约时间`,
      dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
      reason: `${NAME}要求周末上门`,
    }),
  ).replanNeed;
  if (!o.close) return replanned;
  ok(await assignee.client(M.resolve, { id: need.id, resolution: `已为${NAME}更换灯具，回电${PHONE}确认` }));
  return ok(await w.committee(M.followUp, { id: need.id, satisfaction: 5, comment: `${NAME}满意` })).followUpNeed;
}

describe('masking, caller x field', () => {
  it("the phone: clear for the committee, the grid's worker, the assignee and, while open, the delivering units' liaisons; the viewer also gets name, location and texts masked", async () => {
    // A: grid1's grid, assigned to grid2, claimed by unit1, ordered from unit2's project: open.
    const a = await personalNeed({ grid: 0, assignee: 'grid2', projectOf: 'unit2', claimers: [w.unit1] });
    // B: grid2's grid, assigned to unit1, another unit's project, no claims: open.
    const b = await personalNeed({ grid: 1, assignee: 'unit1', projectOf: 'other', claimers: [] });
    // C: like A, but CLOSED: the delivering units' liaisons no longer see the phone; the assignee still does.
    const c = await personalNeed({ grid: 0, assignee: 'grid2', projectOf: 'unit2', claimers: [w.unit1], close: true });
    expect([a.status, b.status, c.status]).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'CLOSED']);

    const phoneClear: Record<string, Record<Who, boolean>> = {
      A: { committee: true, grid1: true, grid2: true, unit1: true, unit2: true, viewer: false },
      B: { committee: true, grid1: false, grid2: true, unit1: true, unit2: false, viewer: false },
      C: { committee: true, grid1: true, grid2: true, unit1: false, unit2: false, viewer: false },
    };
    const needs: Record<string, any> = { A: a, B: b, C: c };
    let cells = 0;
    for (const [key, need] of Object.entries(needs)) {
      for (const who of WHO) {
        const got = ok(await client(who)(READ, { id: need.id })).need;
        const what = `${key} as ${who}`;
        // The phone.
        expect(got.requesterPhone, what).toBe(phoneClear[key]![who] ? PHONE : MASKED_PHONE);
        const viewer = who === 'viewer';
        // The name and the location.
        expect(got.requesterName, what).toBe(viewer ? '欧阳**' : NAME);
        expect(got.location, what).toBe(viewer ? '松山小区3号楼' : LOCATION);
        // The texts.
        const mask = (t: string | null) => (viewer && t !== null ? t.replaceAll(NAME, '欧阳**').replaceAll(PHONE, MASKED_PHONE).replaceAll('139 8765 4321', MASKED_PHONE) : t);
        const raw = (await s.sql(`SELECT title, description, plan, resolution FROM need WHERE id = $1`, [need.id]))[0];
        const rawComments = (await s.sql(`SELECT comment FROM need_event WHERE need_id = $1 ORDER BY at, id`, [need.id])).map((e) => e.comment);
        expect(got.title, what).toBe(mask(raw.title));
        expect(got.description, what).toBe(mask(raw.description));
        expect(got.plan, what).toBe(mask(raw.plan));
        expect(got.resolution, what).toBe(mask(raw.resolution));
        expect(got.history.map((e: any) => e.comment), what).toEqual(rawComments.map(mask));
        if (viewer) {
          // Nothing the viewer reads repeats the name or the phone.
          const all = JSON.stringify(got);
          expect(all, what).not.toContain(NAME);
          expect(all, what).not.toContain(PHONE);
          expect(all, what).not.toContain('139 8765 4321');
          expect(all, what).toContain('欧阳**');
        } else {
          expect(got.title, what).toContain(NAME);
        }
        cells++;
      }
    }
    expect(cells).toBe(3 * WHO.length);
    // The fixtures do repeat them: the masking had something to mask.
    const raw = (await s.sql(`SELECT plan, resolution FROM need WHERE id = $1`, [c.id]))[0];
    expect(raw.plan).toContain(PHONE);
    expect(raw.resolution).toContain(NAME);
  });

  it('the list, activities and a single-character surname: the same rule wherever a need is read', async () => {
    const need = await driveTo(w, 'ACCEPTED', { input: { requesterName: '王秀英', requesterPhone: '13811112222', title: '王秀英家门禁坏了', location: '康馨园5幢201' } });
    const list = `query($s: String) { needs(filter: { search: $s }, first: 5) { nodes { id requesterPhone requesterName location title } } }`;
    const viewerNode = ok(await w.viewer(list, { s: '门禁坏了' })).needs.nodes.find((n: any) => n.id === need.id);
    expect(viewerNode).toEqual({ id: need.id, requesterPhone: '138****2222', requesterName: '王**', location: '康馨园5幢', title: '王**家门禁坏了' });
    const unitNode = ok(await w.unit1(list, { s: '门禁坏了' })).needs.nodes.find((n: any) => n.id === need.id);
    expect(unitNode).toEqual({ id: need.id, requesterPhone: '138****2222', requesterName: '王秀英', location: '康馨园5幢201', title: '王秀英家门禁坏了' });
    // unit1 claims it: its liaison now sees the phone (delivering while open).
    ok(await w.unit1(M.claim, { id: need.id }));
    expect(ok(await w.unit1(list, { s: '门禁坏了' })).needs.nodes.find((n: any) => n.id === need.id).requesterPhone).toBe('13811112222');
    expect(ok(await w.unit2(list, { s: '门禁坏了' })).needs.nodes.find((n: any) => n.id === need.id).requesterPhone).toBe('138****2222');

    // Read through an activity's needs: the same field resolvers.
    const [{ id: activityId }] = await s.sql(`SELECT id FROM activity WHERE alliance_id = (SELECT alliance_id FROM need WHERE id = $1) LIMIT 1`, [need.id]);
    await s.sql(`INSERT INTO activity_need (activity_id, need_id, alliance_id) SELECT $1, $2, alliance_id FROM need WHERE id = $2`, [activityId, need.id]);
    const viaActivity = ok(await w.viewer(`query($id: ID!) { activity(id: $id) { needs { id requesterName requesterPhone title } } }`, { id: activityId })).activity.needs;
    expect(viaActivity.find((n: any) => n.id === need.id)).toEqual({ id: need.id, requesterName: '王**', requesterPhone: '138****2222', title: '王**家门禁坏了' });
  });

  it("the viewer's search matches what it is shown: not the resident's name, phone or flat", async () => {
    const need = await personalNeed({ grid: 0, assignee: 'grid2', projectOf: 'other', claimers: [] });
    // The flat only in the location (the texts the viewer is shown keep what they say, but for the name and phone).
    await s.sql(`UPDATE need SET description = $2 WHERE id = $1`, [need.id, `联系电话${PHONE}（也可拨139 8765 4321），${NAME}反映`]);
    const found = async (c: Client, search: string) =>
      (ok(await c(`query($s: String) { needs(filter: { search: $s }, first: 100) { nodes { id } } }`, { s: search })).needs.nodes as any[]).some((n) => n.id === need.id);
    for (const search of [NAME, '娜娜', PHONE, '87654321', '139 8765 4321', '8765 4321', '2单元501', '单元']) {
      expect(await found(w.viewer, search), `viewer: ${search}`).toBe(false);
      expect(await found(w.committee, search), `committee: ${search}`).toBe(true);
    }
    for (const search of ['反映楼道灯坏了', '松山小区3号楼', '联系电话']) expect(await found(w.viewer, search), `viewer: ${search}`).toBe(true);
  });
});
