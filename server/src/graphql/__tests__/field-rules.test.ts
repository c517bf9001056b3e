import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { TRACKING_CODE_ALPHABET, zonedTime, type Role } from '@alliance/shared';
import { operationDeclarations } from '../auth.js';
import { DEMO_PASSWORD, startTestServer, type GqlResult, type TestServer } from '../../testing/test-server.js';
import { solvedCaptcha } from '../../testing/residents-captcha.js';

/*
 * Field-level rules, proven by walking the schema. Every mutation a role
 * other than the committee may call (as declared by Allow(), or Public()) is
 * introspected over HTTP; every argument and every field of an input-object
 * argument must be classified below for each such role, or the test fails
 * naming it as unclassified: a new mutation or field cannot slip through.
 *
 * For each classified field the walk sends it once with a valid value and
 * once with null (and, for a text field the role may not set, once with ""):
 * - a field the role sets is accepted; null is accepted as "clear" (and the
 *   row proves it was cleared) or refused as BAD_USER_INPUT naming the field;
 * - a field the role may not set is refused as FORBIDDEN naming the field,
 *   whatever the value, and the rows it could touch are unchanged (SQL);
 * - a field the role may set only to its own records (a unit admin's unitId,
 *   a grid worker's gridId) is also sent with someone else's, and refused the
 *   same way.
 */

type Vars = Record<string, unknown>;
/** Who walks: a role other than the committee, or no one signed in for a Public() mutation. */
type Walker = Exclude<Role, 'COMMITTEE_ADMIN'> | 'PUBLIC';

interface Sent {
  vars: Vars;
  /** The mutation's answer (its `id` when it has one). */
  data: any;
}

type Rule =
  | {
      sets: true;
      /** A valid value; default: the base variables' own. */
      value?: unknown;
      /** null: refused as BAD_USER_INPUT naming the field, or accepted and then checked to have cleared it. */
      onNull: 'REQUIRED' | ((sent: Sent) => Promise<void>);
      /** Someone else's record, refused as FORBIDDEN naming the field. */
      foreign?: unknown;
    }
  | {
      /** Committee-only: present at all (a value, null, "") is FORBIDDEN naming it, nothing written. */
      sets: false;
      value: unknown;
      /** A value validation would refuse: FORBIDDEN all the same, before validation. */
      invalid?: unknown;
    };

interface Case {
  /** Fresh valid variables: a new subject for every call that could use one up. */
  base: () => Promise<Vars>;
  /** What a refused call must leave unchanged, read with SQL. */
  state: (vars: Vars) => Promise<unknown>;
  /** Every argument by name, and every field of an input-object argument as "argument.field". */
  fields: Record<string, Rule>;
  /** How an accepted call looks (default: no error and an answer). */
  accepted?: (r: GqlResult, vars: Vars) => Promise<void>;
}

/** Mutations announced but not yet in the schema: their rows may wait here. */
const ANNOUNCED = new Set(['changePassword']);

const USER_OF: Record<Exclude<Walker, 'PUBLIC'>, string> = { UNIT_ADMIN: 'unit1', GRID_WORKER: 'grid1', VIEWER: 'viewer' };
// A well-formed unified social credit code (valid check character).
const VALID_CODE = '91150702MA0N7K2X3X';

let s: TestServer;
let schema: GraphQLSchema;
const ids = { alliance: '', unit1: '', unit2: '', grid1: '', grid2: '', unit1User: '', grid1User: '', category: '', unit2Project: '' };

beforeAll(async () => {
  s = await startTestServer();
  const [u1, u2, g1, g2] = await Promise.all(
    ['unit1', 'unit2', 'grid1', 'grid2'].map(async (u) => (await s.sql(`SELECT id, alliance_id, unit_id, grid_id FROM app_user WHERE username = $1`, [u]))[0]),
  );
  Object.assign(ids, {
    alliance: u1.alliance_id,
    unit1: u1.unit_id,
    unit2: u2.unit_id,
    grid1: g1.grid_id,
    grid2: g2.grid_id,
    unit1User: u1.id,
    grid1User: g1.id,
    category: (await s.sql(`SELECT id FROM service_category WHERE alliance_id = $1 AND code = 'PARTY_MASS_SERVICE'`, [u1.alliance_id]))[0].id,
  });
  ids.unit2Project = await onShelf(ids.unit2);
  // The schema as a client sees it, over HTTP.
  const r = await s.gql<IntrospectionQuery>(getIntrospectionQuery(), undefined, await s.login('committee'));
  expect(r.errors).toBeUndefined();
  schema = buildClientSchema(r.data!);
});
afterAll(() => s?.close());

// ---- fixtures, written with SQL so that each call gets a subject of its own ----

let seq = 0;
const one = async (text: string, params: unknown[]) => (await s.sql(text, params))[0];

async function project(unitId: string): Promise<string> {
  seq++;
  return (
    await one(
      `INSERT INTO shelf_project (alliance_id, unit_id, category_id, title, description, status, capacity_per_month, tags)
       VALUES ($1, $2, $3, $4, '字段规则测试项目', 'DRAFT', 10, '{旧标签}') RETURNING id`,
      [ids.alliance, unitId, ids.category, `字段规则项目${seq}`],
    )
  ).id;
}

