import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveTo, world } from '../../modules/need/__tests__/need-helpers.js';
import { startTestServer, type GqlResult, type TestServer } from '../../testing/test-server.js';

/*
 * The fast path (docs/architecture.md, "Fast path") against the general one:
 * one server answers with FAST_PATH on, its twin on the same database with
 * FAST_PATH off, and every document of the matrix, for every demo role, must
 * get the same response from both: data, errors (code, field, path) and all.
 * The documents the compiler knows must cost one statement.
 */

let s: TestServer;
let general: Awaited<ReturnType<TestServer['twin']>>;
const tokens = new Map<string, string>();
const ROLES = ['committee', 'unit1', 'unit2', 'grid1', 'viewer', 'n-committee'] as const;

let unitIds: string[] = [];
let otherAllianceUnit = '';
let cursor = '';
let activityIds: string[] = [];
let gridIds: string[] = [];
let needCursor = '';

beforeAll(async () => {
  s = await startTestServer({}, { FAST_PATH: 'on' });
  general = await s.twin({ FAST_PATH: 'off' });
  for (const r of ROLES) tokens.set(r, await s.login(r));
  // Work in progress of unit1: seen by its own unit and the committee only.
  const unit1 = await s.as('unit1');
  for (const title of ['草稿：周末义诊', '草稿：志愿者培训']) {
    const r = await unit1(`mutation($i: ShelfProjectInput!) { createShelfProject(input: $i) { id } }`, {
      i: { title, description: '待提交审核', categoryCode: 'LIVELIHOOD_SECURITY', tags: ['志愿'] },
    });
    expect(r.errors).toBeUndefined();
  }
  // Needs the units' liaisons deliver while open (the phone is theirs to read), one they claimed, one
  // assigned to a liaison, finished ones, each text naming the resident (masked for the viewer).
  const w = await world(s);
  const of = (unit: string) => w.onShelf.find((p) => p.unit.id === unit)!.id;
  const [p1, p2] = [of(w.unitId.unit1), of(w.unitId.unit2)];
  const input = { description: '居民甲（139 1234 5678）反映：3号楼2单元楼道灯不亮。' };
  await driveTo(w, 'ORDERED', { input, projects: [p1] });
  await driveTo(w, 'PLANNED', { input, projects: [p2], claimers: [w.unit1] });
  await driveTo(w, 'IN_PROGRESS', { input, projects: [p1, p2], assignee: { client: w.unit1, id: w.userId.unit1 } });
  await driveTo(w, 'ACCEPTED', { input: { ...input, gridId: w.grids[1]!.id }, claimers: [w.unit2] });
  await driveTo(w, 'CLOSED', { input, projects: [p1] });
  const units = await s.gql(`{ memberUnits(first: 100) { nodes { id } } }`, {}, tokens.get('committee'));
  unitIds = units.data.memberUnits.nodes.map((n: { id: string }) => n.id);
  const other = await s.gql(`{ memberUnits(first: 1) { nodes { id } } }`, {}, tokens.get('n-committee'));
  otherAllianceUnit = other.data.memberUnits.nodes[0].id;
  const page = await s.gql(`{ shelfProjects(first: 3) { pageInfo { endCursor } } }`, {}, tokens.get('committee'));
  cursor = page.data.shelfProjects.pageInfo.endCursor;
  expect(unitIds.length).toBeGreaterThan(3);
  const activities = await s.gql(`{ activities(first: 100) { nodes { id } } }`, {}, tokens.get('committee'));
  const otherActivity = await s.gql(`{ activities(first: 1) { nodes { id } } }`, {}, tokens.get('n-committee'));
  // A dozen of the newest (sign-ups of every status, projects, needs) and one of the neighbouring alliance.
  activityIds = [...activities.data.activities.nodes.slice(0, 12).map((n: { id: string }) => n.id), ...otherActivity.data.activities.nodes.map((n: { id: string }) => n.id)];
  const grids = await s.gql(`{ alliance { grids { id } } }`, {}, tokens.get('committee'));
  gridIds = grids.data.alliance.grids.map((g: { id: string }) => g.id);
  const needs = await s.gql(`{ needs(first: 4) { pageInfo { endCursor } } }`, {}, tokens.get('committee'));
  needCursor = needs.data.needs.pageInfo.endCursor;
  expect(activityIds.length).toBeGreaterThan(3);
});
afterAll(() => s?.close());

