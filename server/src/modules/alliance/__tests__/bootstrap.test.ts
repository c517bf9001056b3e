import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { bootstrapAlliance } from '../bootstrap.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ production: true });
});
afterAll(() => s?.close());

const options = {
  name: '新城社区区域化党建联盟',
  regionName: '呼伦贝尔市海拉尔区新城街道新城社区',
  grids: 3,
  adminUsername: 'xincheng-admin',
  adminDisplayName: '新城社区党委',
  adminPassword: 'a real and long passphrase',
  code: 'xincheng',
};

describe('bootstrapping a real alliance', () => {
  it('creates the alliance, its categories and grids, and a committee admin who can sign in in production', async () => {
    await bootstrapAlliance(s.db, options);
    const token = await s.login('xincheng-admin', 'a real and long passphrase');
    const r = await s.gql(`{ me { role } alliance { name grids { name } categories { code } } memberUnits { totalCount } }`, {}, token);
    expect(r.data).toEqual({
      me: { role: 'COMMITTEE_ADMIN' },
      alliance: {
        name: options.name,
        grids: [{ name: '第一网格' }, { name: '第二网格' }, { name: '第三网格' }],
        categories: [{ code: 'PARTY_MASS_SERVICE' }, { code: 'ENVIRONMENT_SANITATION' }, { code: 'LIVELIHOOD_SECURITY' }],
      },
      memberUnits: { totalCount: 0 },
    });
    // Its residents' page answers at its code, with nobody signed in.
    const page = await s.gql(`{ publicAlliance(code: "xincheng") { name grids { name } } }`, {}, null);
    expect(page.data?.publicAlliance).toEqual({ name: options.name, grids: [{ name: '第一网格' }, { name: '第二网格' }, { name: '第三网格' }] });
  });

  it('refuses a weak or demo password, and an existing username', async () => {
    await expect(bootstrapAlliance(s.db, { ...options, adminUsername: 'other', adminPassword: 'demo-password' })).rejects.toThrow(/ADMIN_PASSWORD/);
    await expect(bootstrapAlliance(s.db, { ...options, adminUsername: 'other', adminPassword: 'short' })).rejects.toThrow(/ADMIN_PASSWORD/);
    await expect(bootstrapAlliance(s.db, options)).rejects.toThrow(/already exists/);
    await expect(bootstrapAlliance(s.db, { ...options, adminUsername: 'other', code: 'Not A Code' })).rejects.toThrow(/code: INVALID_FORMAT/);
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM alliance WHERE name = $1`, [options.name]);
    expect(n).toBe(1);
  });
});