async function need(status: string, assigneeId: string | null = null): Promise<string> {
  seq++;
  return (
    await one(
      `INSERT INTO need (alliance_id, grid_id, title, description, requester_name, requester_phone, status, assignee_id, plan, due_at)
       VALUES ($1, $2, $3, '楼道灯坏了', '居民甲', '13912345678', $4, $5, '更换灯具', now() + interval '7 days') RETURNING id`,
      [ids.alliance, ids.grid1, `字段规则需求${seq}`, status, assigneeId],
    )
  ).id;
}

async function openActivity(): Promise<string> {
  seq++;
  const start = new Date(Date.UTC(2091, 0, 1) + seq * 3_600_000);
  return (
    await one(
      `INSERT INTO activity (alliance_id, title, description, kind, status, starts_at, ends_at, location)
       VALUES ($1, $2, '字段规则测试活动', 'SERVICE', 'OPEN', $3, $4, '党群服务中心') RETURNING id`,
      [ids.alliance, `字段规则活动${seq}`, start, new Date(start.getTime() + 7_200_000)],
    )
  ).id;
}

/** A reservation's arguments on a day of its own, far ahead, within the opening hours of the demo's 多功能厅. */
async function reservation(): Promise<Vars> {
  seq++;
  const [venue] = await s.sql(`SELECT id FROM venue WHERE alliance_id = $1 AND name = '多功能厅'`, [ids.alliance]);
  return {
    venueId: venue.id,
    startsAt: zonedTime(2091, 1, seq, 10).toISOString(),
    endsAt: zonedTime(2091, 1, seq, 11).toISOString(),
    purpose: '字段规则预约',
  };
}

const reservationFields: Record<string, Rule> = {
  venueId: { sets: true, onNull: 'REQUIRED' },
  startsAt: { sets: true, onNull: 'REQUIRED' },
  endsAt: { sets: true, onNull: 'REQUIRED' },
  purpose: { sets: true, onNull: 'REQUIRED' },
};

/** What every submission of the residents' page carries, with the page's counts cleared (the walk sends many). */
async function resident(): Promise<Vars> {
  await s.sql(`DELETE FROM public_limit`);
  return { residentName: '居民丁', residentPhone: `1390000${String(seq++ % 10000).padStart(4, '0')}`, captcha: await solvedCaptcha(s), website: '' };
}

const residentFields: Record<string, Rule> = {
  allianceCode: { sets: true, onNull: 'REQUIRED' },
  input: { sets: true, onNull: 'REQUIRED' },
  'input.residentName': { sets: true, onNull: 'REQUIRED' },
  'input.residentPhone': { sets: true, onNull: 'REQUIRED' },
  'input.captcha': { sets: true, onNull: 'REQUIRED' },
  // The honeypot: empty or absent is a person.
  'input.website': { sets: true, onNull: async ({ data }) => expect(data.__typename).toBe('PublicReceipt') },
};

const lastResidentNeed = () => one(`SELECT location FROM need WHERE source = 'RESIDENT' ORDER BY reported_at DESC LIMIT 1`, []);

/** An ON_SHELF project of the unit, of its own. */
async function onShelf(unitId: string): Promise<string> {
  seq++;
  return (
    await one(
      `INSERT INTO shelf_project (alliance_id, unit_id, category_id, title, description, status, capacity_per_month, tags)
       VALUES ($1, $2, $3, $4, '字段规则错时约办', 'ON_SHELF', 10, '{}') RETURNING id`,
      [ids.alliance, unitId, ids.category, `字段规则约办${seq}`],
    )
  ).id;
}

/** Slot times on a day of their own, far ahead. */
function slotTimes() {
  seq++;
  return { startsAt: zonedTime(2092, 1, seq, 19).toISOString(), endsAt: zonedTime(2092, 1, seq, 21).toISOString(), capacity: 5 };
}

/** A slot of unit1's, starting `days` from now (negative: begun). */
async function slot(days = 30): Promise<string> {
  const starts = new Date(Date.now() + days * 86_400_000 + seq++ * 60_000);
  return (
    await one(
      `INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
       VALUES ($1, $2, $3, $4, $5, 100, true) RETURNING id`,
      [ids.alliance, await onShelf(ids.unit1), ids.unit1, starts, new Date(starts.getTime() + 3_600_000)],
    )
  ).id;
}

async function booking(slotId: string): Promise<string> {
  return (
    await one(
      `INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status) VALUES ($1, $2, '居民丙', '13812345678', 'BOOKED') RETURNING id`,
      [ids.alliance, slotId],
    )
  ).id;
}

const unitRow = (id: string) => one(`SELECT * FROM member_unit WHERE id = $1`, [id]);
const projectRow = (id: string) => one(`SELECT * FROM shelf_project WHERE id = $1`, [id]);
const needRow = (id: string) =>
  one(
    `SELECT n.*, (SELECT count(*)::int FROM need_event e WHERE e.need_id = n.id) AS events,
            (SELECT count(*)::int FROM need_claim c WHERE c.need_id = n.id) AS claims
       FROM need n WHERE n.id = $1`,
    [id],
  );
const count = async (table: string) => (await one(`SELECT count(*)::int AS n FROM ${table}`, [])).n as number;

// ---- the table: (mutation, role) -> base variables and what the role may set ----

