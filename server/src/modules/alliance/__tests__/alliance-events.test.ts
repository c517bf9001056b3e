import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';

/** The alliance's settings: one AllianceSettingsUpdated per change, the audit entry from it; no change, no event. */

let s: TestServer;
let events: ReturnType<typeof recordEvents>;
beforeAll(async () => {
  s = await startTestServer();
  events = recordEvents(s.events);
});
afterAll(() => s?.close());

const SETTINGS = `mutation($n: Int!) { updateAllianceSettings(maxOpenClaims: $n) { id maxOpenClaims } }`;

describe('updateAllianceSettings', () => {
  it('publishes one event with before and after; refused or unchanged, none', async () => {
    const committee = await s.as('committee');
    const unit1 = await s.as('unit1');
    const [{ id: actorId, alliance_id: allianceId, name }] = await s.sql(
      `SELECT u.id, u.alliance_id, a.name FROM app_user u JOIN alliance a ON a.id = u.alliance_id WHERE u.username = 'committee'`,
    );
    events.take();
    for (const [r, code] of [
      [await unit1(SETTINGS, { n: 7 }), 'FORBIDDEN'],
      [await committee(SETTINGS, { n: 0 }), 'BAD_USER_INPUT'],
    ] as const) {
      expect(codeOf(r)).toBe(code);
      expect(events.take()).toEqual({ published: [], committed: [] });
    }
    expect((await committee(SETTINGS, { n: 5 })).data.updateAllianceSettings.maxOpenClaims).toBe(5);
    expect(events.take()).toEqual({ published: [], committed: [] });
    expect(await s.sql(`SELECT 1 FROM audit_entry WHERE action = 'ALLIANCE_SETTINGS'`)).toEqual([]);

    expect((await committee(SETTINGS, { n: 9 })).data.updateAllianceSettings.maxOpenClaims).toBe(9);
    const seen = events.take();
    expect(names(seen.published)).toEqual(['AllianceSettingsUpdated']);
    expect(names(seen.committed)).toEqual(['AllianceSettingsUpdated']);
    expect(seen.committed[0]).toMatchObject({ allianceId, actorId, name, before: { maxOpenClaims: 5 }, after: { maxOpenClaims: 9 } });
    expect(await s.sql(`SELECT actor_id, subject_type, subject_id, summary FROM audit_entry WHERE action = 'ALLIANCE_SETTINGS'`)).toEqual([
      { actor_id: actorId, subject_type: 'ALLIANCE', subject_id: allianceId, summary: { name, before: { maxOpenClaims: 5 }, after: { maxOpenClaims: 9 } } },
    ]);
  });
});
