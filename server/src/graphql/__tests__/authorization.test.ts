import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@alliance/shared';
import { ALL_ROLES, operationDeclarations } from '../auth.js';
import { buildAppSchema } from '../../composition.js';
import { codeOf, startTestServer, type TestServer } from '../../testing/test-server.js';
import { everyOperation, type Operation } from './operations.js';

const USER_OF_ROLE: Record<Role, string> = {
  COMMITTEE_ADMIN: 'committee',
  UNIT_ADMIN: 'unit1',
  GRID_WORKER: 'grid1',
  VIEWER: 'viewer',
};

let s: TestServer;
let operations: Operation[];
beforeAll(async () => {
  s = await startTestServer();
  operations = everyOperation(await buildAppSchema());
});
afterAll(() => s?.close());

describe('default deny', () => {
  it("every query and mutation of the schema declares its roles; only login and the residents' page are public", async () => {
    const declared = new Map(operationDeclarations().map((d) => [d.name, d.roles]));
    const undeclared = operations.filter((o) => !declared.get(o.name));
    expect(undeclared.map((o) => o.name)).toEqual([]);
    const open = operations.filter((o) => declared.get(o.name) === 'PUBLIC').map((o) => o.name);
    // A new public operation must be added here by name: none becomes public unnoticed.
    expect(open.sort()).toEqual(
      ['login', 'publicAlliance', 'publicBookServiceSlot', 'publicCancel', 'publicCaptcha', 'publicReportNeed', 'publicRequestVenue', 'publicServiceSlots', 'publicTrack', 'publicVenueBusyTimes'].sort(),
    );
  });

  it('refuses every operation not declared public without a token, and with a forged or expired one', async () => {
    const forged = (await s.login('committee')).slice(0, -4) + 'AAAA';
    const declared = new Map(operationDeclarations().map((d) => [d.name, d.roles]));
    for (const op of operations.filter((o) => declared.get(o.name) !== 'PUBLIC')) {
      for (const token of [null, forged]) {
        const r = await s.gql(op.document, op.variables, token);
        expect(codeOf(r), `${op.name} with token ${token ? 'forged' : 'none'}`).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('refuses every operation to each role it does not declare, before touching any data', async () => {
    const declared = new Map(operationDeclarations().map((d) => [d.name, d.roles]));
    let refusals = 0;
    for (const role of ALL_ROLES) {
      const client = await s.as(USER_OF_ROLE[role]);
      for (const op of operations) {
        const roles = declared.get(op.name);
        if (roles === 'PUBLIC' || !roles || roles.includes(role)) continue;
        const r = await client(op.document, op.variables);
        expect(codeOf(r), `${role} ${op.name}`).toBe('FORBIDDEN');
        refusals++;
      }
    }
    // The loop really ran over the role table (15 refusals for the shelf and units alone).
    expect(refusals).toBeGreaterThanOrEqual(15);
  });
});