/** One's own notifications: ids of one's own inbox, or null for all of it. */
const markNotificationsRead = (username: string): Case => ({
  base: async () => {
    const [{ id }] = await s.sql(
      `INSERT INTO notification (alliance_id, recipient_id, kind, subject_type, subject_id, params)
       SELECT alliance_id, id, 'ACCOUNT_CREATED', 'USER', id, '{}' FROM app_user WHERE username = $1 RETURNING id`,
      [username],
    );
    return { ids: [id] };
  },
  state: (v) => s.sql(`SELECT id, read_at FROM notification WHERE id = ANY($1::uuid[])`, [v.ids]),
  fields: {
    ids: {
      sets: true,
      onNull: async () =>
        expect(
          await s.sql(
            `SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.recipient_id WHERE u.username = $1 AND n.read_at IS NULL`,
            [username],
          ),
        ).toEqual([{ n: 0 }]),
    },
  },
});

/** A PDF on a need of the walker's alliance, uploaded by the walker. */
const attachmentOf = (uploader: () => string): Case => ({
  base: async () => {
    const [row] = await s.sql(
      `INSERT INTO attachment (alliance_id, owner_type, owner_id, stage, file_name, media_type, size, sha256, bytes, uploaded_by)
       SELECT $1, 'NEED', n.id, 'RESOLUTION', 'a.pdf', 'application/pdf', 4, repeat('0', 64), '\\x25504446'::bytea, $2
         FROM need n WHERE n.alliance_id = $1 LIMIT 1 RETURNING id`,
      [ids.alliance, uploader()],
    );
    return { id: row.id };
  },
  state: (v) => s.sql(`SELECT id FROM attachment WHERE id = $1`, [v.id]),
  fields: { id: { sets: true, onNull: 'REQUIRED' } },
});

const changePassword = (username: string): Case => ({
  // A wrong current password: the call is taken (not FORBIDDEN) and refused for the password, so no demo password changes.
  base: async () => ({ currentPassword: 'not-the-current-password', newPassword: 'Another-long-passphrase-2031' }),
  state: async () => one(`SELECT password_hash FROM app_user WHERE username = $1`, [username]),
  accepted: async (r) => {
    expect(r.errors?.length, 'a wrong current password is refused').toBeGreaterThan(0);
    expect(r.errors![0]!.extensions?.code, JSON.stringify(r.errors)).not.toBe('FORBIDDEN');
    // The demo password still signs in.
    await expect(s.login(username)).resolves.toEqual(expect.any(String));
  },
  fields: {
    currentPassword: { sets: true, onNull: 'REQUIRED' },
    newPassword: { sets: true, onNull: 'REQUIRED' },
  },
});

/**
 * A need step's optional `version`: a fresh need is at version 1; null (or
 * omitted) skips the check, and the step is taken all the same.
 */
const needVersion = (to: string): Rule => ({
  sets: true,
  value: 1,
  onNull: async ({ vars }) => {
    const row = await needRow(vars.id as string);
    expect(row.version, 'taken without a version check').toBe(2);
    expect((await s.sql(`SELECT to_status FROM need_event WHERE need_id = $1`, [vars.id])).map((e) => e.to_status)).toEqual([to]);
  },
});

const resolveNeed = (assignee: () => string): Case => ({
  base: async () => ({ id: await need('IN_PROGRESS', assignee()), resolution: '已更换灯具' }),
  state: (v) => needRow(v.id as string),
  fields: { id: { sets: true, onNull: 'REQUIRED' }, resolution: { sets: true, onNull: 'REQUIRED' }, version: needVersion('RESOLVED') },
});

