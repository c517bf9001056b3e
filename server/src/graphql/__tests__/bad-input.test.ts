import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../testing/test-server.js';
import { demoId } from '../../modules/seed/ids.js';

// docs/domain.md's bad-input rules: BAD_USER_INPUT naming the field, and nothing written.
let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const UNIT = demoId('songshan:unit:3');
const everything = async () => ({
  units: await s.sql(`SELECT * FROM member_unit ORDER BY id`),
  projects: await s.sql(`SELECT * FROM shelf_project ORDER BY id`),
  agreements: await s.sql(`SELECT * FROM agreement ORDER BY id`),
});

async function refused(doc: string, variables: Record<string, unknown>, field: string, reason?: string) {
  const before = await everything();
  const r = await committee(doc, variables);
  expect(r.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
  expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(await everything()).toEqual(before);
}

const CREATE_UNIT = `mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id } }`;
const unit = (extra: Record<string, unknown>) => ({ name: '某单位', kind: 'OTHER', partyMemberCount: 1, contactName: '李四', contactPhone: '13900001111', ...extra });
const CREATE_PROJECT = `mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id } }`;
const project = (extra: Record<string, unknown>) => ({ title: '项目', description: '说明', categoryCode: 'PARTY_MASS_SERVICE', unitId: UNIT, ...extra });

describe('bad input', () => {
  it('credit codes: 18 characters of the GB 32100-2015 alphabet with a valid check character', async () => {
    for (const creditCode of ['91150702MA0N7K2X3Y', '91150702MA0N7K2X3', '91150702MA0N7K2X3XX', '91150702MA0N7K2I3X', '91150702ma0n7k2x3x']) {
      await refused(CREATE_UNIT, { input: unit({ creditCode }) }, 'creditCode', 'INVALID_CREDIT_CODE');
    }
  });

  it('phones: a mainland mobile or a landline with its area code', async () => {
    for (const contactPhone of ['12345678901', '1380013800', '138001380001', '8212345', '0470-12', 'call me', '']) {
      await refused(CREATE_UNIT, { input: unit({ contactPhone }) }, 'contactPhone', 'INVALID_PHONE');
    }
    const v = (await s.sql(`SELECT version FROM member_unit WHERE id = $1`, [UNIT]))[0].version;
    await refused(`mutation($id: ID!, $v: Int!) { updateMemberUnit(id: $id, version: $v, input: { contactPhone: "110" }) { id } }`, { id: UNIT, v }, 'contactPhone', 'INVALID_PHONE');
  });

  it('text: trimmed, non-empty where required, bounded, no control characters', async () => {
    await refused(CREATE_PROJECT, { input: project({ title: '   ' }) }, 'title', 'REQUIRED');
    await refused(CREATE_PROJECT, { input: project({ title: '长'.repeat(101) }) }, 'title', 'TOO_LONG');
    await refused(CREATE_PROJECT, { input: project({ description: 'x'.repeat(5001) }) }, 'description', 'TOO_LONG');
    await refused(CREATE_PROJECT, { input: project({ title: 'bell\u0007' }) }, 'title', 'CONTROL_CHARACTERS');
    await refused(CREATE_PROJECT, { input: project({ title: 'two\nlines' }) }, 'title', 'CONTROL_CHARACTERS');
    await refused(CREATE_PROJECT, { input: project({ tags: ['x'.repeat(21)] }) }, 'tags', 'TOO_LONG');
    await refused(CREATE_UNIT, { input: unit({ name: '' }) }, 'name', 'REQUIRED');
    await refused(CREATE_UNIT, { input: unit({ contactName: 'a\u0000b' }) }, 'contactName', 'CONTROL_CHARACTERS');
    // exactly at the limits is fine, and a multi-line description is welcome
    const ok = await committee(CREATE_PROJECT, { input: project({ title: '长'.repeat(100), description: '第一行\n第二行' }) });
    expect(ok.errors).toBeUndefined();
  });

  it('numbers and references', async () => {
    await refused(CREATE_UNIT, { input: unit({ partyMemberCount: -1 }) }, 'partyMemberCount', 'OUT_OF_RANGE');
    await refused(CREATE_PROJECT, { input: project({ capacityPerMonth: 0 }) }, 'capacityPerMonth', 'OUT_OF_RANGE');
    await refused(CREATE_PROJECT, { input: project({ categoryCode: 'NO_SUCH' }) }, 'categoryCode');
    await refused(CREATE_PROJECT, { input: project({ unitId: 'not-an-id' }) }, 'unitId', 'INVALID_ID');
    await refused(`mutation { submitShelfProject(id: "42") { id } }`, {}, 'id', 'INVALID_ID');
  });

  it('dates: validUntil after signedAt, real calendar dates', async () => {
    const SIGN = `mutation($input: AgreementInput!) { signAgreement(unitId: "${UNIT}", input: $input) { id } }`;
    await refused(SIGN, { input: { signedAt: '2026-05-01', validUntil: '2026-05-01', responsibilities: 'x' } }, 'validUntil', 'DATE_ORDER');
    await refused(SIGN, { input: { signedAt: '2026-05-01', validUntil: '2025-05-01', responsibilities: 'x' } }, 'validUntil', 'DATE_ORDER');
    await refused(SIGN, { input: { signedAt: '2026-02-30', validUntil: '2027-05-01', responsibilities: 'x' } }, 'signedAt');
    await refused(SIGN, { input: { signedAt: 'yesterday', validUntil: '2027-05-01', responsibilities: 'x' } }, 'signedAt');
    await refused(SIGN, { input: { signedAt: '2026-01-01', validUntil: '2027-05-01', responsibilities: ' ' } }, 'responsibilities', 'REQUIRED');
  });

  it('never shows a stack trace or SQL to the client', async () => {
    const r = await committee(`mutation { submitShelfProject(id: "42") { id } }`);
    const text = JSON.stringify(r.errors);
    expect(text).not.toMatch(/stack|SELECT|at \w+ \(|\.ts:\d+/);
  });
});