/** What must agree: the data and each error's code, field and path (messages too). */
function comparable(r: GqlResult) {
  return {
    status: r.status,
    data: r.data,
    errors: r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field, path: e.path })),
  };
}

async function both(role: string, query: string, variables: Record<string, unknown> = {}) {
  const token = tokens.get(role)!;
  const [fast, slow] = await Promise.all([s.gql(query, variables, token), general.gql(query, variables, token)]);
  return { fast, slow };
}

const PROJECT_FIELDS = `id title description status reviewComment capacityPerMonth tags createdAt updatedAt version`;
const UNIT_FIELDS = `id name kind creditCode partyOrgName partyMemberCount contactName contactPhone address status joinedAt version`;

/** Documents the compiler knows: one statement each (the caller's account is read from the registry's cache). */
const SHELF_DOCUMENTS: Record<string, string> = {
  bench: `query($filter: ShelfProjectFilter, $first: Int, $after: String) {
    shelfProjects(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes { id title status tags capacityPerMonth createdAt version category { id code name } unit { id name agreement { id signedAt validUntil } } }
    } }`,
  everything: `query($filter: ShelfProjectFilter, $first: Int, $after: String) {
    shelfProjects(filter: $filter, first: $first, after: $after) {
      __typename totalCount pageInfo { endCursor hasNextPage }
      nodes { __typename ${PROJECT_FIELDS} orderCount category { id code name }
        unit { ${UNIT_FIELDS} agreementStatus points agreement { id signedAt validUntil responsibilities }
          onShelf: shelfProjects(status: ON_SHELF) { id title status unit { id name } }
          all: shelfProjects { id status orderCount } } }
    } }`,
  countOnly: `query($filter: ShelfProjectFilter) { shelfProjects(filter: $filter) { totalCount } }`,
  pageInfoOnly: `query($filter: ShelfProjectFilter, $after: String) { shelfProjects(filter: $filter, first: 2, after: $after) { pageInfo { endCursor hasNextPage } } }`,
  fragments: `query($filter: ShelfProjectFilter, $first: Int, $skipUnit: Boolean = false) {
    shelfProjects(filter: $filter, first: $first) { ...Page } }
    fragment Page on ShelfProjectConnection { totalCount nodes { ...Project unit @skip(if: $skipUnit) { ...Unit } } }
    fragment Project on ShelfProject { id title status category { name } }
    fragment Unit on MemberUnit { id name contactPhone p2025: points(from: "2025-01-01", to: "2025-12-31") pAll: points }`,
};

const SHELF_VARIABLES: Record<string, unknown>[] = [
  {},
  { first: 3 },
  { first: 3, after: 'CURSOR' },
  { filter: { status: 'ON_SHELF' }, first: 5 },
  { filter: { status: 'DRAFT' } },
  { filter: { status: 'ON_SHELF', categoryCode: 'LIVELIHOOD_SECURITY', search: '志愿' }, first: 2 },
  { filter: { search: '100%_\\' } },
  { filter: { unitId: 'UNIT0' }, first: 50 },
  { first: 100 },
];

function bind(v: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(v).replace('"CURSOR"', JSON.stringify(cursor)).replace('"UNIT0"', JSON.stringify(unitIds[0]));
  return JSON.parse(text) as Record<string, unknown>;
}