const TABLE: Record<string, Case> = {
  'updateMemberUnit UNIT_ADMIN': {
    base: async () => ({ id: ids.unit1, version: (await unitRow(ids.unit1)).version, input: {} }),
    state: () => unitRow(ids.unit1),
    fields: {
      id: { sets: true, onNull: 'REQUIRED' },
      version: { sets: true, onNull: 'REQUIRED' },
      input: { sets: true, onNull: 'REQUIRED' },
      'input.contactName': { sets: true, value: '林晓燕', onNull: 'REQUIRED' },
      'input.contactPhone': { sets: true, value: '0470-8212345', onNull: 'REQUIRED' },
      'input.address': {
        sets: true,
        value: '健康街道松风路20号',
        onNull: async () => expect((await unitRow(ids.unit1)).address).toBeNull(),
      },
      'input.name': { sets: false, value: '松风小学（改名）' },
      'input.kind': { sets: false, value: 'OTHER' },
      'input.creditCode': { sets: false, value: VALID_CODE, invalid: 'not-a-credit-code' },
      'input.partyOrgName': { sets: false, value: '另一个党支部' },
      'input.partyMemberCount': { sets: false, value: 99, invalid: -1 },
      'input.status': { sets: false, value: 'SUSPENDED' },
    },
  },

  'createShelfProject UNIT_ADMIN': {
    base: async () => ({ input: { title: `新项目${++seq}`, description: '课后辅导', categoryCode: 'PARTY_MASS_SERVICE' } }),
    state: () => count('shelf_project'),
    fields: {
      input: { sets: true, onNull: 'REQUIRED' },
      'input.title': { sets: true, onNull: 'REQUIRED' },
      'input.description': { sets: true, onNull: 'REQUIRED' },
      'input.categoryCode': { sets: true, value: 'ENVIRONMENT_SANITATION', onNull: 'REQUIRED' },
      'input.capacityPerMonth': {
        sets: true,
        value: 8,
        onNull: async ({ data }) => expect((await projectRow(data.id)).capacity_per_month).toBeNull(),
      },
      'input.tags': { sets: true, value: ['辅导'], onNull: async ({ data }) => expect((await projectRow(data.id)).tags).toEqual([]) },
      'input.unitId': {
        sets: true,
        value: '=unit1',
        foreign: '=unit2',
        onNull: async ({ data }) => expect((await projectRow(data.id)).unit_id).toBe(ids.unit1),
      },
    },
  },

  'updateShelfProject UNIT_ADMIN': {
    base: async () => ({ id: await project(ids.unit1), version: 1, input: {} }),
    state: (v) => projectRow(v.id as string),
    fields: {
      id: { sets: true, onNull: 'REQUIRED' },
      version: { sets: true, onNull: 'REQUIRED' },
      input: { sets: true, onNull: 'REQUIRED' },
      'input.title': { sets: true, value: '改过的标题', onNull: 'REQUIRED' },
      'input.description': { sets: true, value: '改过的说明', onNull: 'REQUIRED' },
      'input.categoryCode': { sets: true, value: 'LIVELIHOOD_SECURITY', onNull: 'REQUIRED' },
      'input.capacityPerMonth': {
        sets: true,
        value: 12,
        onNull: async ({ vars }) => expect((await projectRow(vars.id as string)).capacity_per_month).toBeNull(),
      },
      'input.tags': {
        sets: true,
        value: ['新标签'],
        onNull: async ({ vars }) => expect((await projectRow(vars.id as string)).tags).toEqual([]),
      },
    },
  },

  'submitShelfProject UNIT_ADMIN': {
    base: async () => ({ id: await project(ids.unit1) }),
    state: (v) => projectRow(v.id as string),
    fields: { id: { sets: true, onNull: 'REQUIRED' } },
  },

  'reportNeed GRID_WORKER': {
    base: async () => ({
      input: {
        title: `楼道灯坏了${++seq}`,
        description: '3号楼2单元楼道灯不亮',
        gridId: ids.grid1,
        location: '3号楼2单元',
        categoryCode: 'LIVELIHOOD_SECURITY',
        requesterName: '居民甲',
        requesterPhone: '13912345678',
      },
    }),
    state: () => count('need'),
    fields: {
      input: { sets: true, onNull: 'REQUIRED' },
      'input.title': { sets: true, onNull: 'REQUIRED' },
      'input.description': { sets: true, onNull: 'REQUIRED' },
      'input.requesterName': { sets: true, onNull: 'REQUIRED' },
      'input.requesterPhone': { sets: true, onNull: 'REQUIRED' },
      'input.gridId': { sets: true, foreign: '=grid2', onNull: 'REQUIRED' },
      'input.location': { sets: true, onNull: async ({ data }) => expect((await needRow(data.id)).location).toBeNull() },
      'input.categoryCode': { sets: true, onNull: async ({ data }) => expect((await needRow(data.id)).category_id).toBeNull() },
    },
  },

  'claimNeed UNIT_ADMIN': {
    base: async () => {
      // Every accepted call is another open claim of unit1: the cap on open claims is claim-cap.test.ts's subject, not this walk's.
      await s.sql(`UPDATE alliance SET max_open_claims = 100 WHERE id = $1`, [ids.alliance]);
      return { id: await need('ACCEPTED') };
    },
    state: (v) => needRow(v.id as string),
    fields: {
      id: { sets: true, onNull: 'REQUIRED' },
      version: needVersion('ACCEPTED'),
      // The unit's offer, after its name in the claim's event; null: the name alone.
      note: {
        sets: true,
        value: '可派2名党员电工',
        onNull: async ({ vars }) =>
          expect(
            await s.sql(
              `SELECT e.comment = u.name AS name_alone FROM need_event e JOIN member_unit u ON u.id = $2
                WHERE e.need_id = $1 AND e.from_status = 'ACCEPTED' AND e.to_status = 'ACCEPTED'`,
              [vars.id, ids.unit1],
            ),
          ).toEqual([{ name_alone: true }]),
      },
    },
  },

  'resolveNeed UNIT_ADMIN': resolveNeed(() => ids.unit1User),
  'resolveNeed GRID_WORKER': resolveNeed(() => ids.grid1User),

  'followUpNeed GRID_WORKER': {
    base: async () => ({ id: await need('RESOLVED'), satisfaction: 4 }),
    state: (v) => needRow(v.id as string),
    fields: {
      id: { sets: true, onNull: 'REQUIRED' },
      satisfaction: { sets: true, onNull: 'REQUIRED' },
      comment: {
        sets: true,
        value: '居民满意',
        onNull: async ({ vars }) =>
          expect(await s.sql(`SELECT to_status, comment FROM need_event WHERE need_id = $1`, [vars.id])).toEqual([{ to_status: 'CLOSED', comment: null }]),
      },
      version: needVersion('CLOSED'),
    },
  },

  // 核实: a resident's own report in the worker's own grid, waiting for the call-back.
  'verifyResidentNeed GRID_WORKER': {
    base: async () => {
      const id = await need('REPORTED');
      await s.sql(`UPDATE need SET source = 'RESIDENT', reported_by = NULL WHERE id = $1`, [id]);
      return { id };
    },
    state: (v) => needRow(v.id as string),
    fields: {
      id: { sets: true, onNull: 'REQUIRED' },
      comment: {
        sets: true,
        value: '已电话联系居民',
        onNull: async ({ vars }) =>
          expect(await s.sql(`SELECT to_status, comment FROM need_event WHERE need_id = $1`, [vars.id])).toEqual([{ to_status: 'REPORTED', comment: '已核实' }]),
      },
      version: needVersion('REPORTED'),
    },
  },

  'signUpForActivity UNIT_ADMIN': {
    base: async () => ({ activityId: await openActivity(), headcount: 3 }),
    state: (v) => s.sql(`SELECT * FROM signup WHERE activity_id = $1`, [v.activityId]),
    fields: {
      activityId: { sets: true, onNull: 'REQUIRED' },
      headcount: { sets: true, onNull: 'REQUIRED' },
      note: {
        sets: true,
        value: '派出3名教师志愿者',
        onNull: async ({ data }) => expect((await one(`SELECT note FROM signup WHERE id = $1`, [data.id])).note).toBeNull(),
      },
      unitId: {
        sets: true,
        value: '=unit1',
        foreign: '=unit2',
        onNull: async ({ data }) => expect((await one(`SELECT unit_id FROM signup WHERE id = $1`, [data.id])).unit_id).toBe(ids.unit1),
      },
    },
  },

  // Photos and scans (issue 13): a file its walker uploaded, which it may take away again.
  'deleteAttachment UNIT_ADMIN': attachmentOf(() => ids.unit1User),
  'deleteAttachment GRID_WORKER': attachmentOf(() => ids.grid1User),

  'withdrawSignup UNIT_ADMIN': {
    base: async () => {
      const activityId = await openActivity();
      const signup = await one(
        `INSERT INTO signup (alliance_id, activity_id, unit_id, status, headcount) VALUES ($1, $2, $3, 'CONFIRMED', 2) RETURNING id`,
        [ids.alliance, activityId, ids.unit1],
      );
      return { id: signup.id };
    },
    state: (v) => one(`SELECT * FROM signup WHERE id = $1`, [v.id]),
    fields: { id: { sets: true, onNull: 'REQUIRED' } },
  },

  'reserveVenue UNIT_ADMIN': {
    base: reservation,
    state: () => count('venue_reservation'),
    fields: {
      ...reservationFields,
      unitId: {
        sets: true,
        value: '=unit1',
        foreign: '=unit2',
        onNull: async ({ data }) => expect((await one(`SELECT unit_id FROM venue_reservation WHERE id = $1`, [data.id])).unit_id).toBe(ids.unit1),
      },
      residentName: { sets: false, value: '周师傅' },
      residentPhone: { sets: false, value: '13904701234', invalid: '123' },
    },
  },

  'reserveVenue GRID_WORKER': {
    base: async () => ({ ...(await reservation()), residentName: '周师傅', residentPhone: '13904701234' }),
    state: () => count('venue_reservation'),
    fields: {
      ...reservationFields,
      unitId: { sets: false, value: '=unit1', invalid: 'not-an-id' },
      residentName: { sets: true, onNull: 'REQUIRED' },
      residentPhone: { sets: true, onNull: 'REQUIRED' },
    },
  },

  'cancelVenueReservation UNIT_ADMIN': {
    base: async () => {
      const { venueId, startsAt, endsAt } = await reservation();
      const r = await one(
        `INSERT INTO venue_reservation (alliance_id, venue_id, unit_id, purpose, status, starts_at, ends_at)
         VALUES ($1, $2, $3, '字段规则预约', 'CONFIRMED', $4, $5) RETURNING id`,
        [ids.alliance, venueId, ids.unit1, startsAt, endsAt],
      );
      return { id: r.id };
    },
    state: (v) => one(`SELECT * FROM venue_reservation WHERE id = $1`, [v.id]),
    fields: { id: { sets: true, onNull: 'REQUIRED' } },
  },

  'createServiceSlots UNIT_ADMIN': {
    base: async () => ({ projectId: await onShelf(ids.unit1), input: slotTimes() }),
    state: () => count('service_slot'),
    fields: {
      projectId: { sets: true, onNull: 'REQUIRED', foreign: '=unit2Project' },
      input: { sets: true, onNull: 'REQUIRED' },
      'input.startsAt': { sets: true, onNull: 'REQUIRED' },
      'input.endsAt': { sets: true, onNull: 'REQUIRED' },
      'input.capacity': { sets: true, onNull: 'REQUIRED' },
      'input.weeks': {
        sets: true,
        value: 2,
        onNull: async ({ vars }) => expect((await one(`SELECT count(*)::int AS n FROM service_slot WHERE shelf_project_id = $1`, [vars.projectId])).n).toBe(1),
      },
    },
  },

  'bookServiceSlot GRID_WORKER': {
    base: async () => ({ slotId: await slot(), input: { residentName: '居民乙', residentPhone: '13812345678' } }),
    state: () => count('booking'),
    fields: {
      slotId: { sets: true, onNull: 'REQUIRED' },
      input: { sets: true, onNull: 'REQUIRED' },
      'input.residentName': { sets: true, onNull: 'REQUIRED' },
      'input.residentPhone': { sets: true, onNull: 'REQUIRED' },
      'input.location': {
        sets: true,
        value: '松山小区3号楼',
        onNull: async ({ data }) => expect((await one(`SELECT location FROM booking WHERE id = $1`, [data.id])).location).toBeNull(),
      },
      'input.note': {
        sets: true,
        value: '行动不便，请上门',
        onNull: async ({ data }) => expect((await one(`SELECT note FROM booking WHERE id = $1`, [data.id])).note).toBeNull(),
      },
    },
  },

  'cancelBooking GRID_WORKER': {
    base: async () => ({ id: await booking(await slot()) }),
    state: (v) => one(`SELECT * FROM booking WHERE id = $1`, [v.id]),
    fields: { id: { sets: true, onNull: 'REQUIRED' } },
  },

  'completeBooking UNIT_ADMIN': {
    base: async () => ({ id: await booking(await slot(-1)), outcome: 'DONE' }),
    state: (v) => one(`SELECT * FROM booking WHERE id = $1`, [v.id]),
    fields: { id: { sets: true, onNull: 'REQUIRED' }, outcome: { sets: true, onNull: 'REQUIRED' } },
  },

  // 阳光驿站: unit1 made a social organisation for the walk, its earlier application withdrawn before each call.
  'applyIncubation UNIT_ADMIN': {
    base: async () => {
      await s.sql(`UPDATE member_unit SET kind = 'SOCIAL_ORGANIZATION' WHERE id = $1`, [ids.unit1]);
      await s.sql(`UPDATE incubation SET stage = 'LEFT', ended_on = applied_on WHERE unit_id = $1 AND stage IN ('APPLIED', 'INCUBATING')`, [ids.unit1]);
      return { notes: '申请入驻阳光驿站' };
    },
    state: () => count('incubation'),
    fields: {
      unitId: {
        sets: true,
        value: '=unit1',
        foreign: '=unit2',
        onNull: async ({ data }) => expect((await one(`SELECT unit_id FROM incubation WHERE id = $1`, [data.id])).unit_id).toBe(ids.unit1),
      },
      notes: { sets: true, onNull: async ({ data }) => expect((await one(`SELECT notes FROM incubation WHERE id = $1`, [data.id])).notes).toBeNull() },
      mentorUnitId: { sets: false, value: '=unit2', invalid: 'not-an-id' },
    },
  },

  'publicBookServiceSlot PUBLIC': {
    base: async () => ({ allianceCode: 'songshan', input: { ...(await resident()), slotId: await slot(), note: '腿脚不便' } }),
    state: () => one(`SELECT count(*)::int AS n FROM booking WHERE booked_by IS NULL`, []),
    fields: {
      ...residentFields,
      'input.slotId': { sets: true, onNull: 'REQUIRED' },
      'input.note': { sets: true, onNull: async () => expect((await one(`SELECT b.note FROM booking b ORDER BY b.created_at DESC LIMIT 1`, [])).note).toBeNull() },
    },
  },

  'publicRequestVenue PUBLIC': {
    base: async () => ({ allianceCode: 'songshan', input: { ...(await resident()), ...(await reservation()) } }),
    state: () => one(`SELECT count(*)::int AS n FROM venue_reservation WHERE requested_by IS NULL`, []),
    fields: { ...residentFields, ...Object.fromEntries(Object.entries(reservationFields).map(([k, v]) => [`input.${k}`, v])) },
  },

  'publicReportNeed PUBLIC': {
    base: async () => {
      const [b] = await s.sql(`SELECT id, grid_id FROM building WHERE alliance_id = $1 ORDER BY sort_order LIMIT 1`, [ids.alliance]);
      seq++;
      return {
        allianceCode: 'songshan',
        input: { ...(await resident()), title: '楼道灯不亮', description: `字段规则群众点单${seq}`, buildingId: b.id, gridId: b.grid_id, address: '2单元301' },
      };
    },
    state: () => one(`SELECT count(*)::int AS n FROM need WHERE source = 'RESIDENT'`, []),
    fields: {
      ...residentFields,
      'input.title': { sets: true, onNull: 'REQUIRED' },
      'input.description': { sets: true, onNull: 'REQUIRED' },
      // Without a building the grid and the address say where; without the grid, the building does.
      'input.buildingId': { sets: true, onNull: async () => expect((await lastResidentNeed()).location).toBe('2单元301') },
      'input.gridId': { sets: true, onNull: async () => expect((await lastResidentNeed()).location).toMatch(/ 2单元301$/) },
      'input.address': { sets: true, onNull: async () => expect((await lastResidentNeed()).location).not.toContain('2单元301') },
    },
  },

  // A resident calls off a booking with its tracking code and the phone's last 4 digits (both required).
  'publicCancel PUBLIC': {
    base: async () => {
      const id = await booking(await slot());
      const code = Array.from({ length: 8 }, () => TRACKING_CODE_ALPHABET[Math.floor(Math.random() * TRACKING_CODE_ALPHABET.length)]).join('');
      await s.sql(`INSERT INTO public_tracking (code, alliance_id, kind, subject_id, phone_last4) VALUES ($1, $2, 'BOOKING', $3, '5678')`, [code, ids.alliance, id]);
      return { code, phoneLast4: '5678' };
    },
    state: (v) => one(`SELECT b.* FROM booking b JOIN public_tracking t ON t.subject_id = b.id WHERE t.code = $1`, [v.code]),
    fields: { code: { sets: true, onNull: 'REQUIRED' }, phoneLast4: { sets: true, onNull: 'REQUIRED' } },
  },

  'login PUBLIC': {
    base: async () => ({ username: 'viewer', password: DEMO_PASSWORD }),
    state: async () => null,
    fields: { username: { sets: true, onNull: 'REQUIRED' }, password: { sets: true, onNull: 'REQUIRED' } },
  },

  'changePassword UNIT_ADMIN': changePassword('unit1'),
  'changePassword GRID_WORKER': changePassword('grid1'),
  'changePassword VIEWER': changePassword('viewer'),
  'markNotificationsRead UNIT_ADMIN': markNotificationsRead('unit1'),
  'markNotificationsRead GRID_WORKER': markNotificationsRead('grid1'),
  'markNotificationsRead VIEWER': markNotificationsRead('viewer'),
};

