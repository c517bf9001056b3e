import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import UnitHistory from '../units/UnitHistory.vue';
import { mountAs, user, type Handler } from '../../__tests__/mount';

const body = () => document.body;
const texts = (sel: string, within: ParentNode = body()) => [...within.querySelectorAll(sel)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
/** The lines of the i-th entry shown. */
const lines = (i: number) => texts('[data-test="unit-history-line"]', body().querySelectorAll('[data-test="unit-history-entry"]')[i]!);

afterEach(() => {
  document.body.innerHTML = '';
});

const entry = (id: string, at: string, action: string, summary: Record<string, unknown>) => ({
  __typename: 'AuditEntry',
  id,
  at,
  actorName: '社区党委管理员',
  actor: { __typename: 'User', id: 'u-c', displayName: '社区党委管理员' },
  clientAddress: '127.0.0.1',
  action,
  subjectType: 'MEMBER_UNIT',
  subjectId: 'unit-1',
  summary,
});
const log = (nodes: ReturnType<typeof entry>[], hasNextPage = false): Handler => () => ({
  data: {
    auditLog: { __typename: 'AuditEntryConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', endCursor: hasNextPage ? 'c1' : null, hasNextPage }, nodes },
  },
});

describe('变更记录 on the unit page', () => {
  it("asks the log for this unit's entries and reads each change as before → after, in the alliance's labels", async () => {
    const handler = log([
      entry('e3', '2026-11-30T02:00:00Z', 'AGREEMENT_SIGN', { signedAt: '2026-12-01', validUntil: '2029-11-30' }),
      entry('e2', '2026-11-20T08:30:00Z', 'UNIT_STATUS', { before: { status: 'ACTIVE', contactPhone: '139****5678' }, after: { status: 'SUSPENDED', contactPhone: '139****4321' } }),
      entry('e1', '2026-11-01T01:00:00Z', 'UNIT_CREATE', { after: { name: '松风小学', kind: 'PUBLIC_INSTITUTION', status: 'ACTIVE', address: null } }),
    ]);
    const { calls } = await mountAs(UnitHistory, user('COMMITTEE_ADMIN'), { props: { unitId: 'unit-1', unitName: '松风小学' }, handler });
    await flushPromises();
    expect(calls.find((c) => c.operationName === 'AuditLog')?.variables).toEqual({ filter: { subjectType: 'MEMBER_UNIT', subjectId: 'unit-1' }, first: 10 });
    expect(texts('[data-test="unit-history-action"]')).toEqual(['签订共建协议', '变更单位状态', '新增成员单位']);
    expect(lines(1)).toEqual(['联系电话：139****5678 → 139****4321', '状态：正常 → 暂停']);
    expect(lines(0)).toEqual(['签订日期：2026-12-01', '有效期至：2029-11-30']);
    // Created: what it was created with, empty fields left out.
    expect(lines(2)).toEqual(['名称：松风小学', '类型：事业单位', '状态：正常']);
    expect(body().textContent).toContain('2026-11-20 16:30');
  });

  it('says so when the unit has no history', async () => {
    await mountAs(UnitHistory, user('COMMITTEE_ADMIN'), { props: { unitId: 'unit-1', unitName: '松风小学' }, handler: log([]) });
    await flushPromises();
    expect(body().querySelector('[data-test="unit-history"] .el-empty')).not.toBeNull();
    expect(texts('[data-test="unit-history-entry"]')).toEqual([]);
  });
});