describe('shelfProjects: the fast path answers as the general path does', () => {
  for (const role of ROLES) {
    it(`every document and filter, as ${role}`, async () => {
      for (const [name, query] of Object.entries(SHELF_DOCUMENTS)) {
        for (const raw of SHELF_VARIABLES) {
          const variables = bind(raw);
          const { fast, slow } = await both(role, query, variables);
          expect(comparable(fast), `${name} ${JSON.stringify(variables)}`).toEqual(comparable(slow));
          expect(fast.errors, `${name} ${JSON.stringify(variables)}`).toBeUndefined();
          expect(fast.sql, `${name} ${JSON.stringify(variables)}: statements`).toBe(1);
        }
      }
    });
  }

  it('walks every page alike, cursor after cursor', async () => {
    const query = SHELF_DOCUMENTS.bench!;
    let after: string | null = null;
    let pages = 0;
    do {
      const { fast, slow } = await both('committee', query, { first: 4, after });
      expect(comparable(fast)).toEqual(comparable(slow));
      after = fast.data.shelfProjects.pageInfo.hasNextPage ? fast.data.shelfProjects.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 100);
    expect(pages).toBeGreaterThan(3);
  });

  it('refuses bad input alike and writes nothing', async () => {
    for (const variables of [{ first: 0 }, { first: 1000 }, { after: 'not a cursor' }, { filter: { unitId: 'nope' } }, { filter: { search: 'x'.repeat(500) } }]) {
      const { fast, slow } = await both('committee', SHELF_DOCUMENTS.bench!, variables);
      expect(fast.errors?.length, JSON.stringify(variables)).toBeGreaterThan(0);
      expect(comparable(fast)).toEqual(comparable(slow));
    }
  });

  it('a field it does not know sends the whole read the general way, with the same answer', async () => {
    const query = `{ shelfProjects(first: 3) { nodes { id unit { id agreement { id attachments { id } } } } } }`;
    const { fast, slow } = await both('committee', query);
    expect(comparable(fast)).toEqual(comparable(slow));
    expect(fast.sql).toBeGreaterThan(1);
  });
});

const UNIT_DOCUMENTS: Record<string, string> = {
  page: `query($id: ID!) { memberUnit(id: $id) {
    ${UNIT_FIELDS} points agreement { id signedAt validUntil responsibilities }
    shelfProjects { id title status orderCount category { id code name } } } }`,
  status: `query($id: ID!) { memberUnit(id: $id) { id agreementStatus contactPhone drafts: shelfProjects(status: DRAFT) { id title unit { id contactPhone } } } }`,
  points: `query($id: ID!) { memberUnit(id: $id) { id a: points(from: "2026-01-01") b: points(to: "2025-06-30") c: points(from: "2025-01-01", to: "2025-03-31") } }`,
};

describe('memberUnit: the fast path answers as the general path does', () => {
  for (const role of ROLES) {
    it(`the unit page of every unit, as ${role}`, async () => {
      for (const [name, query] of Object.entries(UNIT_DOCUMENTS)) {
        for (const id of [...unitIds.slice(0, 8), otherAllianceUnit]) {
          const { fast, slow } = await both(role, query, { id });
          expect(comparable(fast), `${name} ${id}`).toEqual(comparable(slow));
          expect(fast.sql, `${name} ${id}: statements`).toBe(1);
        }
      }
    });
  }

  it('refuses a malformed id and a reversed period alike', async () => {
    for (const [query, variables] of [
      [UNIT_DOCUMENTS.page!, { id: 'nope' }],
      [`query($id: ID!) { memberUnit(id: $id) { id points(from: "2026-02-01", to: "2026-01-01") } }`, { id: unitIds[0] }],
    ] as const) {
      const { fast, slow } = await both('committee', query, variables);
      expect(fast.errors?.length).toBeGreaterThan(0);
      expect(comparable(fast)).toEqual(comparable(slow));
    }
  });
});

const ACTIVITY_DOCUMENTS: Record<string, string> = {
  bench: `query($id: ID!) { activity(id: $id) {
    id title description kind status startsAt endsAt location maxUnits confirmedCount version
    category { id name }
    outcome { participants volunteerHours beneficiaries summary }
    shelfProjects { id title status category { id name } unit { id name } }
    signups { id status headcount note createdAt unit { id name kind contactName contactPhone } } } }`,
  everything: `query($id: ID!) { activity(id: $id) {
    __typename id title cancelReason recordedAfterwards
    shelfProjects { ${PROJECT_FIELDS} orderCount unit { ${UNIT_FIELDS} agreementStatus agreement { id validUntil } } }
    needs { id title description status location requesterName requesterPhone reportedAt overdue history { at to comment actor { displayName } } }
    confirmed: signups(status: CONFIRMED) { id unit { name } activity { id confirmedCount } }
    waiting: signups(status: WAITLISTED) { id createdAt }
    signups { id status unit { id contactPhone points } } } }`,
  minimal: `query($id: ID!) { activity(id: $id) { id } }`,
};