// ---- the walk ----

/** "=unit1" and the like name a fixture id known only once the server runs. */
function resolve(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith('=') ? ids[value.slice(1) as keyof typeof ids] : value;
}

function withValue(base: Vars, path: string, value: unknown): Vars {
  const [arg, field] = path.split('.') as [string, string | undefined];
  if (field === undefined) return { ...base, [arg]: value };
  return { ...base, [arg]: { ...(base[arg] as Vars), [field]: value } };
}

function valueAt(base: Vars, path: string): unknown {
  const [arg, field] = path.split('.') as [string, string | undefined];
  return field === undefined ? base[arg] : (base[arg] as Vars | undefined)?.[field];
}

interface Walk {
  mutation: string;
  walker: Walker;
  field: GraphQLField<unknown, unknown>;
  /** Every argument, and every field of an input-object argument as "argument.field", with its schema entry. */
  paths: Map<string, GraphQLArgument | GraphQLInputField>;
}

/** Every (mutation, role other than the committee) the schema and the declarations allow. */
function walks(): Walk[] {
  const declared = new Map(operationDeclarations().filter((d) => d.kind === 'Mutation').map((d) => [d.name, d.roles]));
  const out: Walk[] = [];
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    const roles = declared.get(field.name);
    const walkers: Walker[] =
      roles === 'PUBLIC' ? ['PUBLIC'] : (roles ?? []).filter((r): r is Exclude<Role, 'COMMITTEE_ADMIN'> => r !== 'COMMITTEE_ADMIN');
    const paths = new Map<string, GraphQLArgument | GraphQLInputField>();
    for (const arg of field.args) {
      paths.set(arg.name, arg);
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) for (const f of Object.values(named.getFields())) paths.set(`${arg.name}.${f.name}`, f);
    }
    for (const walker of walkers) out.push({ mutation: field.name, walker, field, paths });
  }
  return out;
}

