import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const UNIT1 = demoId('songshan:unit:0');
const UNIT2 = demoId('songshan:unit:1');
// A well-formed code: its 18th character is the GB 32100-2015 check character.
const VALID_CODE = '91150702MA0N7K2X3X';

const CREATE = `mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id name status version joinedAt contactPhone creditCode } }`;
const newUnit = (extra: Record<string, unknown> = {}) => ({
  name: `测试单位${Math.random().toString(36).slice(2, 8)}`,
  kind: 'PRIVATE_ENTERPRISE',
  partyMemberCount: 3,
  contactName: '张三',
  contactPhone: '13912345678',
  ...extra,
});
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMemberUnitInput!) { updateMemberUnit(id: $id, version: $v, input: $input) { name contactName contactPhone status version } }`;
const unitRow = async (id: string) => (await s.sql(`SELECT * FROM member_unit WHERE id = $1`, [id]))[0];
const unitCount = async () => (await s.sql(`SELECT count(*)::int AS n FROM member_unit`))[0].n as number;

describe('member units', () => {
  it('lists the 27 units of the alliance (the 12 and the 阳光驿站\'s 15 newcomers) by name, to every role', async () => {
    for (const who of ['committee', 'unit1', 'grid1', 'viewer']) {
      const r = await (await s.as(who))(`{ memberUnits(first: 100) { totalCount nodes { name } } }`);
      expect(r.data.memberUnits.totalCount, who).toBe(27);
      const names = r.data.memberUnits.nodes.map((n: { name: string }) => n.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('shows agreement, points and own projects through the unit', async () => {
    const c = await s.as('committee');
    const r = await c(`query($id: ID!) { memberUnit(id: $id) { name points agreement { signedAt validUntil responsibilities } shelfProjects(status: ON_SHELF) { title status } } }`, { id: UNIT1 });
    const u = r.data.memberUnit;
    expect(u.name).toBe('海拉尔区松风小学');
    expect(u.agreement.validUntil > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(u.shelfProjects.length).toBeGreaterThanOrEqual(5);
    expect(u.shelfProjects.every((p: { status: string }) => p.status === 'ON_SHELF')).toBe(true);
    expect(typeof u.points).toBe('number');
  });

  it('the committee creates a unit, trimmed, ACTIVE, joined today by default', async () => {
    const c = await s.as('committee');
    const r = await c(CREATE, { input: newUnit({ name: '  新加入的单位  ', creditCode: VALID_CODE }) });
    expect(r.errors).toBeUndefined();
    expect(r.data.createMemberUnit).toMatchObject({ name: '新加入的单位', status: 'ACTIVE', version: 1, creditCode: VALID_CODE });
    expect(r.data.createMemberUnit.joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dup = await c(CREATE, { input: newUnit({ name: '新加入的单位' }) });
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', reason: 'DUPLICATE' });
  });

  it('no one else creates units', async () => {
    const before = await unitCount();
    for (const who of ['unit1', 'grid1', 'viewer']) {
      expect(codeOf(await (await s.as(who))(CREATE, { input: newUnit() })), who).toBe('FORBIDDEN');
    }
    expect(await unitCount()).toBe(before);
  });

  it("a unit admin edits its own unit's contact fields, nothing else and no other unit", async () => {
    const u = await s.as('unit1');
    const v = (await unitRow(UNIT1)).version;
    const ok = await u(UPDATE, { id: UNIT1, v, input: { contactName: '林晓燕', contactPhone: '0470-8212345', address: '松风路20号' } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateMemberUnit).toMatchObject({ contactPhone: '0470-8212345', version: v + 1 });
    const before = await unitRow(UNIT1);
    for (const input of [{ name: '改名' }, { status: 'SUSPENDED' }, { partyMemberCount: 99 }]) {
      expect(codeOf(await u(UPDATE, { id: UNIT1, v: v + 1, input })), JSON.stringify(input)).toBe('FORBIDDEN');
    }
    expect(await unitRow(UNIT1)).toEqual(before);
    const other = await unitRow(UNIT2);
    expect(codeOf(await u(UPDATE, { id: UNIT2, v: other.version, input: { contactName: '某人' } }))).toBe('FORBIDDEN');
    expect(await unitRow(UNIT2)).toEqual(other);
  });

  it('grid workers and viewers edit no unit', async () => {
    const before = await unitRow(UNIT2);
    for (const who of ['grid1', 'viewer', 'unit2']) {
      // unit2 is the admin of UNIT2: it may; the others may not.
      const r = await (await s.as(who))(UPDATE, { id: UNIT2, v: before.version, input: { contactName: '改了' } });
      if (who === 'unit2') expect(r.errors, who).toBeUndefined();
      else expect(codeOf(r), who).toBe('FORBIDDEN');
    }
  });

  it('the committee suspends a unit; a stale version is CONFLICT and writes nothing', async () => {
    const c = await s.as('committee');
    const created = (await c(CREATE, { input: newUnit() })).data.createMemberUnit;
    const ok = await c(UPDATE, { id: created.id, v: 1, input: { status: 'SUSPENDED' } });
    expect(ok.data.updateMemberUnit).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const before = await unitRow(created.id);
    const stale = await c(UPDATE, { id: created.id, v: 1, input: { status: 'ACTIVE' } });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await unitRow(created.id)).toEqual(before);
  });

  it('signs an agreement, which becomes the current one; only the committee may', async () => {
    const c = await s.as('committee');
    const id = (await c(CREATE, { input: newUnit() })).data.createMemberUnit.id;
    const SIGN = `mutation($id: ID!, $input: AgreementInput!) { signAgreement(unitId: $id, input: $input) { signedAt validUntil } }`;
    const agreement = { signedAt: '2026-01-01', validUntil: '2028-12-31', responsibilities: '共建责任：每月服务一次。' };
    for (const who of ['unit1', 'grid1', 'viewer']) {
      expect(codeOf(await (await s.as(who))(SIGN, { id, input: agreement })), who).toBe('FORBIDDEN');
    }
    const r = await c(SIGN, { id, input: agreement });
    expect(r.data.signAgreement).toEqual({ signedAt: '2026-01-01', validUntil: '2028-12-31' });
    const unit = await c(`query($id: ID!) { memberUnit(id: $id) { agreement { validUntil } } }`, { id });
    expect(unit.data.memberUnit.agreement.validUntil).toBe('2028-12-31');
  });

  it('masks contact phones for viewers and other units, not for the committee, grid workers or the unit itself', async () => {
    const Q = `query($id: ID!) { memberUnit(id: $id) { contactPhone } }`;
    const phone = (await unitRow(UNIT2)).contact_phone as string;
    const masked = `${phone.replace(/\D/g, '').slice(0, 3)}****${phone.replace(/\D/g, '').slice(-4)}`;
    const expected: Record<string, string> = { committee: phone, grid1: phone, unit2: phone, unit1: masked, viewer: masked };
    for (const [who, want] of Object.entries(expected)) {
      expect((await (await s.as(who))(Q, { id: UNIT2 })).data.memberUnit.contactPhone, who).toBe(want);
    }
    expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});