describe('activity: the fast path answers as the general path does', () => {
  for (const role of ROLES) {
    it(`every activity, as ${role}`, async () => {
      for (const [name, query] of Object.entries(ACTIVITY_DOCUMENTS)) {
        for (const id of activityIds) {
          const { fast, slow } = await both(role, query, { id });
          expect(comparable(fast), `${name} ${id}`).toEqual(comparable(slow));
          expect(fast.sql, `${name} ${id}: statements`).toBe(1);
        }
      }
    });
  }
});

const OPEN = ['REPORTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS'];
const NEED_DOCUMENTS: Record<string, string> = {
  bench: `query($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes {
        id title status location requesterName requesterPhone reportedAt dueAt version
        category { id name }
        orderedProjects { id title unit { id name } }
        assignee { id displayName }
        history { at from to comment actor { id displayName } }
      } } }`,
  everything: `query($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes {
        id title description status source location requesterName requesterPhone plan dueAt resolution satisfaction
        reportedAt resolvedAt followedUpAt version overdue
        grid { id name branchName } category { id code name }
        orderedProjects { ${PROJECT_FIELDS} unit { id name contactPhone } category { name } }
        claimedBy { id name contactPhone } deliveringUnits { id name }
        assignee { id username displayName role status phone unit { id name } grid { id name } }
        reportedBy { id displayName phone }
        history { at from to comment actor { id displayName phone } }
      } } }`,
  phones: `query($filter: NeedFilter, $first: Int) { needs(filter: $filter, first: $first) { nodes { id requesterPhone } } }`,
};

const NEED_VARIABLES: Record<string, unknown>[] = [
  {},
  { first: 50 },
  { first: 4, after: 'NEED_CURSOR' },
  { filter: { status: OPEN }, first: 20 },
  { filter: { gridId: 'GRID0', status: OPEN } },
  { filter: { gridId: 'GRID1' } },
  { filter: { search: '王' } },
  { filter: { myUnit: true } },
  { filter: { claimable: true } },
  { filter: { assignedToMe: true } },
  { filter: { overdue: true } },
  { filter: { overdue: false, source: 'STAFF' } },
  { filter: { reportedFrom: '2025-01-01', reportedTo: '2026-12-31', categoryCode: 'LIVELIHOOD_SECURITY' } },
];

function bindNeed(v: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(v)
    .replace('"NEED_CURSOR"', JSON.stringify(needCursor))
    .replace('"GRID0"', JSON.stringify(gridIds[0]))
    .replace('"GRID1"', JSON.stringify(gridIds[1]));
  return JSON.parse(text) as Record<string, unknown>;
}

describe('needs: the fast path answers as the general path does', () => {
  for (const role of ROLES) {
    it(`the needs board, every filter, as ${role}`, async () => {
      for (const [name, query] of Object.entries(NEED_DOCUMENTS)) {
        for (const raw of NEED_VARIABLES) {
          const variables = bindNeed(raw);
          const { fast, slow } = await both(role, query, variables);
          expect(comparable(fast), `${name} ${JSON.stringify(variables)}`).toEqual(comparable(slow));
          expect(fast.errors, `${name} ${JSON.stringify(variables)}`).toBeUndefined();
          expect(fast.sql, `${name} ${JSON.stringify(variables)}: statements`).toBe(1);
        }
      }
    });
  }

  it('walks every page of needs alike', async () => {
    let after: string | null = null;
    let pages = 0;
    do {
      const { fast, slow } = await both('viewer', NEED_DOCUMENTS.everything!, { first: 7, after });
      expect(comparable(fast)).toEqual(comparable(slow));
      after = fast.data.needs.pageInfo.hasNextPage ? fast.data.needs.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 100);
    expect(pages).toBeGreaterThan(2);
  });
});