function documentOf(field: GraphQLField<unknown, unknown>): string {
  const decl = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? (named.getFields().id ? ' { id }' : ' { __typename }') : '';
  return `mutation${decl ? `(${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

async function send(walk: Walk, vars: Vars): Promise<GqlResult> {
  const doc = documentOf(walk.field);
  if (walk.walker === 'PUBLIC') return s.gql(doc, vars, null);
  return (await s.as(USER_OF[walk.walker]))(doc, vars);
}

function expectRefused(r: GqlResult, code: 'FORBIDDEN' | 'BAD_USER_INPUT', leaf: string, what: string) {
  const e = r.errors?.[0];
  expect(e?.extensions?.code, `${what}: ${JSON.stringify(r.errors)}`).toBe(code);
  expect(e?.extensions?.field, `${what}: extensions.field`).toBe(leaf);
  expect(e?.message, `${what}: the message names the field`).toContain(leaf);
  expect(r.data == null || Object.values(r.data).every((v) => v === null), `${what}: no answer`).toBe(true);
}

/** Sends vars and proves the call was refused with `code` naming the field, and that nothing changed. */
async function refused(walk: Walk, c: Case, vars: Vars, code: 'FORBIDDEN' | 'BAD_USER_INPUT', leaf: string, what: string) {
  const before = await c.state(vars);
  expectRefused(await send(walk, vars), code, leaf, what);
  expect(await c.state(vars), `${what}: nothing written`).toEqual(before);
}

async function accepted(walk: Walk, c: Case, vars: Vars, what: string): Promise<Sent> {
  const r = await send(walk, vars);
  if (c.accepted) {
    await c.accepted(r, vars);
    return { vars, data: null };
  }
  expect(r.errors, `${what}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  const data = r.data?.[walk.mutation];
  expect(data, `${what}: an answer`).toBeTruthy();
  return { vars, data };
}

async function walkOne(walk: Walk, c: Case): Promise<number> {
  let sent = 0;
  for (const [path, entry] of walk.paths) {
    const rule = c.fields[path];
    if (!rule) throw new Error(`unclassified: ${walk.mutation}(${path}) for ${walk.walker}`);
    const leaf = path.split('.').pop()!;
    const what = `${walk.walker} ${walk.mutation}(${path})`;
    const base = await c.base();
    const value = resolve(rule.value !== undefined ? rule.value : valueAt(base, path));
    expect(value, `${what}: the table gives a valid value`).not.toBeUndefined();
    if (rule.sets) {
      await accepted(walk, c, withValue(base, path, value), `${what} = ${JSON.stringify(value)}`);
      const nullVars = withValue(await c.base(), path, null);
      if (rule.onNull === 'REQUIRED') await refused(walk, c, nullVars, 'BAD_USER_INPUT', leaf, `${what} = null`);
      else await rule.onNull(await accepted(walk, c, nullVars, `${what} = null (clears)`));
      sent += 2;
      if (rule.foreign !== undefined) {
        await refused(walk, c, withValue(await c.base(), path, resolve(rule.foreign)), 'FORBIDDEN', leaf, `${what} = someone else's`);
        sent++;
      }
    } else {
      const values = [value, null];
      if (['String', 'ID'].includes(getNamedType(entry.type).name)) values.push('');
      if (rule.invalid !== undefined) values.push(rule.invalid);
      for (const v of values) {
        await refused(walk, c, withValue(await c.base(), path, v), 'FORBIDDEN', leaf, `${what} = ${JSON.stringify(v)}`);
        sent++;
      }
    }
  }
  return sent;
}

describe('field-level rules, walked over the schema', () => {
  it('classifies every mutation a role other than the committee may call, and every argument and input field of it', () => {
    const problems: string[] = [];
    for (const walk of walks()) {
      const c = TABLE[`${walk.mutation} ${walk.walker}`];
      if (!c) {
        problems.push(`unclassified mutation: ${walk.mutation} for ${walk.walker} (add it to the table of field-rules.test.ts)`);
        continue;
      }
      for (const path of walk.paths.keys()) {
        if (!c.fields[path]) problems.push(`unclassified field: ${walk.mutation}(${path}) for ${walk.walker}`);
      }
      for (const path of Object.keys(c.fields)) {
        if (!walk.paths.has(path)) problems.push(`the table names ${walk.mutation}(${path}), which the schema does not have`);
      }
    }
    // Rows for operations the schema does not offer to that role are stale, unless announced.
    const offered = new Set(walks().map((w) => `${w.mutation} ${w.walker}`));
    for (const key of Object.keys(TABLE)) {
      if (!offered.has(key) && !ANNOUNCED.has(key.split(' ')[0]!)) problems.push(`the table names ${key}, which the schema does not offer`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The walk is not empty: the unit admin's and the grid worker's mutations are in it.
    expect([...offered]).toEqual(expect.arrayContaining(['updateMemberUnit UNIT_ADMIN', 'reportNeed GRID_WORKER', 'signUpForActivity UNIT_ADMIN']));
  });

  for (const [key, c] of Object.entries(TABLE)) {
    it(`${key}: allowed fields accepted (null clears or is REQUIRED), committee-only ones FORBIDDEN and nothing written`, async () => {
      const [mutation, walker] = key.split(' ') as [string, Walker];
      const walk = walks().find((w) => w.mutation === mutation && w.walker === walker);
      if (!walk) {
        // Announced, not yet in the schema: nothing to walk until it appears (then it must be walked).
        expect(ANNOUNCED.has(mutation), `${key} is not in the schema`).toBe(true);
        expect(schema.getMutationType()!.getFields()[mutation]).toBeUndefined();
        return;
      }
      const sent = await walkOne(walk, c);
      expect(sent).toBeGreaterThanOrEqual(2 * walk.paths.size);
    });
  }

  it("after the walk, unit1's committee-only fields are still the seed's (so the refusals had something to clear)", async () => {
    const unit = await unitRow(ids.unit1);
    expect(unit.credit_code).toMatch(/^[0-9A-Z]{18}$/);
    expect(unit.credit_code).not.toBe(VALID_CODE);
    expect(unit.party_org_name).toBe('松风小学党支部');
    expect(unit.name).toBe('海拉尔区松风小学');
    expect(unit.status).toBe('ACTIVE');
  });
});

describe('the committee sets every field: null clears what may be empty and is REQUIRED for the rest', () => {
  it('updateMemberUnit', async () => {
    const c = await s.as('committee');
    const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateMemberUnitInput!) { updateMemberUnit(id: $id, version: $version, input: $input) { id } }`;
    for (const field of ['name', 'kind', 'partyMemberCount', 'contactName', 'contactPhone', 'status']) {
      const before = await unitRow(ids.unit2);
      expectRefused(await c(UPDATE, { id: ids.unit2, version: before.version, input: { [field]: null } }), 'BAD_USER_INPUT', field, `${field} = null`);
      expect(await unitRow(ids.unit2), `${field} = null: nothing written`).toEqual(before);
    }
    for (const [field, column] of [['creditCode', 'credit_code'], ['partyOrgName', 'party_org_name'], ['address', 'address']] as const) {
      const before = await unitRow(ids.unit2);
      expect(before[column], column).not.toBeNull();
      const r = await c(UPDATE, { id: ids.unit2, version: before.version, input: { [field]: null } });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect((await unitRow(ids.unit2))[column], `${field} = null clears it`).toBeNull();
    }
  });

  it('updateActivity', async () => {
    const c = await s.as('committee');
    const id = await openActivity();
    await s.sql(`UPDATE activity SET category_id = $2, max_units = 5 WHERE id = $1`, [id, ids.category]);
    const row = () => one(`SELECT * FROM activity WHERE id = $1`, [id]);
    const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { id } }`;
    for (const field of ['title', 'description', 'kind', 'startsAt', 'endsAt', 'location']) {
      const before = await row();
      expectRefused(await c(UPDATE, { id, version: before.version, input: { [field]: null } }), 'BAD_USER_INPUT', field, `${field} = null`);
      expect(await row(), `${field} = null: nothing written`).toEqual(before);
    }
    for (const [field, column] of [['categoryCode', 'category_id'], ['maxUnits', 'max_units']] as const) {
      const before = await row();
      expect(before[column], column).not.toBeNull();
      const r = await c(UPDATE, { id, version: before.version, input: { [field]: null } });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect((await row())[column], `${field} = null clears it`).toBeNull();
    }
  });
});
